// How many approvals wait for this person: the open gates they may decide now. The query narrows
// by the same facts as the rule (open, unexpired, a role they may decide, not their own request,
// not yet decided by them, the operation still waiting) so it stays one small read however many
// gates the estate has; the rule itself (`cannotDecide`) then has the last word on each row.
import { ROLES } from "@/lib/enums";
import { mayDecide } from "@/lib/identity/permissions";
import { STOPPABLE_STATUSES } from "@/lib/operations/contracts";
import type { Db } from "@/server/db";
import { databaseNow } from "@/server/domain/clock";
import type { SessionActor } from "@/server/domain/identity/session-actor";

import { cannotDecide } from "./decide-rules";

export type TApprovalsWaiting = {
  count: number;
  /** The same count per deployment id (only deployments with at least one). */
  byDeployment: Record<string, number>;
};

export async function approvalsWaiting(db: Db, actor: SessionActor, at?: number): Promise<TApprovalsWaiting> {
  const nowMs = at ?? (await databaseNow(db));
  const roles = ROLES.filter((required) => mayDecide(actor.role, required));
  if (roles.length === 0) return { count: 0, byDeployment: {} };
  const gates = await db.approvalGate.findMany({
    where: {
      status: "OPEN",
      expiresAt: { gt: new Date(nowMs) },
      role: { in: roles },
      operation: { status: { in: [...STOPPABLE_STATUSES] }, requestedById: { not: actor.userId } },
      decisions: { none: { approverId: actor.userId } },
    },
    select: {
      status: true,
      expiresAt: true,
      role: true,
      decisions: { select: { approverId: true } },
      operation: { select: { requestedById: true, status: true, deploymentId: true } },
    },
  });
  const byDeployment: Record<string, number> = {};
  for (const gate of gates.filter((g) => cannotDecide(g, actor, nowMs) === null))
    byDeployment[gate.operation.deploymentId] = (byDeployment[gate.operation.deploymentId] ?? 0) + 1;
  return { count: Object.values(byDeployment).reduce((sum, n) => sum + n, 0), byDeployment };
}
