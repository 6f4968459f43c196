// Which stored data a chart of a range reads, and how wide its points are. Pure, so it is tested alone.
//
// The rule:
// 1. Source: the coarsest one that still gives the chart at least MIN_SOURCE_POINTS points:
//    1-hour rollups from 160 hours (6.7 days) up, 1-minute rollups from 160 minutes up, raw samples
//    below that. So the rows read per series stay bounded too (raw: under 160 minutes of samples;
//    1-minute rollups: under 9,600), while short ranges keep per-sample detail. The presets: 5m and
//    1h read raw samples (1 s and 5 s points), 24h 1-minute rollups (2-minute points), 7d 1-hour
//    rollups (168 points).
// 2. Availability: raw samples only when the whole range lies within raw retention, 1-minute
//    rollups only within their retention; otherwise the next coarser source.
// 3. Step: the smallest "round" width (STEPS) no finer than the source that keeps a series at or
//    under MAX_POINTS_PER_SERIES points, counting the partial bucket at the start.
import { retentionCutoffs, type RetentionPolicy } from "./retention";

export const MAX_POINTS_PER_SERIES = 1000;
export const MIN_SOURCE_POINTS = 160;

/** Point widths a chart may use, in seconds: each divides a day, so buckets line up across charts. */
export const STEPS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400,
] as const;

export type HistorySource = "raw" | "rollup-1m" | "rollup-1h";
export type Resolution = { source: HistorySource; stepSeconds: number };

/** The finest step each source gives (raw points are at least a second wide: finer adds nothing a chart shows). */
export const SOURCE_SECONDS: Record<HistorySource, number> = { raw: 1, "rollup-1m": 60, "rollup-1h": 3600 };

export function chooseResolution(input: {
  fromMs: number;
  toMs: number;
  nowMs: number;
  retention: RetentionPolicy;
}): Resolution {
  const rangeSeconds = (input.toMs - input.fromMs) / 1000;
  const cut = retentionCutoffs(input.nowMs, input.retention);
  let source: HistorySource =
    rangeSeconds / 3600 >= MIN_SOURCE_POINTS
      ? "rollup-1h"
      : rangeSeconds / 60 >= MIN_SOURCE_POINTS
        ? "rollup-1m"
        : "raw";
  if (source === "raw" && input.fromMs < cut.rawFromMs) source = "rollup-1m";
  if (source === "rollup-1m" && input.fromMs < cut.minuteRollupFromMs) source = "rollup-1h";

  const sourceSeconds = SOURCE_SECONDS[source];
  // ceil(range / step) buckets, plus one when the range does not start on a bucket boundary.
  // Ranges are at most 366 days (ZHistoryQuery), so a day per point always fits.
  const stepSeconds: number =
    STEPS.find((s) => s >= sourceSeconds && Math.ceil(rangeSeconds / s) + 1 <= MAX_POINTS_PER_SERIES) ?? 86_400;
  return { source, stepSeconds };
}

/** The next finer source: what covers the part of a range a coarser source has not summarised yet. */
const FINER: Record<HistorySource, HistorySource | null> = { "rollup-1h": "rollup-1m", "rollup-1m": "raw", raw: null };

export type HistorySegment = { source: HistorySource; fromMs: number; toMs: number };

/**
 * Which source reads which part of [fromMs, toMs) (fromMs aligned to the step). A rollup holds only
 * closed buckets the rollup job has reached (`coveredToMs`: the end of its newest bucket, null when
 * it has none), so the rest of the range, the most recent part, is read from the next finer source
 * at the same step, down to raw samples. So a week's chart of a deployment 40 minutes old shows its
 * 40 minutes, and a day's chart reaches up to now instead of up to the last rollup. Boundaries fall
 * on the step, so no point is summarised from two sources.
 */
export function planSegments(input: {
  source: HistorySource;
  stepSeconds: number;
  fromMs: number;
  toMs: number;
  coveredToMs: Partial<Record<HistorySource, number | null>>;
}): HistorySegment[] {
  const stepMs = input.stepSeconds * 1000;
  const segments: HistorySegment[] = [];
  let cursor = input.fromMs;
  for (let source: HistorySource | null = input.source; source && cursor < input.toMs; source = FINER[source]) {
    const covered = source === "raw" ? input.toMs : (input.coveredToMs[source] ?? null);
    if (covered === null) continue;
    const end = Math.min(input.toMs, source === "raw" ? input.toMs : Math.floor(covered / stepMs) * stepMs);
    if (end <= cursor) continue;
    segments.push({ source, fromMs: cursor, toMs: end });
    cursor = end;
  }
  return segments;
}
