// The two rules that keep a cluster from splitting its brain: no action from an older epoch, and
// never a second writable replica in a single-primary cluster.
import { InvalidActionError, SplitBrainRefusedError, StaleEpochError, StaleTokenError } from "../errors";
import type { TopologyReplica } from "../types";
import { clusterRuntime, findCluster, isWritable, replicasOfCluster } from "./lookup";
import type { SimState } from "./state";

function assertEpochShape(epoch: number, field: string): void {
  if (!Number.isSafeInteger(epoch) || epoch < 0)
    throw new InvalidActionError(`${field} must be a whole number of 0 or more, got ${epoch}`);
}

/** Refuses an action whose epoch is older than the cluster's: a newer promotion has happened since. */
export function assertEpochCurrent(state: SimState, clusterId: string, epoch: number, action: string): void {
  assertEpochShape(epoch, "epoch");
  const currentEpoch = clusterRuntime(state, clusterId).epoch;
  if (epoch < currentEpoch) {
    throw new StaleEpochError({
      subjectKind: "cluster",
      subjectId: clusterId,
      actionEpoch: epoch,
      currentEpoch,
      message: `${action} refused: it carries epoch ${epoch} but cluster ${clusterId} is already at epoch ${currentEpoch}; a newer promotion has happened, so this operation is out of date`,
    });
  }
}

/** Every promotion takes a new epoch, strictly above the cluster's current one. */
export function assertPromotionEpoch(state: SimState, clusterId: string, newEpoch: number, replicaId: string): void {
  assertEpochShape(newEpoch, "newEpoch");
  const currentEpoch = clusterRuntime(state, clusterId).epoch;
  if (newEpoch <= currentEpoch) {
    throw new StaleEpochError({
      subjectKind: "cluster",
      subjectId: clusterId,
      actionEpoch: newEpoch,
      currentEpoch,
      message: `promote of replica ${replicaId} refused: it carries epoch ${newEpoch} but cluster ${clusterId} is already at epoch ${currentEpoch}; a promotion needs an epoch above ${currentEpoch}`,
    });
  }
}

/** In a single-primary cluster, refuses to let `replica` write while any other replica can. */
export function assertNoOtherWriter(state: SimState, replica: TopologyReplica, action: string): void {
  if (findCluster(state, replica.clusterId).writeTopology !== "SINGLE_PRIMARY") return;
  const otherWriters = replicasOfCluster(state, replica.clusterId).filter(
    (other) => other.id !== replica.id && isWritable(state, other),
  );
  if (otherWriters.length === 0) return;
  const names = otherWriters.map((other) => other.id).join(", ");
  throw new SplitBrainRefusedError({
    clusterId: replica.clusterId,
    writableReplicaIds: otherWriters.map((other) => other.id),
    message: `${action} of replica ${replica.id} refused: replica ${names} of single-primary cluster ${replica.clusterId} still accepts writes; fence it first`,
  });
}

/**
 * Refuses an action whose attempt token is older than the newest the cluster applied: a worker that
 * lost its lease (or whose move was lost) must not undo what the worker after it did. The same
 * token again is the same attempt replayed, and allowed.
 */
export function assertTokenFresh(state: SimState, clusterId: string, token: number | undefined, action: string): void {
  if (token === undefined) return;
  assertEpochShape(token, "token");
  const lastToken = state.tokens[clusterId] ?? 0;
  if (token < lastToken)
    throw new StaleTokenError({
      token,
      lastToken,
      message: `${action} refused: its attempt token ${token} is older than ${lastToken}, the newest cluster ${clusterId} applied; a later attempt has acted since`,
    });
}

/** Remembers the token of an action that took effect. */
export function recordToken(state: SimState, clusterId: string, token: number | undefined): void {
  if (token !== undefined) state.tokens[clusterId] = Math.max(state.tokens[clusterId] ?? 0, token);
}
