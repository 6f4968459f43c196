// Reconciling attempts in doubt. An attempt still ATTEMPTING when a worker holds its operation is
// from a move that was lost after it called the driver (intent.ts): the effect may or may not have
// taken place, and the model cannot tell, because it changes only when a step commits. The world
// can: it answers the newest attempt token it applied for the cluster (and the driver's session
// writes what it reports back into the model). Every attempt at or under that token took effect,
// since an operation's attempts are made one after another; the others never reached it and, being
// older than whatever comes next, never will.
//
// One move settles them: a step's own attempts make it IN_DOUBT with the world's answer (the next
// move redoes it against the world, which skips what is already done, or settles it on the way out:
// rollback.ts); an undo's attempts that all took effect make the step ROLLED_BACK.
import { parseStepOutput } from "@/lib/operations/contracts";
import type { Tx } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { withDriverSession } from "@/server/domain/driver-sessions/session";

import { leaseBound, type Mover } from "./attempt";
import { ENGINE, type LockedOperation } from "./outcomes";

/** Settles the operation's attempts in doubt; false when there were none. */
export async function reconcileInDoubt(tx: Tx, mover: Mover, op: LockedOperation): Promise<boolean> {
  const { nowMs } = mover;
  const doubtful = await tx.stepAttempt.findMany({
    where: { operationId: op.id, status: "ATTEMPTING" },
    orderBy: { token: "asc" },
  });
  if (doubtful.length === 0) return false;
  const world = await withDriverSession(
    tx,
    op.deploymentId,
    nowMs,
    ({ driver }) => driver.clusterWorld(op.clusterId),
    leaseBound(mover, op.id),
  );
  const tookEffect = (token: bigint) => Number(token) <= world.lastToken;
  for (const attempt of doubtful)
    await tx.stepAttempt.update({
      where: { token: attempt.token },
      data: {
        status: tookEffect(attempt.token) ? "APPLIED" : "NOT_APPLIED",
        settledAt: new Date(nowMs),
        reconciledAt: new Date(nowMs),
      },
    });

  const byStep = new Map<string, typeof doubtful>();
  for (const a of doubtful)
    byStep.set(`${a.stepId}:${a.purpose}`, [...(byStep.get(`${a.stepId}:${a.purpose}`) ?? []), a]);
  for (const attempts of byStep.values()) {
    const { stepId, purpose } = attempts[0]!;
    const step = await tx.operationStep.findUniqueOrThrow({ where: { id: stepId } });
    const applied = attempts.filter((a) => tookEffect(a.token));
    const where = `step ${step.index + 1} "${step.title}"`;
    let words: string;
    if (purpose === "undo") {
      // A repromotion that took effect moved the operation's epoch; later undos carry the new one.
      const promoted = applied.find((a) => a.action === "promote");
      if (promoted) {
        const newEpoch = Number((promoted.input as { newEpoch?: number }).newEpoch);
        Object.assign(op, await tx.operation.update({ where: { id: op.id }, data: { newEpoch } }));
      }
      if (applied.length === attempts.length) {
        await tx.operationStep.update({
          where: { id: step.id },
          data: { status: "ROLLED_BACK", rolledBackAt: new Date(nowMs) },
        });
        words = `its undo took effect: the step is recorded as undone`;
      } else words = `its undo did not take effect (all of it): it is undone again`;
    } else if (op.status === "ROLLING_BACK" && applied.length === 0) {
      words = `it did not take effect: nothing to undo`;
    } else {
      const answer = applied.length > 0 ? "applied" : "not applied";
      await tx.operationStep.update({
        where: { id: step.id },
        data: {
          status: "IN_DOUBT",
          output: { ...(parseStepOutput(step.output) ?? {}), inDoubt: answer },
          nextAttemptAt: null,
        },
      });
      words =
        applied.length > 0
          ? `it took effect: the step is finished against the world${op.status === "ROLLING_BACK" ? ", then undone" : ""}`
          : `it did not take effect: the step is run again`;
    }
    await recordAudit(tx, ENGINE, {
      action: "operation.reconcile",
      objectType: "Operation",
      objectId: op.id,
      summary: `${op.runbook.toLowerCase()} ${op.id.slice(0, 8)}: ${where} was in doubt (its move was lost after calling the driver, attempt ${attempts.map((a) => a.token).join(", ")}); the world has applied up to attempt ${world.lastToken}, so ${words}`,
    });
  }
  return true;
}
