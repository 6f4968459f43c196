// Who may decide an approval gate, as one rule shared by the decision itself, the inbox and the
// operation page (which shows the form, or this sentence, to whoever is looking).
import { statusWords, STOPPABLE_STATUSES } from "@/lib/operations/contracts";

type DecidableGate = {
  status: string;
  expiresAt: Date;
  role: string;
  decisions: { approverId: string }[];
  operation: { requestedById: string; status: string };
};

/** Why this person may not decide this gate, or null when they may. */
export function cannotDecide(
  gate: DecidableGate,
  actor: { userId: string | null; role: string },
  nowMs: number,
): string | null {
  if (gate.status !== "OPEN")
    return `this approval request is ${gate.status.toLowerCase()}; it can no longer be decided`;
  if (!(STOPPABLE_STATUSES as readonly string[]).includes(gate.operation.status))
    return `the operation is ${statusWords(gate.operation.status)}; its approvals can no longer be decided`;
  if (gate.expiresAt.getTime() <= nowMs) return `this approval request expired at ${gate.expiresAt.toISOString()}`;
  if (gate.operation.requestedById === actor.userId)
    return "you requested this operation; someone else must approve it";
  if (actor.role !== gate.role && actor.role !== "ADMIN")
    return `this approval needs the ${gate.role.toLowerCase()} role; you are ${actor.role.toLowerCase()}`;
  if (gate.decisions.some((d) => d.approverId === actor.userId))
    return "you have already decided this request; the same person counts once";
  return null;
}
