// Deciding an approval gate. Each rule is checked with a sentence the approver can act on, and the
// rules that matter most are also held by the database: the same person counts once (a unique key
// on gate and approver), and a decision is taken under a lock on the gate, so two approvers cannot
// both be "the last one" or approve a gate another has just rejected.
import type { TDecision, TGateView, TInboxItem } from "@/lib/operations/contracts";
import { RUNBOOK_LABELS } from "@/lib/operations/words";
import type { Db, Tx } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { databaseNow } from "@/server/domain/clock";
import { confirmPassword, type ConfirmationRule } from "@/server/domain/identity/password-confirmation";
import type { SessionActor } from "@/server/domain/identity/session-actor";
import { noticeDecision } from "@/server/domain/notifications/notices";
import { conflict, notFound } from "@/server/errors";
import { Prisma } from "@/server/generated/prisma/client";

import { WAITS_FOR_ENGINE } from "../control";
import { failOperation, finishOperation } from "../engine/outcomes";
import { gateView, summaryInclude, summaryView } from "../views";
import { cannotDecide } from "./decide-rules";

type Gate = Prisma.ApprovalGateGetPayload<{
  include: { decisions: true; operation: { include: { deployment: { select: { rpoTargetSeconds: true } } } } };
}>;

/** Locks the operation, then the gate: the engine takes them in that order too, so neither waits on the other forever. */
async function lockGate(tx: Tx, gateId: string): Promise<Gate> {
  const found = await tx.approvalGate.findUnique({ where: { id: gateId }, select: { operationId: true } });
  if (!found) throw notFound("the approval request");
  await tx.$queryRaw`select id from "Operation" where id = ${found.operationId} for update`;
  await tx.$queryRaw`select id from "ApprovalGate" where id = ${gateId} for update`;
  const gate = await tx.approvalGate.findUnique({
    where: { id: gateId },
    include: { decisions: true, operation: { include: { deployment: { select: { rpoTargetSeconds: true } } } } },
  });
  if (!gate) throw notFound("the approval request");
  return gate;
}

/** Wrong passwords allowed per approver in 15 minutes before approvals lock for them. */
export const PASSWORD_ATTEMPTS = 5;

/**
 * The approver proves again who they are; an open console is not enough to approve a promotion.
 * A wrong password is refused and, being a security event, audited (the only thing it writes);
 * five in fifteen minutes lock this approver's decisions until the window has passed.
 */
const APPROVAL_PASSWORD: ConfirmationRule = {
  refusedAction: "approval.password-refused",
  purpose: "deciding an approval",
  attempts: PASSWORD_ATTEMPTS,
  windowMs: 15 * 60_000,
  lockedMessage: `${PASSWORD_ATTEMPTS} wrong passwords in 15 minutes: your approvals are locked for now; try again later`,
  wrongMessage: "the password is not correct; confirm who you are to decide an approval",
};

export async function decideGate(db: Db, actor: SessionActor, input: TDecision): Promise<TGateView> {
  // Whoever may not decide this gate at all (a viewer, the requester...) is told so before any
  // password is looked at: their guess is not an approval attempt. The rules are checked again
  // under the locks below.
  const unlocked = await db.approvalGate.findUnique({
    where: { id: input.gateId },
    include: { decisions: true, operation: { select: { requestedById: true, status: true } } },
  });
  if (!unlocked) throw notFound("the approval request");
  const early = cannotDecide(unlocked, actor, await databaseNow(db));
  if (early) throw conflict(early, "gateId");
  await confirmPassword(db, actor, input.password, APPROVAL_PASSWORD);
  const nowMs = await databaseNow(db);
  try {
    await db.$transaction(async (tx) => {
      const gate = await lockGate(tx, input.gateId);
      const refusal = cannotDecide(gate, actor, nowMs);
      if (refusal) throw conflict(refusal, "gateId");
      if (gate.contextHash !== input.contextHash)
        throw conflict(
          "what you were shown has changed (the lag, the topology or the plan moved); review the new figures and decide again",
          "contextHash",
        );
      await tx.approvalDecision.create({
        data: {
          gateId: gate.id,
          approverId: actor.userId,
          decision: input.decision,
          comment: input.comment,
          contextHash: input.contextHash,
        },
      });
      const op = gate.operation;
      const where = gate.beforeRun ? "before the run" : `before step ${gate.stepIndex + 1}`;
      const what = `${RUNBOOK_LABELS[op.runbook].toLowerCase()} ${op.id.slice(0, 8)} ${where}`;
      await recordAudit(tx, actor, {
        action: input.decision === "APPROVE" ? "approval.approve" : "approval.reject",
        objectType: "ApprovalGate",
        objectId: gate.id,
        summary: `${input.decision === "APPROVE" ? "approved" : "rejected"} ${what}${input.comment ? `: ${input.comment}` : ""} (password confirmed)`,
        after: { decision: input.decision, contextHash: input.contextHash, context: gate.context },
      });
      if (input.decision === "REJECT") {
        await tx.approvalGate.update({
          where: { id: gate.id },
          data: {
            status: "REJECTED",
            decidedAt: new Date(nowMs),
            reason: `rejected by ${actor.name}${input.comment ? `: ${input.comment}` : ""}`,
          },
        });
        await noticeDecision(tx, op, gate, { approve: false, by: actor.name, comment: input.comment, granted: false });
        const reason = `rejected ${where} by ${actor.name}${input.comment ? `: ${input.comment}` : ""}`;
        // Nothing ran yet: the operation simply ends. Mid-run: what ran is undone first.
        if (!op.startedAt) await finishOperation(tx, op, "REJECTED", `${reason}; nothing was changed`, nowMs);
        else await failOperation(tx, op, reason, nowMs, "REJECTED");
        return;
      }
      const approvals = gate.decisions.filter((d) => d.decision === "APPROVE").length + 1;
      await noticeDecision(tx, op, gate, {
        approve: true,
        by: actor.name,
        comment: input.comment,
        granted: approvals >= gate.required,
      });
      if (approvals >= gate.required) {
        await tx.approvalGate.update({
          where: { id: gate.id },
          data: { status: "GRANTED", decidedAt: new Date(nowMs) },
        });
      }
    }, WAITS_FOR_ENGINE);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw conflict("you have already decided this request; the same person counts once", "gateId");
    throw error;
  }
  const gate = await db.approvalGate.findUniqueOrThrow({
    where: { id: input.gateId },
    include: { decisions: { include: { approver: { select: { name: true } } } } },
  });
  return gateView(gate, null);
}

export async function inbox(db: Db, actor: SessionActor): Promise<TInboxItem[]> {
  const gates = await db.approvalGate.findMany({
    where: { status: "OPEN" },
    orderBy: { createdAt: "asc" },
    include: {
      decisions: { include: { approver: { select: { name: true } } } },
      operation: { include: summaryInclude },
    },
  });
  const nowMs = await databaseNow(db);
  return gates.map((gate) => ({
    gate: gateView(gate, cannotDecide(gate, actor, nowMs)),
    operation: summaryView(gate.operation),
  }));
}
