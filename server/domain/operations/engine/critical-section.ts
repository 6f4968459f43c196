// The critical section runs back to back. From the step before the fence to writes verified in the
// new region, nothing (or, before the fence, little) accepts writes, so every millisecond between
// steps is outage: the engine does not wait for its next beat there. After each move inside it the
// same worker, still under its lease, makes the operation's next move at once (each step is still
// its own committed record: a crash between two leaves a resumable state), and a step that waits
// (the catch-up, writes landing) is polled every POLL_MS instead of every beat. Preparation
// (pre-checks, a scale-up) runs before it at the usual pace, repointing the other replicas after it.
import type { Tx } from "@/server/db";

import type { StepOutcome } from "../steps/context";
import type { LockedOperation } from "./outcomes";

/** How often a waiting step inside the critical section is asked again (LSNs every 10-20 ms). */
export const POLL_MS = 15;

/** What the engine does next after a step's move: chain the next move, poll this one, or wait for its beat. */
export async function chainAfter(tx: Tx, op: LockedOperation, outcome: StepOutcome): Promise<"next" | "poll" | null> {
  if (op.status !== "RUNNING") return null;
  const steps = await tx.operationStep.findMany({
    where: { operationId: op.id },
    orderBy: { index: "asc" },
    select: { kind: true, status: true, rolledBackAt: true },
  });
  const fenced = steps.some((s) => s.kind === "FENCE" && s.status === "SUCCEEDED" && s.rolledBackAt === null);
  const verified = steps.some((s) => s.kind === "VERIFY_WRITES" && s.status === "SUCCEEDED");
  const next = steps.find((s) => s.status === "PENDING" || s.status === "WAITING");
  const inSection = (fenced && !verified) || next?.kind === "FENCE";
  if (!inSection || !next) return null;
  return outcome.kind === "wait" ? "poll" : "next";
}
