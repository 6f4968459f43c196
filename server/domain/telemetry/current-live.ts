// The replication lag the worker measured last, per link, when it is recent enough to call current.
import type { LiveLink } from "@/lib/telemetry/contracts";
import type { Db } from "@/server/db";
import { latestSnapshot } from "@/server/domain/telemetry/snapshot";

/** Older than this, a snapshot says how things were, not how they are: the worker has stopped observing. */
export const LIVE_DATA_MAX_AGE_MS = 10 * 60_000;

export type LiveLinks = { observedAt: Date; byLinkId: Map<string, LiveLink> };

export async function currentLiveLinks(db: Db, deploymentId: string, now = Date.now()): Promise<LiveLinks | null> {
  const latest = await latestSnapshot(db, deploymentId);
  if (!latest || now - latest.snapshot.observedAtMs > LIVE_DATA_MAX_AGE_MS) return null;
  return {
    observedAt: new Date(latest.snapshot.observedAtMs),
    byLinkId: new Map(latest.snapshot.links.map((link) => [link.linkId, link])),
  };
}
