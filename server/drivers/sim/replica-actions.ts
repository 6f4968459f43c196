// Fence, unfence, promote and demote: the actions that decide which replica accepts writes.
import { StaleEpochError, UnreachableError } from "../errors";
import type { PromoteInput, ReplicaActionInput, ReplicaStatus, TopologyReplica } from "../types";
import { isRegionDown } from "./active-faults";
import { clusterRuntime, findCluster, findReplica, isWritable, replicaRuntime } from "./lookup";
import { advanceTo } from "./replication";
import type { SimState } from "./state";
import { forkTimeline } from "./timelines";
import {
  assertEpochCurrent,
  assertNoOtherWriter,
  assertPromotionEpoch,
  assertTokenFresh,
  recordToken,
} from "./write-safety";

export function replicaStatus(state: SimState, replica: TopologyReplica): ReplicaStatus {
  const runtime = replicaRuntime(state, replica.id);
  return {
    replicaId: replica.id,
    clusterId: replica.clusterId,
    role: replica.role,
    epoch: replica.epoch,
    fenced: runtime.fenced,
    writable: isWritable(state, replica),
    committedPosition: runtime.committedBytes,
  };
}

/**
 * Fencing works even when the replica's region is down: the twin models fencing at the control
 * plane (revoking its writer endpoint), which is exactly what a failover away from a dead region needs.
 */
export function fenceReplica(state: SimState, input: ReplicaActionInput): ReplicaStatus {
  const replica = findReplica(state, input.replicaId);
  assertEpochCurrent(state, replica.clusterId, input.epoch, `fence of replica ${replica.id}`);
  assertTokenFresh(state, replica.clusterId, input.token, `fence of replica ${replica.id}`);
  advanceTo(state, input.atMs);
  replicaRuntime(state, replica.id).fenced = true;
  recordToken(state, replica.clusterId, input.token);
  return replicaStatus(state, replica);
}

export function unfenceReplica(state: SimState, input: ReplicaActionInput): ReplicaStatus {
  const replica = findReplica(state, input.replicaId);
  assertEpochCurrent(state, replica.clusterId, input.epoch, `unfence of replica ${replica.id}`);
  assertTokenFresh(state, replica.clusterId, input.token, `unfence of replica ${replica.id}`);
  const currentEpoch = clusterRuntime(state, replica.clusterId).epoch;
  // A writer from an older epoch has been replaced; letting it write again would split the brain.
  if (replica.role !== "READ_REPLICA" && replica.epoch < currentEpoch) {
    throw new StaleEpochError({
      subjectKind: "cluster",
      subjectId: replica.clusterId,
      actionEpoch: replica.epoch,
      currentEpoch,
      message: `unfence of replica ${replica.id} refused: it was a writer at epoch ${replica.epoch} but cluster ${replica.clusterId} is at epoch ${currentEpoch}; demote it and repoint it to the current primary instead`,
    });
  }
  assertNoOtherWriter(state, replica, "unfence");
  advanceTo(state, input.atMs);
  replicaRuntime(state, replica.id).fenced = false;
  recordToken(state, replica.clusterId, input.token);
  return replicaStatus(state, replica);
}

export function promoteReplica(state: SimState, input: PromoteInput): ReplicaStatus {
  const replica = findReplica(state, input.replicaId);
  assertPromotionEpoch(state, replica.clusterId, input.newEpoch, replica.id);
  assertTokenFresh(state, replica.clusterId, input.token, `promote of replica ${replica.id}`);
  assertNoOtherWriter(state, replica, "promote");
  advanceTo(state, input.atMs);
  // Promotion runs on the replica itself, so unlike fencing it needs the region to be up.
  if (isRegionDown(state, replica.regionId, state.clockMs ?? input.atMs)) {
    throw new UnreachableError(`promote of replica ${replica.id} refused: its region ${replica.regionId} is down`);
  }
  const cluster = findCluster(state, replica.clusterId);
  const runtime = replicaRuntime(state, replica.id);
  if (cluster.writeTopology === "SINGLE_PRIMARY") {
    // New writes from here on are a new history: anything another replica holds past this point
    // on the old timeline was never seen here and must be discarded if it rejoins.
    forkTimeline(clusterRuntime(state, cluster.id), {
      newTimeline: input.newEpoch,
      parentTimeline: runtime.timeline,
      startBytes: runtime.committedBytes,
    });
    runtime.timeline = input.newEpoch;
  }
  replica.role = cluster.writeTopology === "MULTI_PRIMARY" ? "MULTI_MASTER" : "PRIMARY";
  replica.epoch = input.newEpoch;
  runtime.fenced = false;
  clusterRuntime(state, cluster.id).epoch = input.newEpoch;
  recordToken(state, replica.clusterId, input.token);
  return replicaStatus(state, replica);
}

export function demoteReplica(state: SimState, input: ReplicaActionInput): ReplicaStatus {
  const replica = findReplica(state, input.replicaId);
  assertEpochCurrent(state, replica.clusterId, input.epoch, `demote of replica ${replica.id}`);
  assertTokenFresh(state, replica.clusterId, input.token, `demote of replica ${replica.id}`);
  advanceTo(state, input.atMs);
  replica.role = "READ_REPLICA";
  // The role now refuses writes by itself; clearing the fence keeps "fenced" meaning "a writer held back".
  replicaRuntime(state, replica.id).fenced = false;
  recordToken(state, replica.clusterId, input.token);
  return replicaStatus(state, replica);
}
