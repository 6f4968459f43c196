// Recording what a step did, and ending an operation: each write goes with its audit record in the
// engine's transaction, so what is stored and what is audited never disagree.
import type { Tx } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";
import { noticeOperationFinished } from "@/server/domain/notifications/notices";
import type { Operation, OperationStep } from "@/server/generated/prisma/client";

import { buildReport } from "../report";
import type { OperationUpdate, Output } from "../steps/context";
import { nextUndo, pastNoReturn } from "./undo-plan";

export type LockedOperation = Operation & { deployment: { rpoTargetSeconds: number } };

export type Progress =
  | { kind: "done"; output: Output; update?: OperationUpdate }
  | { kind: "wait"; output: Output; retryInMs: number }
  | { kind: "failed"; error: string; final: boolean };

const BACKOFF_MS = 1000;
/** The actor of everything the engine records. */
export const ENGINE = { ...SYSTEM_ACTOR, email: "engine@meridian" };

const describe = (op: Operation, step: OperationStep) =>
  `${op.runbook.toLowerCase()} ${op.id.slice(0, 8)}: step ${step.index + 1} "${step.title}"`;

export async function markProgress(
  tx: Tx,
  op: LockedOperation,
  step: OperationStep,
  progress: Progress,
  nowMs: number,
): Promise<void> {
  const now = new Date(nowMs);
  const startedAt = step.startedAt ?? now;
  if (progress.kind === "wait") {
    await tx.operationStep.update({
      where: { id: step.id },
      data: {
        status: "WAITING",
        output: progress.output,
        startedAt,
        nextAttemptAt: new Date(nowMs + progress.retryInMs),
      },
    });
    return;
  }
  if (progress.kind === "done") {
    await tx.operationStep.update({
      where: { id: step.id },
      data: {
        status: "SUCCEEDED",
        output: progress.output,
        attempts: step.attempts + 1,
        startedAt,
        finishedAt: now,
        nextAttemptAt: null,
        error: null,
      },
    });
    if (progress.update && Object.keys(progress.update).length > 0)
      Object.assign(op, await tx.operation.update({ where: { id: op.id }, data: progress.update }));
    await recordAudit(tx, ENGINE, {
      action: "operation.step",
      objectType: "Operation",
      objectId: op.id,
      summary: `${describe(op, step)} succeeded`,
      after: progress.output,
    });
    const left = await tx.operationStep.count({
      where: { operationId: op.id, status: { in: ["PENDING", "WAITING"] } },
    });
    if (left === 0) await finishOperation(tx, op, "SUCCEEDED", null, nowMs);
    return;
  }
  const attempts = step.attempts + 1;
  if (!progress.final && attempts < step.maxAttempts) {
    await tx.operationStep.update({
      where: { id: step.id },
      data: {
        status: "PENDING",
        attempts,
        startedAt,
        error: progress.error,
        nextAttemptAt: new Date(nowMs + BACKOFF_MS * 2 ** (attempts - 1)),
      },
    });
    await recordAudit(tx, ENGINE, {
      action: "operation.step-retry",
      objectType: "Operation",
      objectId: op.id,
      summary: `${describe(op, step)} failed (attempt ${attempts} of ${step.maxAttempts}), will retry: ${progress.error}`,
    });
    return;
  }
  await tx.operationStep.update({
    where: { id: step.id },
    data: { status: "FAILED", attempts, startedAt, finishedAt: now, error: progress.error, nextAttemptAt: null },
  });
  await recordAudit(tx, ENGINE, {
    action: "operation.step-failed",
    objectType: "Operation",
    objectId: op.id,
    summary: `${describe(op, step)} failed: ${progress.error}`,
  });
  await failOperation(tx, op, `step ${step.index + 1} "${step.title}" failed: ${progress.error}`, nowMs);
}

/** Rolls back what can be undone (undo-plan.ts), then ends `status`; ends at once when nothing needs undoing. */
export async function failOperation(
  tx: Tx,
  op: LockedOperation,
  reason: string,
  nowMs: number,
  status: "FAILED" | "REJECTED" = "FAILED",
): Promise<void> {
  if (!(await nextUndo(tx, op.id))) {
    const noReturn = await pastNoReturn(tx, op.id);
    return finishOperation(tx, op, status, noReturn ? `${reason}; ${noReturn}` : reason, nowMs);
  }
  Object.assign(
    op,
    await tx.operation.update({ where: { id: op.id }, data: { status: "ROLLING_BACK", failureReason: reason } }),
  );
  await tx.operationStep.updateMany({
    where: { operationId: op.id, status: { in: ["PENDING", "WAITING"] } },
    data: { status: "SKIPPED", nextAttemptAt: null },
  });
  await recordAudit(tx, ENGINE, {
    action: "operation.rollback",
    objectType: "Operation",
    objectId: op.id,
    summary: `${op.runbook.toLowerCase()} ${op.id.slice(0, 8)} rolls back: ${reason}`,
  });
}

export async function finishOperation(
  tx: Tx,
  op: LockedOperation,
  status: "SUCCEEDED" | "FAILED" | "ABORTED" | "REJECTED",
  reason: string | null,
  nowMs: number,
): Promise<void> {
  await tx.operationStep.updateMany({
    where: { operationId: op.id, status: { in: ["PENDING", "WAITING"] } },
    data: { status: "SKIPPED", nextAttemptAt: null },
  });
  await tx.approvalGate.updateMany({
    where: { operationId: op.id, status: "OPEN" },
    data: { status: "LAPSED", reason: `the operation ended (${status.toLowerCase()})`, decidedAt: new Date(nowMs) },
  });
  // Whatever happened, a drill never leaves its outage behind (the twin drops it at its next session).
  await tx.fault.updateMany({ where: { operationId: op.id, clearedAt: null }, data: { clearedAt: new Date(nowMs) } });
  const failureReason = status === "SUCCEEDED" ? null : (reason ?? op.failureReason ?? `ended ${status.toLowerCase()}`);
  const finished = await tx.operation.update({
    where: { id: op.id },
    data: { status, finishedAt: new Date(nowMs), failureReason },
  });
  Object.assign(op, finished);
  const report = await buildReport(tx, op.id);
  await tx.operation.update({ where: { id: op.id }, data: { report: report as never } });
  await noticeOperationFinished(tx, op, status, failureReason, report);
  await recordAudit(tx, ENGINE, {
    action: "operation.finish",
    objectType: "Operation",
    objectId: op.id,
    summary: `${op.runbook.toLowerCase()} ${op.id.slice(0, 8)} ${status.toLowerCase()}${failureReason ? `: ${failureReason}` : ""}`,
    after: {
      status,
      measuredRtoSeconds: report.measuredRtoSeconds,
      measuredDataLossBytes: report.measuredDataLossBytes,
    },
  });
}
