// Whether the signed-in user may decide an approval, and if not, why in one sentence. The server
// decides for real (`operations.decide` checks all of this again); the page uses it to show the
// form or the reason, so nobody types a password only to be refused.
import type { TGateView } from "@/lib/operations/contracts";
import { label, type TRole } from "@/lib/schemas/enums";

export type TDecider = { userId: string; role: TRole };

const CLOSED: Record<Exclude<TGateView["status"], "OPEN">, string> = {
  GRANTED: "This approval has been granted; there is nothing left to decide.",
  REJECTED: "This approval was rejected; there is nothing left to decide.",
  LAPSED: "This approval lapsed because what it was bound to changed; a new one will be asked for.",
  EXPIRED: "This approval expired before enough people decided.",
};

export function whyCannotDecide(
  decider: TDecider,
  gate: Pick<TGateView, "status" | "role" | "expiresAt" | "decisions">,
  requestedById: string,
  nowMs: number,
): string | null {
  if (gate.status !== "OPEN") return CLOSED[gate.status];
  if (Date.parse(gate.expiresAt) <= nowMs) return "This approval has expired.";
  // Four eyes: whoever asked for the operation never approves it, whatever their role.
  if (decider.userId === requestedById) return "You requested this operation; someone else must approve it.";
  // Admins pass every role check in Meridian, as they do on the server's procedure ladder.
  if (decider.role !== gate.role && decider.role !== "ADMIN") {
    return `This approval needs the ${label(gate.role)} role; you are signed in as ${label(decider.role)}.`;
  }
  const mine = gate.decisions.find((decision) => decision.approverId === decider.userId);
  if (mine) return `You have already ${mine.decision === "APPROVE" ? "approved" : "rejected"} this; another person must decide the rest.`;
  return null;
}
