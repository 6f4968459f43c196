// The runbook engine. Each call of `engineTick` advances every operation that has work due, one
// transaction per move:
//   - the operation's row is locked FOR UPDATE SKIP LOCKED, so two workers never move the same
//     operation (and so never run the same step) at once, and a busy one is simply skipped;
//   - the worker then takes (or renews) its lease on the operation (lease.ts), on the database's
//     clock: an operation whose lease another worker holds is left alone until it expires, even when
//     that worker's transaction is gone (it may still be inside a driver call, whose deadline is
//     shorter than the lease); a worker that cannot renew stops acting;
//   - every driver action is preceded by its intent, committed on its own (intent.ts), and carries
//     the attempt's token; the step's record and the attempt's result commit with the move;
//   - a move lost after it called the driver (a crash, a database error, a SIGTERM) leaves its
//     attempts in doubt: the next move on that operation asks the world what took effect before
//     anything else (reconcile.ts), then redoes the step against the world, or settles it on the
//     way out; the model is never trusted for what a lost move did;
//   - a failed attempt is retried with backoff when retrying can help, otherwise the operation
//     rolls back the steps it can undo and ends FAILED with the reason.
import { hostname } from "node:os";

import { parseStepOutput, ZStepParams, type TStepKind } from "@/lib/operations/contracts";
import type { Db, Tx } from "@/server/db";
import { databaseNow } from "@/server/domain/clock";
import { DriverError } from "@/server/drivers/errors";
import { env } from "@/server/env";

import { messageOf, StepRefused, type StepOutcome } from "../steps/context";
import { STEP_HANDLERS } from "../steps/handlers";
import { advanceGate } from "./advance-gate";
import { attemptStep, SimulatedCrash, type CrashPoint, type Mover } from "./attempt";
import { chainAfter, POLL_MS } from "./critical-section";
import { hasAbandonedCall } from "./deadline";
import { FENCED_WINDOW_MS, fencedTooLong } from "./fenced-window";
import { LeaseKeeper, takeLease } from "./lease";
import { failOperation, finishOperation, markProgress, type LockedOperation } from "./outcomes";
import { reconcileInDoubt } from "./reconcile";
import { rollbackNext } from "./rollback";

export { SimulatedCrash, type CrashPoint };

export type EngineOptions = {
  /** Test hook: throws SimulatedCrash at a named point to prove a crash there leaves a resumable state. */
  crashAt?: Mover["crashAt"];
  /** Most moves per tick, so one tick stays short. */
  maxMoves?: number;
  /** Told of an operation whose move failed unexpectedly (the move was rolled back). */
  onError?: (operationId: string, error: unknown) => void;
  /** Who this worker is, in its attempts and its lease; the host and process by default. */
  holder?: string;
  /** How long the worker's lease on an operation lasts from its last renewal (MERIDIAN_OPERATION_LEASE_MS by default). */
  leaseMs?: number;
  /** The longest the primary may stay fenced before a promotion (FENCED_WINDOW_MS by default). */
  fencedWindowMs?: number;
  /** Test hook: only these operations (a test's own, beside other tests' on the same database). */
  operationIds?: string[];
  /** Stops the tick after the move in flight (a worker told to stop lets that move finish). */
  stop?: AbortSignal;
};

