// Whether an operation may go on: the gate before the run, and the gates before chosen steps.
// A gate that has expired ends the operation; one whose approved figures no longer hold lapses and
// a new one is opened, so the approvers are asked again with what is true now.
import { parseGateContext, parseOperationPlan } from "@/lib/operations/contracts";
import type { Tx } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import type { OperationStep } from "@/server/generated/prisma/client";

import { contextHash, driftOf, openGate } from "../approvals/gates";
import { ENGINE, failOperation, finishOperation, type LockedOperation } from "./outcomes";

type GateRow = Awaited<ReturnType<Tx["approvalGate"]["findFirst"]>> & {};

/** True when nothing stands before the run (or before `step`); false while waiting for people. */
export async function advanceGate(tx: Tx, op: LockedOperation, nowMs: number, step?: OperationStep): Promise<boolean> {
  if (!op.startedAt) {
    const gate = await tx.approvalGate.findFirst({
      where: { operationId: op.id, beforeRun: true },
      orderBy: { createdAt: "desc" },
    });
    if (gate && !(await gateHolds(tx, op, gate, nowMs, null))) return false;
    Object.assign(
      op,
      await tx.operation.update({ where: { id: op.id }, data: { status: "RUNNING", startedAt: new Date(nowMs) } }),
    );
    await recordAudit(tx, ENGINE, {
      action: "operation.run",
      objectType: "Operation",
      objectId: op.id,
      summary: `${op.runbook.toLowerCase()} ${op.id.slice(0, 8)} running${gate ? ", approved" : " (its policy needs no approval)"}`,
    });
  }
  if (!step || step.startedAt) return true;
  const planned = parseOperationPlan(op.plan).steps[step.index];
  if (!planned?.gated) return true;
  const gate = await tx.approvalGate.findFirst({
    where: { operationId: op.id, stepIndex: step.index, beforeRun: false },
    orderBy: { createdAt: "desc" },
  });
  if (!gate || gate.status === "LAPSED" || gate.status === "EXPIRED") {
    await openGate(tx, op, { stepIndex: step.index, beforeRun: false, stepTitle: step.title, nowMs });
    await setStatus(tx, op, "AWAITING_APPROVAL", `waits for approval before step ${step.index + 1} "${step.title}"`);
    return false;
  }
  if (!(await gateHolds(tx, op, gate, nowMs, step))) return false;
  if (op.status !== "RUNNING")
    await setStatus(tx, op, "RUNNING", `approved before step ${step.index + 1} "${step.title}"`);
  return true;
}

async function setStatus(tx: Tx, op: LockedOperation, status: "RUNNING" | "AWAITING_APPROVAL", words: string) {
  Object.assign(op, await tx.operation.update({ where: { id: op.id }, data: { status } }));
  await recordAudit(tx, ENGINE, {
    action: "operation.gate",
    objectType: "Operation",
    objectId: op.id,
    summary: `${op.runbook.toLowerCase()} ${op.id.slice(0, 8)} ${words}`,
  });
}

/** A granted gate whose figures still hold; otherwise expires, lapses or refreshes it and says no. */
async function gateHolds(
  tx: Tx,
  op: LockedOperation,
  gate: GateRow,
  nowMs: number,
  step: OperationStep | null,
): Promise<boolean> {
  const where = step ? `before step ${step.index + 1} "${step.title}"` : "before the run";
  if (gate.status === "OPEN" && gate.expiresAt.getTime() <= nowMs) {
    const approvals = await tx.approvalDecision.count({ where: { gateId: gate.id, decision: "APPROVE" } });
    await tx.approvalGate.update({
      where: { id: gate.id },
      data: {
        status: "EXPIRED",
        decidedAt: new Date(nowMs),
        reason: `expired with ${approvals} of ${gate.required} approvals`,
      },
    });
    const reason = `the approval ${where} expired with ${approvals} of ${gate.required} approvals`;
    if (step) await failOperation(tx, op, reason, nowMs);
    else await finishOperation(tx, op, "FAILED", `${reason}; nothing was changed`, nowMs);
    return false;
  }
  if (gate.status !== "OPEN" && gate.status !== "GRANTED") return false;
  // A grant is good for as long as the policy allows: one that waited past it (a long pause) is asked again.
  const drift =
    gate.status === "GRANTED" && gate.expiresAt.getTime() <= nowMs
      ? { reason: "it was granted but not used before it expired", now: null, facts: undefined }
      : await driftOf(tx, op, parseGateContext(gate.context));
  const { reason, now, facts } = drift;
  if (reason === null) return gate.status === "GRANTED";
  const decisions = await tx.approvalDecision.count({ where: { gateId: gate.id } });
  if (gate.status === "OPEN" && decisions === 0 && now) {
    // Nobody has approved yet: show the approvers today's figures instead of asking twice.
    await tx.approvalGate.update({ where: { id: gate.id }, data: { context: now, contextHash: contextHash(now) } });
    return false;
  }
  await tx.approvalGate.update({
    where: { id: gate.id },
    data: { status: "LAPSED", decidedAt: new Date(nowMs), reason },
  });
  // Asked again with the figures the drift was just measured on.
  await openGate(
    tx,
    op,
    { stepIndex: gate.stepIndex, beforeRun: gate.beforeRun, stepTitle: step?.title ?? null, nowMs },
    facts,
  );
  await recordAudit(tx, ENGINE, {
    action: "approval.lapse",
    objectType: "ApprovalGate",
    objectId: gate.id,
    summary: `approval ${where} of ${op.runbook.toLowerCase()} ${op.id.slice(0, 8)} lapsed: ${reason}; asked again`,
  });
  if (op.status !== "AWAITING_APPROVAL")
    await setStatus(tx, op, "AWAITING_APPROVAL", `asks again for approval ${where}`);
  return false;
}
