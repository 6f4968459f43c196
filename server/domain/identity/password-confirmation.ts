// A signed-in person proves again who they are (an approval, for one): their password, checked with
// better-auth's verifier, with a limit on wrong guesses. Counting the recent refusals, verifying and
// recording a refusal happen under one transaction-scoped advisory lock per person, so guesses sent
// in parallel are evaluated one at a time and the limit holds exactly: the first `attempts` wrong
// ones are evaluated and audited, every later one is refused without looking at the password.
import type { Db } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { AppError, invalid } from "@/server/errors";

import type { SessionActor } from "./session-actor";
import { verifyPassword } from "./users";

export type ConfirmationRule = {
  /** The audit action of a refusal; recent ones are counted against the limit. */
  refusedAction: string;
  /** What the person was doing, for the audit summary ("deciding an approval"). */
  purpose: string;
  attempts: number;
  windowMs: number;
  /** The sentence once the limit is reached. */
  lockedMessage: string;
  /** The sentence for a wrong password. */
  wrongMessage: string;
};

// Advisory locks in the two-key form: this namespace, and the person's id hashed by PostgreSQL.
const CONFIRMATION_LOCK_NAMESPACE = 4_242_002;

export async function confirmPassword(db: Db, actor: SessionActor, password: string, rule: ConfirmationRule) {
  const verdict = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`select pg_advisory_xact_lock(${CONFIRMATION_LOCK_NAMESPACE}::int, hashtext(${actor.userId}))`;
      const refused = await tx.auditRecord.count({
        where: { actorId: actor.userId, action: rule.refusedAction, at: { gte: new Date(Date.now() - rule.windowMs) } },
      });
      if (refused >= rule.attempts) return "locked" as const;
      if (await verifyPassword(tx, actor.userId, password)) return "confirmed" as const;
      await recordAudit(tx, actor, {
        action: rule.refusedAction,
        objectType: "user",
        objectId: actor.userId,
        summary: `wrong password when ${rule.purpose} (${refused + 1} of ${rule.attempts})`,
      });
      return "wrong" as const;
    },
    // Wrong guesses wait their turn behind one another (each verification takes a scrypt's time).
    { maxWait: 15_000, timeout: 20_000 },
  );
  if (verdict === "locked") throw new AppError("FORBIDDEN", rule.lockedMessage, { field: "password" });
  if (verdict === "wrong") throw invalid("password", rule.wrongMessage);
}
