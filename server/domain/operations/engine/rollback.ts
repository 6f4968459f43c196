// Abort, failure and rejection end here: the steps that ran are undone one per move, as undo-plan.ts
// decides (nothing past the point of no return, a drill's injected outage always and first). A step
// left in doubt by a lost move is settled first, from what the world said (reconcile.ts).
import { parseStepOutput, type TStepKind } from "@/lib/operations/contracts";
import type { Tx } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import type { OperationStep } from "@/server/generated/prisma/client";

import { messageOf } from "../steps/context";
import { STEP_HANDLERS } from "../steps/handlers";
import { attemptStep, type Mover } from "./attempt";
import { ENGINE, finishOperation, type LockedOperation } from "./outcomes";
import { nextUndo, pastNoReturn } from "./undo-plan";

const name = (op: LockedOperation) => `${op.runbook.toLowerCase()} ${op.id.slice(0, 8)}`;

/** Undoes one step; false when nothing is left to undo (the operation is then finished). */
export async function rollbackNext(tx: Tx, mover: Mover, op: LockedOperation): Promise<boolean> {
  const { nowMs } = mover;
  const inDoubt = await tx.operationStep.findFirst({
    where: { operationId: op.id, status: "IN_DOUBT" },
    orderBy: { index: "asc" },
  });
  if (inDoubt) return settleInDoubt(tx, mover, op, inDoubt);
  const next = await nextUndo(tx, op.id);
  if (!next) {
    const rejected = await tx.approvalGate.count({ where: { operationId: op.id, status: "REJECTED" } });
    const noReturn = await pastNoReturn(tx, op.id);
    const reason = noReturn ? `${op.failureReason ?? "stopped"}; ${noReturn}` : null;
    await finishOperation(tx, op, op.abortRequested ? "ABORTED" : rejected > 0 ? "REJECTED" : "FAILED", reason, nowMs);
    return true;
  }
  const attempt = await attemptStep(tx, mover, op, next, "undo", async (ctx) => {
    const update = await STEP_HANDLERS[next.kind as TStepKind].compensate?.(ctx, parseStepOutput(next.output) ?? {});
    if (update) Object.assign(op, await tx.operation.update({ where: { id: op.id }, data: update }));
  });
  if (!attempt.ok) {
    // An undo that fails leaves the estate as the last good step left it: say so and stop, never guess.
    const reason = `${op.failureReason ?? "rolling back"}; then undoing step ${next.index + 1} "${next.title}" failed: ${messageOf(attempt.error)} — the estate is as that step left it and needs a person`;
    await finishOperation(tx, op, "FAILED", reason, nowMs);
    return true;
  }
  await tx.operationStep.update({
    where: { id: next.id },
    data: { status: "ROLLED_BACK", rolledBackAt: new Date(nowMs) },
  });
  await recordAudit(tx, ENGINE, {
    action: "operation.step-rollback",
    objectType: "Operation",
    objectId: op.id,
    summary: `${name(op)}: undid step ${next.index + 1} "${next.title}"`,
  });
  return true;
}

/**
 * A step whose lost move had acted, met on the way out. If the world says nothing took effect, there
 * is nothing to undo. If it took effect past the point of no return (a promotion), the abort came
 * too late: it is withdrawn and the run finishes forward, as an abort past that point is refused.
 * Otherwise the step is finished against the world (idempotently) and recorded, so it is undone next.
 */
async function settleInDoubt(tx: Tx, mover: Mover, op: LockedOperation, step: OperationStep): Promise<boolean> {
  const { nowMs } = mover;
  const applied = parseStepOutput(step.output)?.inDoubt === "applied";
  const where = `step ${step.index + 1} "${step.title}"`;
  if (!applied) {
    await tx.operationStep.update({ where: { id: step.id }, data: { status: "SKIPPED", nextAttemptAt: null } });
    return true;
  }
  if (step.rollback === "irreversible") {
    Object.assign(
      op,
      await tx.operation.update({
        where: { id: op.id },
        data: { status: "RUNNING", abortRequested: false, failureReason: null },
      }),
    );
    await tx.operationStep.updateMany({
      where: { operationId: op.id, status: "SKIPPED", index: { gt: step.index } },
      data: { status: "PENDING", nextAttemptAt: null },
    });
    await recordAudit(tx, ENGINE, {
      action: "operation.abort-withdrawn",
      objectType: "Operation",
      objectId: op.id,
      summary: `${name(op)}: ${where} had taken effect before its record was lost, and it cannot be undone; the abort is withdrawn and the run finishes forward`,
    });
    return true;
  }
  const attempt = await attemptStep(tx, mover, op, step, "run", (ctx) =>
    STEP_HANDLERS[step.kind as TStepKind].run(ctx),
  );
  if (!attempt.ok || attempt.value.kind !== "done") {
    const why = !attempt.ok
      ? messageOf(attempt.error)
      : attempt.value.kind === "wait"
        ? attempt.value.waitingFor
        : "it did not finish";
    const reason = `${op.failureReason ?? "rolling back"}; ${where} had taken effect before its record was lost and could not be settled: ${why} — the estate needs a person`;
    await finishOperation(tx, op, "FAILED", reason, nowMs);
    return true;
  }
  const { output, update } = attempt.value;
  await tx.operationStep.update({
    where: { id: step.id },
    data: { status: "SUCCEEDED", output, attempts: step.attempts + 1, finishedAt: new Date(nowMs), error: null },
  });
  if (update && Object.keys(update).length > 0)
    Object.assign(op, await tx.operation.update({ where: { id: op.id }, data: update }));
  await recordAudit(tx, ENGINE, {
    action: "operation.step",
    objectType: "Operation",
    objectId: op.id,
    summary: `${name(op)}: ${where} succeeded (found in effect in the world after its move was lost), to be undone`,
    after: output,
  });
  return true;
}
