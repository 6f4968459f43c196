// Abort, failure and rejection end here: the steps that ran are undone one per move, as undo-plan.ts
// decides (nothing past the point of no return, a drill's injected outage always and first).
import { parseStepOutput, ZStepParams, type TStepKind } from "@/lib/operations/contracts";
import type { Tx } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { withDriverSession } from "@/server/domain/driver-sessions/session";

import { facts, isDatabaseError, messageOf } from "../steps/context";
import { STEP_HANDLERS } from "../steps/handlers";
import { ENGINE, finishOperation, type LockedOperation } from "./outcomes";
import { nextUndo, pastNoReturn } from "./undo-plan";

/** Undoes one step; false when nothing is left to undo (the operation is then finished). */
export async function rollbackNext(tx: Tx, op: LockedOperation, nowMs: number): Promise<boolean> {
  const next = await nextUndo(tx, op.id);
  if (!next) {
    const rejected = await tx.approvalGate.count({ where: { operationId: op.id, status: "REJECTED" } });
    const noReturn = await pastNoReturn(tx, op.id);
    const reason = noReturn ? `${op.failureReason ?? "stopped"}; ${noReturn}` : null;
    await finishOperation(tx, op, op.abortRequested ? "ABORTED" : rejected > 0 ? "REJECTED" : "FAILED", reason, nowMs);
    return true;
  }
  try {
    await tx.$executeRawUnsafe("SAVEPOINT meridian_rollback");
    await withDriverSession(tx, op.deploymentId, nowMs, async ({ driver, before }) => {
      const ctx = {
        tx,
        driver,
        topology: before,
        nowMs,
        operation: facts(op),
        params: ZStepParams.parse(next.params),
        previous: null,
      };
      const update = await STEP_HANDLERS[next.kind as TStepKind].compensate?.(ctx, parseStepOutput(next.output) ?? {});
      if (update) Object.assign(op, await tx.operation.update({ where: { id: op.id }, data: update }));
    });
  } catch (error) {
    if (isDatabaseError(error)) throw error;
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT meridian_rollback");
    // An undo that fails leaves the estate as the last good step left it: say so and stop, never guess.
    const reason = `${op.failureReason ?? "rolling back"}; then undoing step ${next.index + 1} "${next.title}" failed: ${messageOf(error)} — the estate is as that step left it and needs a person`;
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
    summary: `${op.runbook.toLowerCase()} ${op.id.slice(0, 8)}: undid step ${next.index + 1} "${next.title}"`,
  });
  return true;
}
