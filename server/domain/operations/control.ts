// Pause, resume and abort. Each takes the operation's row lock, so it lands between two steps of
// the engine, never in the middle of one, and each is audited with its reason.
import { STOPPABLE_STATUSES, type TOperationDetail } from "@/lib/operations/contracts";
import { RUNBOOK_LABELS, statusWords } from "@/lib/operations/words";
import type { Db, Tx } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { databaseNow } from "@/server/domain/clock";
import type { Actor } from "@/server/domain/identity/actor";
import { conflict, notFound } from "@/server/errors";

import { finishOperation } from "./engine/outcomes";
import { nextUndo } from "./engine/undo-plan";
import { getOperation } from "./views";

type Control = { operationId: string; reason?: string };

/** The engine holds the operation's row for one move (tens of ms, a slow driver call longer): wait for it. */
export const WAITS_FOR_ENGINE = { timeout: 30_000, maxWait: 10_000 } as const;

async function locked(tx: Tx, operationId: string) {
  await tx.$queryRaw`select id from "Operation" where id = ${operationId} for update`;
  const op = await tx.operation.findUnique({
    where: { id: operationId },
    include: { deployment: { select: { rpoTargetSeconds: true } } },
  });
  if (!op) throw notFound("the operation");
  return op;
}

const name = (op: { runbook: keyof typeof RUNBOOK_LABELS; id: string }) =>
  `${RUNBOOK_LABELS[op.runbook].toLowerCase()} ${op.id.slice(0, 8)}`;
const because = (reason?: string) => (reason ? `: ${reason}` : "");

export async function pauseOperation(db: Db, actor: Actor, input: Control): Promise<TOperationDetail> {
  await db.$transaction(async (tx) => {
    const op = await locked(tx, input.operationId);
    if (op.status !== "RUNNING")
      throw conflict(`${name(op)} is ${statusWords(op.status)}; only a running operation can be paused`, "operationId");
    // Between a fence and its promotion nothing can write: a pause there would stretch the outage.
    const steps = await tx.operationStep.findMany({ where: { operationId: op.id }, orderBy: { index: "asc" } });
    const fence = steps.findLast((s) => s.kind === "FENCE" && s.status === "SUCCEEDED");
    const promoted =
      fence && steps.some((s) => s.kind === "PROMOTE" && s.index > fence.index && s.status === "SUCCEEDED");
    if (fence && !promoted)
      throw conflict(
        `${name(op)} has fenced the primary (step ${fence.index + 1} "${fence.title}") and not promoted yet: nothing accepts writes, and a pause would keep it so; abort it (the fence is lifted) or let it finish`,
        "operationId",
      );
    await tx.operation.update({ where: { id: op.id }, data: { status: "PAUSED" } });
    await recordAudit(tx, actor, {
      action: "operation.pause",
      objectType: "Operation",
      objectId: op.id,
      summary: `paused ${name(op)}${because(input.reason)}`,
    });
  }, WAITS_FOR_ENGINE);
  return getOperation(db, input.operationId, actor);
}

export async function resumeOperation(db: Db, actor: Actor, input: Control): Promise<TOperationDetail> {
  await db.$transaction(async (tx) => {
    const op = await locked(tx, input.operationId);
    if (op.status !== "PAUSED")
      throw conflict(`${name(op)} is ${statusWords(op.status)}; only a paused operation can be resumed`, "operationId");
    // Back to waiting for people if a gate is still open; the engine re-checks every gate anyway.
    const open = await tx.approvalGate.count({ where: { operationId: op.id, status: "OPEN" } });
    await tx.operation.update({ where: { id: op.id }, data: { status: open > 0 ? "AWAITING_APPROVAL" : "RUNNING" } });
    // A wait interrupted by the pause starts its window again: the pause is not the condition's fault.
    await tx.operationStep.updateMany({
      where: { operationId: op.id, status: "WAITING" },
      data: { startedAt: new Date(await databaseNow(tx)), nextAttemptAt: null },
    });
    await recordAudit(tx, actor, {
      action: "operation.resume",
      objectType: "Operation",
      objectId: op.id,
      summary: `resumed ${name(op)}${because(input.reason)}`,
    });
  }, WAITS_FOR_ENGINE);
  return getOperation(db, input.operationId, actor);
}

export async function abortOperation(db: Db, actor: Actor, input: Control): Promise<TOperationDetail> {
  await db.$transaction(async (tx) => {
    const op = await locked(tx, input.operationId);
    if (!STOPPABLE_STATUSES.includes(op.status))
      throw conflict(`${name(op)} is ${statusWords(op.status)}; there is nothing to abort`, "operationId");
    const pastReturn = await tx.operationStep.findFirst({
      where: { operationId: op.id, status: "SUCCEEDED", rollback: "irreversible" },
      orderBy: { index: "asc" },
    });
    if (pastReturn) {
      throw conflict(
        `${name(op)} is past step ${pastReturn.index + 1} "${pastReturn.title}", which cannot be undone; pause it, or let it finish and plan a switchover back`,
        "operationId",
      );
    }
    const reason = `aborted by ${actor.email}${because(input.reason)}`;
    await recordAudit(tx, actor, {
      action: "operation.abort",
      objectType: "Operation",
      objectId: op.id,
      summary: `aborted ${name(op)}${because(input.reason)}`,
    });
    // Nobody may decide a gate of an aborted run: its open gates close with it.
    await tx.approvalGate.updateMany({
      where: { operationId: op.id, status: "OPEN" },
      data: { status: "LAPSED", reason: "the operation was aborted", decidedAt: new Date(await databaseNow(tx)) },
    });
    // A move lost after it called the driver may have fenced or demoted: only the engine, asking the
    // world, can tell, so such a run goes through the rollback even when the model shows nothing to undo.
    const inDoubt =
      (await tx.stepAttempt.count({ where: { operationId: op.id, status: "ATTEMPTING" } })) +
      (await tx.operationStep.count({ where: { operationId: op.id, status: "IN_DOUBT" } }));
    if (!(await nextUndo(tx, op.id)) && inDoubt === 0) {
      await tx.operation.update({ where: { id: op.id }, data: { abortRequested: true } });
      await finishOperation(
        tx,
        { ...op, abortRequested: true },
        "ABORTED",
        `${reason}; nothing needed undoing`,
        await databaseNow(tx),
      );
      return;
    }
    await tx.operation.update({
      where: { id: op.id },
      data: { status: "ROLLING_BACK", abortRequested: true, failureReason: reason },
    });
    await tx.operationStep.updateMany({
      where: { operationId: op.id, status: { in: ["PENDING", "WAITING"] } },
      data: { status: "SKIPPED", nextAttemptAt: null },
    });
  }, WAITS_FOR_ENGINE);
  return getOperation(db, input.operationId, actor);
}
