// Replication lag of a link, in bytes (exact, from the positions) and in milliseconds (derived).
import type { LinkLagObservation, TopologyLink } from "../types";
import { drainBytesPerSecond, linkRoundTripMs, nominalDrainBytesPerSecond } from "./link-network";
import { linkRuntime, replicaRuntime } from "./lookup";
import { jitter } from "./prng";
import type { SimState } from "./state";

export function linkLagBytes(state: SimState, link: TopologyLink): number {
  return Math.max(
    0,
    replicaRuntime(state, link.sourceReplicaId).committedBytes - linkRuntime(state, link.id).appliedBytes,
  );
}

/**
 * Time for the target to apply its backlog plus half a round trip. While the link cannot ship we
 * use its healthy throughput: the number then says how long catching up will take once it can,
 * which is what a switchover or an RPO check needs to know.
 */
export function linkLagMs(state: SimState, link: TopologyLink, atMs: number): number {
  const lagBytes = linkLagBytes(state, link);
  if (lagBytes === 0) return 0;
  const drainNow = drainBytesPerSecond(state, link, atMs);
  const drain = drainNow > 0 ? drainNow : nominalDrainBytesPerSecond(state, link);
  return (lagBytes / drain) * 1000 + linkRoundTripMs(state, link, atMs) / 2;
}

export function observeLinkLag(state: SimState, link: TopologyLink, atMs: number): LinkLagObservation {
  const lagMs = jitter(
    linkLagMs(state, link, atMs),
    state.options.jitterFraction,
    state.options.seed,
    "lag",
    link.id,
    atMs,
  );
  return { linkId: link.id, lagMs: Math.round(lagMs * 10) / 10, lagBytes: linkLagBytes(state, link) };
}
