// What a failed, aborted or rejected operation undoes. Before the point of no return, every step
// that declares a compensation, newest first. Past it (a promotion succeeded, or a step marked
// irreversible), nothing: the new primary may have taken writes, so sending traffic or capacity
// back would cause the outage the run was meant to avoid; the estate stays as the last good step
// left it, and the reason says so. A drill's injected outage is always cleared, and first.
import type { Tx } from "@/server/db";
import type { OperationStep } from "@/server/generated/prisma/client";

export async function nextUndo(tx: Tx, operationId: string): Promise<OperationStep | null> {
  const done = await tx.operationStep.findMany({
    where: { operationId, status: "SUCCEEDED", rolledBackAt: null },
    orderBy: { index: "desc" },
  });
  const fault = done.find((s) => s.kind === "INJECT_FAULT");
  if (fault) return fault;
  if (done.some((s) => s.rollback === "irreversible")) return null;
  return done.find((s) => s.rollback === "compensate") ?? null;
}

/** The words for an ending past the point of no return, or null when the run never got there. */
export async function pastNoReturn(tx: Tx, operationId: string): Promise<string | null> {
  const step = await tx.operationStep.findFirst({
    where: { operationId, status: "SUCCEEDED", rollback: "irreversible" },
    orderBy: { index: "desc" },
  });
  return step
    ? `past step ${step.index + 1} "${step.title}", which cannot be undone, nothing was rolled back: the estate is as the last completed step left it and needs a person to finish`
    : null;
}
