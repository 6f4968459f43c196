// Replication link actions and position queries: repoint a link, wait for a target to catch up.
import { InvalidActionError, UnreachableError } from "../errors";
import type {
  CatchUpResult,
  LinkPositionQuery,
  ReplicaPositionQuery,
  RepointInput,
  RepointResult,
  WaitForCatchUpInput,
} from "../types";
import { isRegionDown } from "./active-faults";
import { linkLagBytes } from "./lag";
import { clusterRuntime, findCluster, findLink, findReplica, isWritable, linkRuntime, replicaRuntime } from "./lookup";
import { advanceTo } from "./replication";
import type { SimState } from "./state";
import { sharedHistoryBytes } from "./timelines";
import { assertEpochCurrent, assertTokenFresh, recordToken } from "./write-safety";

export function repointLink(state: SimState, input: RepointInput): RepointResult {
  const link = findLink(state, input.linkId);
  const clusterId = findReplica(state, link.sourceReplicaId).clusterId;
  const newSource = findReplica(state, input.newSourceReplicaId);
  const newTarget = findReplica(state, input.newTargetReplicaId ?? link.targetReplicaId);
  if (newSource.id === newTarget.id)
    throw new InvalidActionError(
      `repoint of link ${link.id} refused: replica ${newSource.id} cannot replicate to itself`,
    );
  if (newSource.clusterId !== clusterId || newTarget.clusterId !== clusterId) {
    throw new InvalidActionError(`repoint of link ${link.id} refused: both ends must stay in cluster ${clusterId}`);
  }
  assertEpochCurrent(state, clusterId, input.epoch, `repoint of link ${link.id}`);
  assertTokenFresh(state, clusterId, input.token, `repoint of link ${link.id}`);
  const singlePrimary = findCluster(state, clusterId).writeTopology === "SINGLE_PRIMARY";
  if (singlePrimary && isWritable(state, newTarget)) {
    throw new InvalidActionError(
      `repoint of link ${link.id} refused: its target ${newTarget.id} accepts writes; demote it before it replicates from ${newSource.id}`,
    );
  }
  advanceTo(state, input.atMs);

  const sourceRuntime = replicaRuntime(state, newSource.id);
  const targetRuntime = replicaRuntime(state, newTarget.id);
  const applied = linkRuntime(state, link.id);
  let rewoundBytes = 0;
  if (singlePrimary) {
    // The target keeps what it shares with its new source; a tail written on another timeline
    // (an old primary's last writes after an unplanned failover) is discarded, as pg_rewind does.
    const sharedBytes = sharedHistoryBytes(
      clusterRuntime(state, clusterId),
      targetRuntime.timeline,
      sourceRuntime.timeline,
    );
    if (targetRuntime.committedBytes > sharedBytes) {
      rewoundBytes = targetRuntime.committedBytes - sharedBytes;
      targetRuntime.committedBytes = sharedBytes;
      for (const downstream of state.topology.links.filter((candidate) => candidate.sourceReplicaId === newTarget.id)) {
        const downstreamApplied = linkRuntime(state, downstream.id);
        downstreamApplied.appliedBytes = Math.min(downstreamApplied.appliedBytes, sharedBytes);
      }
    }
    targetRuntime.timeline = sourceRuntime.timeline;
    applied.appliedBytes = targetRuntime.committedBytes;
  } else {
    // Multi-primary: each writer has its own log; streaming starts at the new source's head
    // (the initial copy of its earlier writes is assumed done, as a new subscription would do).
    applied.appliedBytes = sourceRuntime.committedBytes;
  }
  link.sourceReplicaId = newSource.id;
  link.targetReplicaId = newTarget.id;
  recordToken(state, clusterId, input.token);
  return { link: { ...link }, rewoundBytes };
}

/**
 * Checks whether the link's target has applied everything its source committed. With a timeout the
 * twin waits in virtual time: its clock moves forward step by step, as the real world would while
 * a real driver blocked.
 */
export function waitForCatchUp(state: SimState, input: WaitForCatchUpInput): CatchUpResult {
  const link = findLink(state, input.linkId);
  const timeoutMs = input.timeoutMs ?? 0;
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0)
    throw new InvalidActionError(`timeoutMs must be 0 or more, got ${timeoutMs}`);
  let nowMs = advanceTo(state, input.atMs);
  const deadlineMs = nowMs + timeoutMs;
  while (linkLagBytes(state, link) > 0 && nowMs < deadlineMs) {
    nowMs = advanceTo(state, Math.min(deadlineMs, nowMs + state.options.stepMs));
  }
  const committedPosition = replicaRuntime(state, link.sourceReplicaId).committedBytes;
  const appliedPosition = linkRuntime(state, link.id).appliedBytes;
  // Applied can only pass committed when a target is ahead of a new source on the same history.
  return {
    linkId: link.id,
    caughtUp: appliedPosition >= committedPosition,
    lagBytes: linkLagBytes(state, link),
    committedPosition,
    appliedPosition,
    atMs: nowMs,
  };
}

/** Asked of the server itself: a replica whose region is down cannot answer, as a real one could not. */
export function committedPosition(state: SimState, input: ReplicaPositionQuery): number {
  const replica = findReplica(state, input.replicaId);
  advanceTo(state, input.atMs);
  if (isRegionDown(state, replica.regionId, state.clockMs ?? input.atMs))
    throw new UnreachableError(
      `replica ${replica.id} cannot be asked its position: its region ${replica.regionId} is down`,
    );
  return replicaRuntime(state, input.replicaId).committedBytes;
}

export function appliedPosition(state: SimState, input: LinkPositionQuery): number {
  findLink(state, input.linkId);
  advanceTo(state, input.atMs);
  return linkRuntime(state, input.linkId).appliedBytes;
}