/** Errors that retrying cannot fix: safety refusals of the driver and refusals of the runbook. */
const FINAL_DRIVER_CODES = new Set([
  "STALE_EPOCH",
  "STALE_TOKEN",
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
/** This process as a lease holder (MERIDIAN_WORKER_NAME, or host:pid): the worker releases its leases under it when it stops. */
export const processHolder = () => env().MERIDIAN_WORKER_NAME ?? `${hostname()}:${process.pid}`;

/**
 * One beat of the engine. `at` is null in the worker: each move reads the database's clock afresh
 * (server/domain/clock.ts), the one clock of every timestamp, deadline and expiry it writes or
 * compares. Tests give a time instead, the same for every move of the tick, to run virtual time.
 */
export async function engineTick(db: Db, at: number | null, options: EngineOptions = {}): Promise<number> {
  const visited: string[] = [];
  const holder = options.holder ?? processHolder();
  const leaseMs = options.leaseMs ?? env().MERIDIAN_OPERATION_LEASE_MS;
  let moves = 0;
  // The operation whose critical section runs back to back: its next move comes before any other.
  let chained: string | null = null;
  while (moves < (options.maxMoves ?? 100) && !options.stop?.aborted) {
    const seen = visited.length;
    const mover: Mover = {
      db,
      nowMs: at ?? 0,
      holder,
      crashAt: options.crashAt,
      fencedWindowMs: options.fencedWindowMs ?? FENCED_WINDOW_MS,
    };
    let moved: "moved" | "idle" | null;
    try {
      moved = await db.$transaction(async (tx) => {
        if (at === null) mover.nowMs = await databaseNow(tx);
        const result = await moveOne(
          tx,
          mover,
          visited,
          leaseMs,
          chained ? [chained] : (options.operationIds ?? null),
          chained,
        );
        // Nothing is committed by a worker whose lease ran out meanwhile: another may have taken over.
        await mover.lease?.renew();
        return result;
      }, TX);
    } catch (error) {
      if (error instanceof SimulatedCrash) throw error;
      // One operation's unexpected error (its move rolled back) must not stall the others: it is
      // reported, skipped for this tick and tried again on the next (a chained one is visited already).
      const failed = chained ?? (visited.length > seen ? visited.at(-1)! : null);
      chained = null;
      if (failed === null) throw error;
      options.onError?.(failed, error);
      continue;
    }
    const chain = moved === "moved" ? mover.chain : null;
    chained = null;
    if (moved === null) break;
    if (moved === "idle") continue;
    // Polls inside the critical section do not count against the tick's moves: the fenced window bounds them.
    if (chain !== "poll" || at !== null) moves += 1;
    // A virtual time does not move within a tick: a wait there ends the chain until the next tick.
    if (chain === "next" || (chain === "poll" && at === null)) chained = visited.at(-1)!;
    if (chained && chain === "poll") await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return moves;
}

/** Locks one operation with work to look at and makes one move on it; null when none is left. */
async function moveOne(
  tx: Tx,
  mover: Mover,
  visited: string[],
  leaseMs: number,
  only: string[] | null,
  chainOn: string | null,
): Promise<"moved" | "idle" | null> {
  const { nowMs } = mover;
  // A chained move is the same operation's next one: visited already, it comes again.
  const skip = chainOn ? [] : visited;
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    select id from "Operation" o
    where status in ('AWAITING_APPROVAL', 'RUNNING', 'ROLLING_BACK') and not (id = any(${skip}::text[]))
      and (${only}::text[] is null or id = any(${only}::text[]))
      and not exists (
        select 1 from "OperationLease" l
        where l."operationId" = o.id and l.holder <> ${mover.holder} and l."expiresAt" > clock_timestamp())
    order by "updatedAt" limit 1 for update skip locked`;
  if (!row) return null;
  if (!chainOn) visited.push(row.id);
  // A call of this process cut off at its deadline may still be running: nothing more until it ends.
  if (hasAbandonedCall(row.id)) return "idle";
  const remainingMs = await takeLease(mover.db, row.id, mover.holder, leaseMs);
  if (remainingMs === null) return "idle";
  mover.lease = new LeaseKeeper(mover.db, row.id, mover.holder, leaseMs, remainingMs);
  const op = (await tx.operation.findUniqueOrThrow({
    where: { id: row.id },
    include: { deployment: { select: { rpoTargetSeconds: true } } },
  })) as LockedOperation;
  // Every move takes its locks in one order: the operation, the deployment's twin, then (when it
  // audits) the audit chain. Two operations on one deployment can then wait, never deadlock.
  await tx.$queryRaw`select 1 from "DriverState" where "deploymentId" = ${op.deploymentId} for update`;
  // A move lost after it called the driver left its attempts in doubt: the world is asked first.
  if (await reconcileInDoubt(tx, mover, op)) return "moved";
  if (op.status === "ROLLING_BACK") return (await rollbackNext(tx, mover, op)) ? "moved" : "idle";
  if (op.status === "AWAITING_APPROVAL" && !(await advanceGate(tx, op, nowMs))) return "idle";
  return runNextStep(tx, mover, op);
}

async function runNextStep(tx: Tx, mover: Mover, op: LockedOperation): Promise<"moved" | "idle"> {
  const { nowMs } = mover;
  const step = await tx.operationStep.findFirst({
    where: { operationId: op.id, status: { in: ["PENDING", "WAITING", "IN_DOUBT"] } },
    orderBy: { index: "asc" },
  });
  if (!step) {
    await finishOperation(tx, op, "SUCCEEDED", null, nowMs);
    return "moved";
  }
  // The fenced window has a hard deadline, whatever step is waiting or retrying inside it.
  const fenced = await fencedTooLong(tx, op, nowMs, mover.fencedWindowMs ?? FENCED_WINDOW_MS);
  if (fenced) {
    await failOperation(tx, op, fenced, nowMs);
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
  // No gate stands before this step, or it was granted and what it approved still holds. A step in
  // doubt already passed its gate before its lost move; it is finished, not asked again.
  if (step.status !== "IN_DOUBT" && !(await advanceGate(tx, op, nowMs, plannedStep))) return "idle";
  if (op.status !== "RUNNING")
    Object.assign(op, await tx.operation.update({ where: { id: op.id }, data: { status: "RUNNING" } }));
  if (mover.crashAt?.("before-step", step)) throw new SimulatedCrash("before-step");

  const attempt = await attemptStep(tx, mover, op, step, "run", (ctx) => STEP_HANDLERS[plannedStep.kind].run(ctx));
  if (!attempt.ok) {
    await markProgress(
      tx,
      op,
      step,
      { kind: "failed", error: messageOf(attempt.error), final: isFinal(attempt.error) },
      nowMs,
    );
    return "moved";
  }
  const outcome: StepOutcome = attempt.value;
  await markProgress(
    tx,
    op,
    step,
    outcome.kind === "done"
      ? { kind: "done", output: outcome.output, update: outcome.update }
      : { kind: "wait", output: { ...outcome.output, waitingFor: outcome.waitingFor }, retryInMs: outcome.retryInMs },
    nowMs,
  );
  mover.chain = await chainAfter(tx, op, outcome);
  if (mover.crashAt?.("before-commit", step)) throw new SimulatedCrash("before-commit");
  return "moved";
}
