// The runbook engine. Each call of `engineTick` advances every operation that has work due, one
// transaction per move:
//   - the operation's row is locked FOR UPDATE SKIP LOCKED, so two workers never move the same
//     operation (and so never run the same step) at once, and a busy one is simply skipped;
//   - a step's effect (through the driver session, which saves the twin and the model) and its
//     record commit together; a crash anywhere before the commit leaves the step as it was, to be
//     run again by whichever worker comes next, and after it the step is recorded as done;
//   - a failed attempt is retried with backoff when retrying can help, otherwise the operation
//     rolls back the steps it can undo and ends FAILED with the reason.
import { parseStepOutput, ZStepParams, type TStepKind } from "@/lib/operations/contracts";
import type { Db, Tx } from "@/server/db";
import { withDriverSession } from "@/server/domain/driver-sessions/session";
import { DriverError } from "@/server/drivers/errors";

import { facts, isDatabaseError, messageOf, StepRefused, type StepContext, type StepOutcome } from "../steps/context";
import { STEP_HANDLERS } from "../steps/handlers";
import { advanceGate } from "./advance-gate";
import { finishOperation, markProgress, type LockedOperation } from "./outcomes";
import { rollbackNext } from "./rollback";

export type EngineOptions = {
  /** Test hook: throws SimulatedCrash at a named point to prove a crash there leaves a resumable state. */
  crashAt?: (point: CrashPoint) => boolean;
  /** Most moves per tick, so one tick stays short. */
  maxMoves?: number;
  /** Told of an operation whose move failed unexpectedly (the move was rolled back). */
  onError?: (operationId: string, error: unknown) => void;
};
export type CrashPoint = "before-step" | "after-effect" | "before-commit";

export class SimulatedCrash extends Error {
  constructor(point: string) {
    super(`simulated crash at ${point}`);
    this.name = "SimulatedCrash";
  }
}

/** Errors that retrying cannot fix: safety refusals of the driver and refusals of the runbook. */
const FINAL_DRIVER_CODES = new Set([
  "STALE_EPOCH",
  "SPLIT_BRAIN_REFUSED",
  "INVALID_ACTION",
  "NOT_FOUND",
  "INVALID_STATE",
  "INVALID_TOPOLOGY",
  "DRIVER_UNAVAILABLE",
]);
const isFinal = (error: unknown) =>
  error instanceof StepRefused || (error instanceof DriverError && FINAL_DRIVER_CODES.has(error.code));

const TX = { timeout: 60_000, maxWait: 15_000 } as const;

export async function engineTick(db: Db, nowMs: number, options: EngineOptions = {}): Promise<number> {
  const visited: string[] = [];
  let moves = 0;
  while (moves < (options.maxMoves ?? 100)) {
    const seen = visited.length;
    let moved: "moved" | "idle" | null;
    try {
      moved = await db.$transaction((tx) => moveOne(tx, nowMs, visited, options), TX);
    } catch (error) {
      if (error instanceof SimulatedCrash) throw error;
      // One operation's unexpected error (its move rolled back) must not stall the others: it is
      // reported, skipped for this tick and tried again on the next.
      if (visited.length === seen) throw error;
      options.onError?.(visited.at(-1)!, error);
      continue;
    }
    if (moved === null) break;
    if (moved === "idle") continue;
    moves += 1;
  }
  return moves;
}

/** Locks one operation with work to look at and makes one move on it; null when none is left. */
async function moveOne(
  tx: Tx,
  nowMs: number,
  visited: string[],
  options: EngineOptions,
): Promise<"moved" | "idle" | null> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    select id from "Operation"
    where status in ('AWAITING_APPROVAL', 'RUNNING', 'ROLLING_BACK') and not (id = any(${visited}::text[]))
    order by "updatedAt" limit 1 for update skip locked`;
  if (!row) return null;
  visited.push(row.id);
  const op = (await tx.operation.findUniqueOrThrow({
    where: { id: row.id },
    include: { deployment: { select: { rpoTargetSeconds: true } } },
  })) as LockedOperation;
  // Every move takes its locks in one order: the operation, the deployment's twin, then (when it
  // audits) the audit chain. Two operations on one deployment can then wait, never deadlock.
  await tx.$queryRaw`select 1 from "DriverState" where "deploymentId" = ${op.deploymentId} for update`;
  if (op.status === "ROLLING_BACK") return (await rollbackNext(tx, op, nowMs)) ? "moved" : "idle";
  if (op.status === "AWAITING_APPROVAL" && !(await advanceGate(tx, op, nowMs))) return "idle";
  return runNextStep(tx, op, nowMs, options);
}

async function runNextStep(
  tx: Tx,
  op: LockedOperation,
  nowMs: number,
  options: EngineOptions,
): Promise<"moved" | "idle"> {
  const step = await tx.operationStep.findFirst({
    where: { operationId: op.id, status: { in: ["PENDING", "WAITING"] } },
    orderBy: { index: "asc" },
  });
  if (!step) {
    await finishOperation(tx, op, "SUCCEEDED", null, nowMs);
    return "moved";
  }
  if (step.nextAttemptAt && step.nextAttemptAt.getTime() > nowMs) return "idle";
  if (step.startedAt && step.status === "WAITING" && nowMs - step.startedAt.getTime() > step.timeoutSeconds * 1000) {
    const waitingFor = String(parseStepOutput(step.output)?.waitingFor ?? "the condition did not hold");
    await markProgress(
      tx,
      op,
      step,
      { kind: "failed", error: `${waitingFor} (gave up after ${step.timeoutSeconds} s)`, final: true },
      nowMs,
    );
    return "moved";
  }
  const plannedStep = { ...step, params: ZStepParams.parse(step.params), kind: step.kind as TStepKind };
  // No gate stands before this step, or it was granted and what it approved still holds.
  if (!(await advanceGate(tx, op, nowMs, plannedStep))) return "idle";
  if (op.status !== "RUNNING")
    Object.assign(op, await tx.operation.update({ where: { id: op.id }, data: { status: "RUNNING" } }));
  if (options.crashAt?.("before-step")) throw new SimulatedCrash("before-step");

  await tx.$executeRawUnsafe("SAVEPOINT meridian_step");
  let outcome: StepOutcome;
  try {
    outcome = await withDriverSession(tx, op.deploymentId, nowMs, async ({ driver, before }) => {
      const ctx: StepContext = {
        tx,
        driver,
        topology: before,
        nowMs,
        operation: facts(op),
        params: plannedStep.params,
        previous: parseStepOutput(step.output),
      };
      const result = await STEP_HANDLERS[plannedStep.kind].run(ctx);
      if (options.crashAt?.("after-effect")) throw new SimulatedCrash("after-effect");
      return result;
    });
  } catch (error) {
    // A crash, or the database failing under the move (deadlock, lost connection, timeout): the
    // whole move rolls back and is tried again next tick; it is not the step's attempt.
    if (error instanceof SimulatedCrash || isDatabaseError(error)) throw error;
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT meridian_step");
    await markProgress(tx, op, step, { kind: "failed", error: messageOf(error), final: isFinal(error) }, nowMs);
    return "moved";
  }
  await markProgress(
    tx,
    op,
    step,
    outcome.kind === "done"
      ? { kind: "done", output: outcome.output, update: outcome.update }
      : { kind: "wait", output: { ...outcome.output, waitingFor: outcome.waitingFor }, retryInMs: outcome.retryInMs },
    nowMs,
  );
  if (options.crashAt?.("before-commit")) throw new SimulatedCrash("before-commit");
  return "moved";
}
