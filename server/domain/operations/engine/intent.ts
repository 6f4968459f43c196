// Intent before effect. Every driver action a step (or its undo) makes is first recorded as an
// ATTEMPTING StepAttempt, committed on a connection of its own so that it survives whatever happens
// to the move's transaction; the action then carries the attempt's token. The move settles its
// attempts (APPLIED or REFUSED) in its own transaction, so a move that is lost after the driver call
// (a crash, a database error, a SIGTERM) leaves its attempts ATTEMPTING: in doubt, for the next
// worker to reconcile against the world (reconcile.ts).
import type { Db, Tx } from "@/server/db";
import type { Driver } from "@/server/drivers/types";

import { messageOf } from "../steps/context";
import type { LeaseKeeper } from "./lease";

/** The driver's actions that change the world; reads pass through untouched. */
const ACTIONS = ["fence", "unfence", "promote", "demote", "repoint", "setRouting"] as const;
type Action = (typeof ACTIONS)[number];
const isAction = (name: PropertyKey): name is Action => (ACTIONS as readonly PropertyKey[]).includes(name);

export type AttemptScope = {
  operationId: string;
  stepId: string;
  stepIndex: number;
  clusterId: string;
  purpose: "run" | "undo";
  /** The worker acting: the holder of the operation's lease. */
  holder: string;
};

export type Attempts = {
  driver: Driver;
  /** Writes each attempt's outcome in the move's transaction (after any savepoint was rolled back). */
  settle: (tx: Tx, nowMs: number) => Promise<void>;
};

/**
 * The driver as the step sees it: each action is preceded by a renewal of the worker's lease (a
 * worker that lost it stops here: LeaseLost) and by its committed intent, and carries its token and
 * its deadline (the renewed lease's).
 */
export function withIntent(db: Db, driver: Driver, scope: AttemptScope, lease?: LeaseKeeper): Attempts {
  const made: { token: bigint; error: string | null }[] = [];
  const act = async (action: Action, input: Record<string, unknown>) => {
    const signal = await lease?.renew();
    const { token } = await db.stepAttempt.create({
      data: { ...scope, action, input: input as never },
      select: { token: true },
    });
    const record = { token, error: null as string | null };
    made.push(record);
    try {
      return await (driver[action] as (input: unknown) => Promise<unknown>).call(driver, {
        ...input,
        token: Number(token),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      record.error = messageOf(error);
      throw error;
    }
  };
  const wrapped = new Proxy(driver, {
    get(target, name, receiver) {
      if (isAction(name)) return (input: Record<string, unknown>) => act(name, input);
      const value: unknown = Reflect.get(target, name, receiver);
      // Bound to the driver itself: its private fields are not the proxy's.
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    driver: wrapped,
    settle: async (tx, nowMs) => {
      for (const { token, error } of made)
        await tx.stepAttempt.update({
          where: { token },
          data: { status: error === null ? "APPLIED" : "REFUSED", error, settledAt: new Date(nowMs) },
        });
    },
  };
}
