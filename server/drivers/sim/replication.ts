// Moves the twin's clock forward: writers commit, links ship and replay, conflicts accumulate.
// Integrated in small steps on an absolute time grid, split at fault boundaries so a partition
// starts exactly when it says it does.
import { InvalidActionError } from "../errors";
import type { TopologyLink } from "../types";
import { faultBoundariesBetween } from "./active-faults";
import { conflictRatePerSecond } from "./conflicts";
import { canShip, drainBytesPerSecond, linkRoundTripMs } from "./link-network";
import { clusterRuntime, findCluster, findReplica, isWritable, linkRuntime, replicaRuntime } from "./lookup";
import { jitter } from "./prng";
import type { SimState } from "./state";
import { sharedHistoryBytes } from "./timelines";
import { writeRateBytesPerSecond } from "./write-rate";

/** Keeps a catch-up after a long pause (a worker down for a day) bounded in work. */
const MAX_STEPS_PER_ADVANCE = 20_000;

/**
 * Integrates the model up to atMs and returns the twin's time. Time never runs backwards: a call
 * for an earlier moment (a worker with a slower clock) sees the state as of the twin's clock.
 */
export function advanceTo(state: SimState, atMs: number): number {
  if (!Number.isFinite(atMs)) throw new InvalidActionError(`atMs must be a finite number of milliseconds, got ${atMs}`);
  if (state.clockMs === null) {
    // The first call fixes the start: there is no history before it to integrate.
    state.clockMs = atMs;
    return atMs;
  }
  if (atMs <= state.clockMs) return state.clockMs;

  const fromMs = state.clockMs;
  const stepMs = Math.max(state.options.stepMs, (atMs - fromMs) / MAX_STEPS_PER_ADVANCE);
  const boundaries = faultBoundariesBetween(state, fromMs, atMs);
  let segmentStartMs = fromMs;
  while (segmentStartMs < atMs) {
    const nextGridMs = (Math.floor(segmentStartMs / stepMs) + 1) * stepMs;
    const nextBoundaryMs = boundaries.find((boundary) => boundary > segmentStartMs) ?? atMs;
    const segmentEndMs = Math.min(nextGridMs, nextBoundaryMs, atMs);
    stepModel(state, segmentStartMs, segmentEndMs);
    segmentStartMs = segmentEndMs;
  }
  state.clockMs = atMs;
  state.faults = state.faults.filter((fault) => fault.endsAtMs === undefined || fault.endsAtMs > atMs);
  return atMs;
}

function stepModel(state: SimState, fromMs: number, toMs: number): void {
  const seconds = (toMs - fromMs) / 1000;
  const committedBefore = new Map(
    Object.entries(state.replicas).map(([replicaId, runtime]) => [replicaId, runtime.committedBytes]),
  );

  for (const replica of state.topology.replicas) {
    const rate = writeRateBytesPerSecond(state, replica, fromMs);
    if (rate === 0) continue;
    const jitteredRate = jitter(rate, state.options.jitterFraction, state.options.seed, "write", replica.id, fromMs);
    replicaRuntime(state, replica.id).committedBytes += Math.round(jitteredRate * seconds);
  }

  for (const link of state.topology.links) {
    shipAndApply(state, link, fromMs, seconds, committedBefore.get(link.sourceReplicaId) ?? 0);
  }

  for (const cluster of state.topology.clusters) {
    clusterRuntime(state, cluster.id).conflictsExpected += conflictRatePerSecond(state, cluster, fromMs) * seconds;
  }
}

function shipAndApply(
  state: SimState,
  link: TopologyLink,
  fromMs: number,
  seconds: number,
  sourceCommittedBefore: number,
): void {
  if (!canShip(state, link, fromMs)) return;
  const target = findReplica(state, link.targetReplicaId);
  const singlePrimary = findCluster(state, target.clusterId).writeTopology === "SINGLE_PRIMARY";
  // A promoted primary replays from nobody; its old upstream link only shows what it never got.
  if (singlePrimary && isWritable(state, target)) return;

  const source = replicaRuntime(state, link.sourceReplicaId);
  const targetRuntime = replicaRuntime(state, target.id);
  if (singlePrimary && targetRuntime.timeline !== source.timeline) {
    // Follow the source onto its newer timeline only if the target has not passed the fork;
    // otherwise the histories differ and only a repoint (with rewind) can rejoin them.
    const sharedBytes = sharedHistoryBytes(
      clusterRuntime(state, target.clusterId),
      targetRuntime.timeline,
      source.timeline,
    );
    if (targetRuntime.committedBytes > sharedBytes) return;
    targetRuntime.timeline = source.timeline;
  }
  const applied = linkRuntime(state, link.id);
  // Writes of the last half round trip are still on the wire (SYNC: a commit waits for the standby).
  const sourceBytesPerSecond = seconds > 0 ? (source.committedBytes - sourceCommittedBefore) / seconds : 0;
  const inFlightBytes =
    link.mode === "SYNC" ? 0 : Math.round((sourceBytesPerSecond * linkRoundTripMs(state, link, fromMs)) / 2000);
  const shippableBytes = Math.max(0, source.committedBytes - applied.appliedBytes - inFlightBytes);
  const capacityBytes = Math.floor(drainBytesPerSecond(state, link, fromMs) * seconds);
  applied.appliedBytes += Math.min(shippableBytes, capacityBytes);

  // In a single-primary cluster every replica holds a prefix of one log, so replaying it is
  // holding it; this is what lets a cascaded replica relay it onwards.
  if (singlePrimary) {
    targetRuntime.committedBytes = Math.max(targetRuntime.committedBytes, applied.appliedBytes);
  }
}
