// One attempt at a step, or at its undo: the deployment's driver session opened in the move's
// transaction, the driver wrapped so that each action records its intent first (intent.ts), the
// handler run against the world, and the attempts settled. A refusal rolls back to the savepoint
// (the step's own writes go) but its settled attempts stay; a crash or a database error loses the
// whole move and leaves the attempts in doubt.
import { parseStepOutput, ZStepParams } from "@/lib/operations/contracts";
import type { Db, Tx } from "@/server/db";
import { withDriverSession } from "@/server/domain/driver-sessions/session";
import type { Driver } from "@/server/drivers/types";
import type { OperationStep } from "@/server/generated/prisma/client";

import { facts, isDatabaseError, type StepContext } from "../steps/context";
import { boundedDriver, DeadlineExceeded } from "./deadline";
import { withIntent, type Attempts } from "./intent";
import { LeaseLost, type LeaseKeeper } from "./lease";
import type { LockedOperation } from "./outcomes";

export type CrashPoint = "before-step" | "after-effect" | "before-commit";

export class SimulatedCrash extends Error {
  constructor(point: string) {
    super(`simulated crash at ${point}`);
    this.name = "SimulatedCrash";
  }
}

/** What a move knows of itself: the database outside its transaction, who acts, and when. */
export type Mover = {
  db: Db;
  holder: string;
  nowMs: number;
  /** Test hook: throws SimulatedCrash at a named point. */
  crashAt?: (point: CrashPoint, step: { kind: string; index: number; operationId: string }) => boolean;
  /** Set by a move inside the critical section: run the operation's next move now, or poll it shortly. */
  chain?: "next" | "poll" | null;
  /** The longest the primary may stay fenced before a promotion (fenced-window.ts). */
  fencedWindowMs?: number;
  /** The worker's lease on the operation being moved: renewed before every action, it bounds every call. */
  lease?: LeaseKeeper;
};

/** Errors that lose the whole move: what it asked of the driver stays in doubt, for the world to settle. */
export const losesTheMove = (error: unknown) =>
  error instanceof SimulatedCrash ||
  error instanceof LeaseLost ||
  error instanceof DeadlineExceeded ||
  isDatabaseError(error);

/** The driver bounded by the mover's lease (every call, reads too), when it has one. */
export function leaseBound(mover: Mover, operationId: string) {
  const lease = mover.lease;
  return lease ? (driver: Driver) => boundedDriver(driver, () => lease.signal, operationId) : undefined;
}

export type AttemptResult<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function attemptStep<T>(
  tx: Tx,
  mover: Mover,
  op: LockedOperation,
  step: OperationStep,
  purpose: "run" | "undo",
  fn: (ctx: StepContext) => Promise<T>,
): Promise<AttemptResult<T>> {
  await tx.$executeRawUnsafe("SAVEPOINT meridian_step");
  let attempts: Attempts | null = null;
  const scope = {
    operationId: op.id,
    stepId: step.id,
    stepIndex: step.index,
    clusterId: op.clusterId,
    purpose,
    holder: mover.holder,
  };
  try {
    const value = await withDriverSession(
      tx,
      op.deploymentId,
      mover.nowMs,
      async ({ driver, before, world }) => {
        attempts = withIntent(mover.db, driver, scope, mover.lease);
        const ctx: StepContext = {
          tx,
          driver: attempts.driver,
          topology: world,
          model: before,
          nowMs: mover.nowMs,
          operation: facts(op),
          params: ZStepParams.parse(step.params),
          previous: parseStepOutput(step.output),
        };
        const result = await fn(ctx);
        if (mover.crashAt?.("after-effect", step)) throw new SimulatedCrash("after-effect");
        return result;
      },
      leaseBound(mover, op.id),
    );
    await (attempts as Attempts | null)?.settle(tx, mover.nowMs);
    return { ok: true, value };
  } catch (error) {
    // A crash, the database failing under the move (deadlock, lost connection, timeout), a lost
    // lease or a call past its deadline: the whole move is lost, and what it asked of the driver is in doubt.
    if (losesTheMove(error)) throw error;
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT meridian_step");
    await (attempts as Attempts | null)?.settle(tx, mover.nowMs);
    return { ok: false, error };
  }
}
