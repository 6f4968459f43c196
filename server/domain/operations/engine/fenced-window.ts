// A bounded fenced window. Between the fence and the promotion nothing in the cluster accepts
// writes, so that span is the outage: no pause and no approval gate may stand in it (control.ts,
// approvals), and it has a hard deadline. Past it, while the run is still before its point of no
// return, the engine gives up by itself: the run fails, and its rollback lifts the fence so the
// old primary writes again. A step that never finishes (a catch-up that never catches up, a
// demotion retried with backoff, a driver that hangs) cannot keep the primary fenced longer.
import type { Tx } from "@/server/db";

import type { LockedOperation } from "./outcomes";

/** The longest the primary may stay fenced before a promotion; the engine unfences past it. */
export const FENCED_WINDOW_MS = 15_000;

/** Why the run must stop now (its fenced window ran out), or null. */
export async function fencedTooLong(
  tx: Tx,
  op: LockedOperation,
  nowMs: number,
  windowMs: number,
): Promise<string | null> {
  const steps = await tx.operationStep.findMany({
    where: { operationId: op.id, kind: { in: ["FENCE", "PROMOTE"] } },
    orderBy: { index: "asc" },
  });
  const fence = steps.find((s) => s.kind === "FENCE" && s.status === "SUCCEEDED" && s.rolledBackAt === null);
  // Only a fence that can be lifted: a real failover's fence of a dead primary is its point of no return.
  if (!fence?.finishedAt || fence.rollback !== "compensate") return null;
  // A promotion done, or in doubt (its move was lost): the window is over, or the world decides.
  if (
    steps.some((s) => s.kind === "PROMOTE" && s.index > fence.index && s.status !== "PENDING" && s.status !== "WAITING")
  )
    return null;
  const fencedMs = nowMs - fence.finishedAt.getTime();
  if (fencedMs <= windowMs) return null;
  return `the primary stayed fenced ${Math.round(fencedMs / 1000)} s without a promotion, past the bound of ${windowMs / 1000} s: the fence is lifted`;
}
