// The live values the observer published last, read once for whoever needs them now: the plan of
// an operation, its approval gates, readiness and event costs. `current` is the newest snapshot
// when it is recent enough to call current (indexed by link and region); `missing` says in words
// why there is none, for the sentences of checks and readiness.
import type { LiveLink, LiveRegion, LiveSnapshot } from "@/lib/telemetry/contracts";
import type { Tx } from "@/server/db";
import { latestSnapshot } from "@/server/domain/telemetry/snapshot";

/** Older than this, a snapshot says how things were, not how they are: the worker has stopped observing. */
export const LIVE_DATA_MAX_AGE_MS = 10 * 60_000;

export type CurrentLive = { observedAt: Date; links: Map<string, LiveLink>; regions: Map<string, LiveRegion> };

export type LiveNow = {
  /** The newest snapshot, however old (null before the first observation). */
  snapshot: LiveSnapshot | null;
  current: CurrentLive | null;
  missing: string;
};

export async function readLiveNow(db: Tx, deploymentId: string, nowMs = Date.now()): Promise<LiveNow> {
  const snapshot = (await latestSnapshot(db, deploymentId))?.snapshot ?? null;
  if (!snapshot) return { snapshot, current: null, missing: "no live data yet" };
  const ageMs = nowMs - snapshot.observedAtMs;
  if (ageMs > LIVE_DATA_MAX_AGE_MS)
    return {
      snapshot,
      current: null,
      missing: `no current live data: the newest is ${Math.round(ageMs / 60_000)} min old`,
    };
  return {
    snapshot,
    current: {
      observedAt: new Date(snapshot.observedAtMs),
      links: new Map(snapshot.links.map((link) => [link.linkId, link])),
      regions: new Map(snapshot.regions.map((region) => [region.regionId, region])),
    },
    missing: "",
  };
}
