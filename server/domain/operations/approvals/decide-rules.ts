// Who may decide an approval gate, as one rule shared by the decision itself, the inbox and the
// operation page (which shows the form, or this sentence, to whoever is looking). Which roles may
// decide is the permission table's (lib/identity/permissions.ts).
import type { TRole } from "@/lib/enums";
import { mayDecide } from "@/lib/identity/permissions";
import { STOPPABLE_STATUSES } from "@/lib/operations/contracts";
import { statusWords } from "@/lib/operations/words";

type DecidableGate = {
  status: string;
  expiresAt: Date;
  role: TRole;
  decisions: { approverId: string }[];
  operation: { requestedById: string; status: string };
};

/** Why this person may not decide this gate, or null when they may. */
export function cannotDecide(
  gate: DecidableGate,
  actor: { userId: string | null; role: TRole | "SYSTEM" },
  nowMs: number,
): string | null {
  if (gate.status !== "OPEN")
    return `this approval request is ${gate.status.toLowerCase()}; it can no longer be decided`;
  if (!(STOPPABLE_STATUSES as readonly string[]).includes(gate.operation.status))
    return `the operation is ${statusWords(gate.operation.status)}; its approvals can no longer be decided`;
  if (gate.expiresAt.getTime() <= nowMs) return `this approval request expired at ${gate.expiresAt.toISOString()}`;
  if (gate.operation.requestedById === actor.userId)
    return "you requested this operation; someone else must approve it";
  if (actor.role === "SYSTEM" || !mayDecide(actor.role, gate.role))
    return `this approval needs the ${gate.role.toLowerCase()} role; you are ${actor.role.toLowerCase()}`;
  if (gate.decisions.some((d) => d.approverId === actor.userId))
    return "you have already decided this request; the same person counts once";
  return null;
}
