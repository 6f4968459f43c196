// Approval gates as the engine sees them: open one with what the approvers will be shown, and
// decide whether a gate still holds (not expired, lag and topology not moved past what was approved).
import { createHash } from "node:crypto";

import { canonicalJson } from "@/lib/canonical-json";
import { parseOperationPlan, type TGateContext, type TRunbook } from "@/lib/operations/contracts";
import { lagSeconds } from "@/lib/telemetry/contracts";
import type { Tx } from "@/server/db";
import { loadDriverTopology, topologyFingerprint } from "@/server/domain/driver-sessions/driver-topology";
import { latestSnapshot } from "@/server/domain/telemetry/snapshot";

import { policyFor } from "./policies";

type GateOperation = {
  id: string;
  deploymentId: string;
  runbook: TRunbook;
  sourceReplicaId: string;
  targetReplicaId: string;
  plan: unknown;
  planHash: string;
};

export function contextHash(context: TGateContext): string {
  return createHash("sha256").update(canonicalJson(context)).digest("hex").slice(0, 32);
}

/** Lag (seconds, the RPO figure) of the replica to promote, from the newest live snapshot. */
async function lagSecondsNow(tx: Tx, op: GateOperation): Promise<number | null> {
  const latest = await latestSnapshot(tx, op.deploymentId);
  const plan = parseOperationPlan(op.plan);
  const link = plan.before.links.find((l) => l.target === op.targetReplicaId) ?? null;
  const live = latest?.snapshot.links.find((l) => (link ? l.linkId === link.id : false));
  return live ? lagSeconds(live) : null;
}

export async function gateContext(tx: Tx, op: GateOperation, stepTitle: string | null): Promise<TGateContext> {
  const plan = parseOperationPlan(op.plan);
  const lagSeconds = await lagSecondsNow(tx, op);
  const lossy = op.runbook === "FAILOVER" || op.runbook === "DRILL";
  return {
    planHash: op.planHash,
    topologyFingerprint: topologyFingerprint(await loadDriverTopology(tx, op.deploymentId)),
    lagSeconds,
    dataLossSeconds: lossy ? (lagSeconds ?? plan.estimate.dataLossSeconds) : 0,
    eventCostUsd: plan.eventCost.totalUsd,
    stepTitle,
  };
}

export async function openGate(
  tx: Tx,
  op: GateOperation,
  input: { stepIndex: number; beforeRun: boolean; stepTitle: string | null; nowMs: number },
) {
  const policy = await policyFor(tx, op.deploymentId, op.runbook);
  const context = await gateContext(tx, op, input.stepTitle);
  return tx.approvalGate.create({
    data: {
      operationId: op.id,
      stepIndex: input.stepIndex,
      beforeRun: input.beforeRun,
      required: Math.max(1, policy.approvalsRequired),
      role: policy.approverRole,
      createdAt: new Date(input.nowMs),
      expiresAt: new Date(input.nowMs + policy.expiresAfterSeconds * 1000),
      context,
      contextHash: contextHash(context),
    },
  });
}

/** Why an approval no longer holds for what is true now, or null when it still does. */
export async function driftOf(
  tx: Tx,
  op: GateOperation,
  approved: TGateContext,
): Promise<{ reason: string | null; now: TGateContext }> {
  const now = await gateContext(tx, op, approved.stepTitle);
  if (now.topologyFingerprint !== approved.topologyFingerprint)
    return { reason: "the topology changed after it was approved", now };
  const policy = await policyFor(tx, op.deploymentId, op.runbook);
  if (
    now.lagSeconds !== null &&
    approved.lagSeconds !== null &&
    now.lagSeconds > approved.lagSeconds + policy.lagToleranceSeconds
  ) {
    return {
      reason: `the lag rose from ${approved.lagSeconds} s to ${now.lagSeconds} s, more than the ${policy.lagToleranceSeconds} s the policy tolerates`,
      now,
    };
  }
  return { reason: null, now };
}
