// Changing a routing policy's rules (weights, priorities, enabled, drained), all or nothing.
import { InvalidActionError, NotFoundError, StaleEpochError } from "../errors";
import type { RoutingPolicy, SetRoutingInput } from "../types";
import { findCluster, findPolicy } from "./lookup";
import { advanceTo } from "./replication";
import type { SimState } from "./state";
import { assertEpochCurrent, assertTokenFresh, recordToken } from "./write-safety";

export function setRouting(state: SimState, input: SetRoutingInput): RoutingPolicy {
  const policy = findPolicy(state, input.policyId);
  if (!Number.isSafeInteger(input.epoch) || input.epoch < 0)
    throw new InvalidActionError(`epoch must be a whole number of 0 or more, got ${input.epoch}`);
  if (input.clusterId) {
    findCluster(state, input.clusterId);
    assertEpochCurrent(state, input.clusterId, input.epoch, `routing change of policy ${policy.id}`);
    assertTokenFresh(state, input.clusterId, input.token, `routing change of policy ${policy.id}`);
  }
  const key = input.clusterId ? `${policy.id}:${input.clusterId}` : policy.id;
  const currentEpoch = state.routingEpochs[key] ?? 0;
  if (input.epoch < currentEpoch) {
    throw new StaleEpochError({
      subjectKind: "routing policy",
      subjectId: policy.id,
      actionEpoch: input.epoch,
      currentEpoch,
      message: `routing change of policy ${policy.id} refused: it carries epoch ${input.epoch} but the policy was last changed at epoch ${currentEpoch}; a newer operation has set it since`,
    });
  }
  // Check every change before applying any, so a bad one leaves the policy untouched.
  for (const change of input.rules) {
    if (!policy.rules.some((rule) => rule.id === change.ruleId))
      throw new NotFoundError(`rule of routing policy ${policy.id}`, change.ruleId);
    if (change.weight !== undefined && !(Number.isFinite(change.weight) && change.weight >= 0)) {
      throw new InvalidActionError(`weight of rule ${change.ruleId} must be 0 or more, got ${change.weight}`);
    }
    if (change.priority !== undefined && !Number.isSafeInteger(change.priority)) {
      throw new InvalidActionError(`priority of rule ${change.ruleId} must be a whole number, got ${change.priority}`);
    }
  }
  advanceTo(state, input.atMs);
  for (const change of input.rules) {
    const rule = policy.rules.find((candidate) => candidate.id === change.ruleId);
    if (!rule) continue;
    if (change.weight !== undefined) rule.weight = change.weight;
    if (change.priority !== undefined) rule.priority = change.priority;
    if (change.enabled !== undefined) rule.enabled = change.enabled;
    if (change.drained !== undefined) rule.drained = change.drained;
  }
  state.routingEpochs[key] = input.epoch;
  if (input.clusterId) recordToken(state, input.clusterId, input.token);
  return structuredClone(policy);
}
