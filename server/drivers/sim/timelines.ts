// Timelines, as PostgreSQL keeps them: every promotion in a single-primary cluster forks the log
// at the promoted replica's position. Two replicas share history only up to where their timelines
// split, so a byte position alone cannot say whether an old primary's tail is still valid.
import type { ClusterRuntime } from "./state";

export interface TimelineRecord {
  timeline: number;
  parentTimeline: number | null;
  /** Log position where this timeline forked from its parent. */
  startBytes: number;
}

function ancestry(runtime: ClusterRuntime, timeline: number): number[] {
  const path: number[] = [];
  let current: number | null = timeline;
  while (current !== null && !path.includes(current)) {
    path.push(current);
    const record: TimelineRecord | undefined = runtime.timelines.find((candidate) => candidate.timeline === current);
    current = record?.parentTimeline ?? null;
  }
  return path;
}

/** Position up to which logs on the two timelines are identical (Infinity when they are the same timeline). */
export function sharedHistoryBytes(runtime: ClusterRuntime, timelineA: number, timelineB: number): number {
  if (timelineA === timelineB) return Infinity;
  const pathA = ancestry(runtime, timelineA);
  const pathB = ancestry(runtime, timelineB);
  const common = pathA.find((timeline) => pathB.includes(timeline));
  if (common === undefined) return 0;
  const forkStarts = [pathA, pathB]
    .map((path) => path[path.indexOf(common) - 1])
    .filter((child): child is number => child !== undefined)
    .map((child) => runtime.timelines.find((record) => record.timeline === child)?.startBytes ?? 0);
  return Math.min(...forkStarts);
}

export function forkTimeline(
  runtime: ClusterRuntime,
  input: { newTimeline: number; parentTimeline: number; startBytes: number },
): void {
  runtime.timelines.push({
    timeline: input.newTimeline,
    parentTimeline: input.parentTimeline,
    startBytes: input.startBytes,
  });
}
