// The network under a replication link: its round trip (distance plus injected latency), whether it
// can ship at all, and how fast its target can take in the backlog.
import type { TopologyLink } from "../types";
import {
  applyRateFactor,
  isLinkPartitioned,
  isRegionDown,
  linkAddedLatencyMs,
  regionAddedLatencyMs,
} from "./active-faults";
import { roundTripMs } from "./geo";
import { findRegion, findReplica } from "./lookup";
import type { SimState } from "./state";

export function linkRoundTripMs(state: SimState, link: TopologyLink, atMs: number): number {
  const sourceRegion = findRegion(state, findReplica(state, link.sourceReplicaId).regionId);
  const targetRegion = findRegion(state, findReplica(state, link.targetReplicaId).regionId);
  return (
    roundTripMs(sourceRegion, targetRegion) +
    regionAddedLatencyMs(state, sourceRegion.id, atMs) +
    regionAddedLatencyMs(state, targetRegion.id, atMs) +
    linkAddedLatencyMs(state, link.id, atMs)
  );
}

/** False when the link is cut or either end's region is down: nothing is shipped or applied. */
export function canShip(state: SimState, link: TopologyLink, atMs: number): boolean {
  const source = findReplica(state, link.sourceReplicaId);
  const target = findReplica(state, link.targetReplicaId);
  return (
    !isLinkPartitioned(state, link.id, atMs) &&
    !isRegionDown(state, source.regionId, atMs) &&
    !isRegionDown(state, target.regionId, atMs)
  );
}

/** Throughput of a healthy link: the slower of the wire and the target's replay. */
export function nominalDrainBytesPerSecond(state: SimState, link: TopologyLink): number {
  const { options } = state;
  const bandwidth = options.linkBandwidthBytesPerSecond[link.id] ?? options.defaultLinkBandwidthBytesPerSecond;
  const applyRate =
    options.applyRateBytesPerSecondByReplica[link.targetReplicaId] ?? options.defaultApplyRateBytesPerSecond;
  return Math.min(bandwidth, applyRate);
}

/** Throughput now: zero when the link cannot ship, slowed during a lag spike. */
export function drainBytesPerSecond(state: SimState, link: TopologyLink, atMs: number): number {
  if (!canShip(state, link, atMs)) return 0;
  return nominalDrainBytesPerSecond(state, link) * applyRateFactor(state, link.id, atMs);
}
