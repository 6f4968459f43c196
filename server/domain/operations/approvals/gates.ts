// Approval gates as the engine sees them: open one with what the approvers will be shown, and
// decide whether a gate still holds (not expired, lag and topology not moved past what was approved).
// Each reads its facts (topology, newest lag, policy) once; a request opens its first gate from
// its plan's context instead of reading them again.
import { createHash } from "node:crypto";

import { canonicalJson } from "@/lib/canonical-json";
import { parseOperationPlan, type TGateContext, type TPolicySummary, type TRunbook } from "@/lib/operations/contracts";
import { lagSeconds, type LiveSnapshot } from "@/lib/telemetry/contracts";
import type { Tx } from "@/server/db";
import { loadDriverTopology, topologyFingerprint } from "@/server/domain/driver-sessions/driver-topology";
import { noticeApprovalRequested } from "@/server/domain/notifications/notices";
import { readLiveNow } from "@/server/domain/telemetry/current-live";

import { policyFor } from "./policies";

type GateOperation = {
  id: string;
  deploymentId: string;
  runbook: TRunbook;
  sourceReplicaId: string;
  targetReplicaId: string;
  plan: unknown;
  planHash: string;
  /** The requester's words, quoted to the approvers' channel. */
  reason?: string;
};

export function contextHash(context: TGateContext): string {
  return createHash("sha256").update(canonicalJson(context)).digest("hex").slice(0, 32);
}

/** What a gate's context is made from now, read once per gate (the request hands over its plan's). */
export type GateFacts = { topologyFingerprint: string; snapshot: LiveSnapshot | null; policy: TPolicySummary };

export async function readGateFacts(tx: Tx, op: GateOperation): Promise<GateFacts> {
  const [topology, live, policy] = await Promise.all([
    loadDriverTopology(tx, op.deploymentId),
    readLiveNow(tx, op.deploymentId),
    policyFor(tx, op.deploymentId, op.runbook),
  ]);
  // The newest lag however old: approvers compare it with what they were shown, not with the clock.
  return { topologyFingerprint: topologyFingerprint(topology), snapshot: live.snapshot, policy };
}

export function gateContext(op: GateOperation, facts: GateFacts, stepTitle: string | null): TGateContext {
  const plan = parseOperationPlan(op.plan);
  // Lag (seconds, the RPO figure) of the replica to promote.
  const link = plan.before.links.find((l) => l.target === op.targetReplicaId) ?? null;
  const live = link ? facts.snapshot?.links.find((l) => l.linkId === link.id) : undefined;
  const lag = live ? lagSeconds(live) : null;
  const lossy = op.runbook === "FAILOVER" || op.runbook === "DRILL";
  return {
    planHash: op.planHash,
    topologyFingerprint: facts.topologyFingerprint,
    lagSeconds: lag,
    dataLossSeconds: lossy ? (lag ?? plan.estimate.dataLossSeconds) : 0,
    eventCostUsd: plan.eventCost.totalUsd,
    stepTitle,
  };
}

export async function openGate(
  tx: Tx,
  op: GateOperation,
  input: { stepIndex: number; beforeRun: boolean; stepTitle: string | null; nowMs: number },
  known?: GateFacts,
) {
  const facts = known ?? (await readGateFacts(tx, op));
  const { policy } = facts;
  const context = gateContext(op, facts, input.stepTitle);
  const gate = await tx.approvalGate.create({
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
  // The approvers' channel hears of it in the same transaction (the outbox): no gate, no message.
  await noticeApprovalRequested(tx, op, gate, input.stepTitle);
  return gate;
}

/** Why an approval no longer holds for what is true now, or null when it still does (with the facts read for it). */
export async function driftOf(
  tx: Tx,
  op: GateOperation,
  approved: TGateContext,
): Promise<{ reason: string | null; now: TGateContext; facts: GateFacts }> {
  const facts = await readGateFacts(tx, op);
  const now = gateContext(op, facts, approved.stepTitle);
  if (now.topologyFingerprint !== approved.topologyFingerprint)
    return { reason: "the topology changed after it was approved", now, facts };
  const { lagToleranceSeconds } = facts.policy;
  if (
    now.lagSeconds !== null &&
    approved.lagSeconds !== null &&
    now.lagSeconds > approved.lagSeconds + lagToleranceSeconds
  ) {
    return {
      reason: `the lag rose from ${approved.lagSeconds} s to ${now.lagSeconds} s, more than the ${lagToleranceSeconds} s the policy tolerates`,
      now,
      facts,
    };
  }
  return { reason: null, now, facts };
}
