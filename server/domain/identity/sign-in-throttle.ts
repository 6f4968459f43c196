// Wrong passwords per account. The email is the key, as typed (lower-cased), so an address that
// belongs to nobody is throttled exactly like a real one and sign-in reveals nothing. After
// FREE_ATTEMPTS failures in a row each further attempt waits twice as long as the last (1 s, 2 s,
// 4 s, ...); at LOCK_AFTER the account locks until an admin unlocks it or LOCK_MINUTES pass (an
// attacker who knows an admin's email could otherwise lock every admin out for good). An attempt
// is counted before its password is checked, under a row lock, so parallel guesses cannot slip
// past the count; a successful sign-in clears it.
import type { Db } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { AppError, notFound } from "@/server/errors";

import type { Actor } from "./actor";

export const SIGN_IN_THROTTLE = { freeAttempts: 5, lockAfter: 10, lockMinutes: 60 } as const;

export type Admission =
  | { admitted: true; failures: number }
  | { admitted: false; locked: boolean; retryAfterSeconds: number; message: string };

/** Seconds an attempt must wait after `failures` failures in a row. */
export function delayAfter(failures: number): number {
  return failures < SIGN_IN_THROTTLE.freeAttempts ? 0 : 2 ** (failures - SIGN_IN_THROTTLE.freeAttempts);
}

export const normalizeEmail = (email: unknown) => (typeof email === "string" ? email.trim().toLowerCase() : "");

/** Decides whether this attempt may check its password, and if so counts it as a failure for now. */
export async function admitSignIn(db: Db, email: string, nowMs = Date.now()): Promise<Admission> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`insert into "SignInThrottle" (email, failures, "updatedAt") values (${email}, 0, now()) on conflict (email) do nothing`;
    const [row] = await tx.$queryRaw<{ failures: number; lastAttemptAt: Date | null; lockedUntil: Date | null }[]>`
      select failures, "lastAttemptAt", "lockedUntil" from "SignInThrottle" where email = ${email} for update`;
    const { failures, lastAttemptAt, lockedUntil } = row!;
    if (lockedUntil && lockedUntil.getTime() > nowMs) {
      return {
        admitted: false,
        locked: true,
        retryAfterSeconds: Math.ceil((lockedUntil.getTime() - nowMs) / 1000),
        message: `this account is locked after ${SIGN_IN_THROTTLE.lockAfter} wrong passwords: an admin can unlock it in Admin, or it unlocks at ${lockedUntil.toISOString().slice(11, 16)} UTC`,
      };
    }
    const lockExpired = lockedUntil !== null;
    const counted = lockExpired ? 0 : failures;
    const waitUntil = (lastAttemptAt?.getTime() ?? 0) + delayAfter(counted) * 1000;
    if (!lockExpired && waitUntil > nowMs) {
      const seconds = Math.ceil((waitUntil - nowMs) / 1000);
      return {
        admitted: false,
        locked: false,
        retryAfterSeconds: seconds,
        message: `${counted} wrong passwords in a row for this account: wait ${seconds} s before the next attempt`,
      };
    }
    const next = counted + 1;
    const locks = next >= SIGN_IN_THROTTLE.lockAfter;
    await tx.signInThrottle.update({
      where: { email },
      data: {
        failures: next,
        lastAttemptAt: new Date(nowMs),
        lockedUntil: locks ? new Date(nowMs + SIGN_IN_THROTTLE.lockMinutes * 60_000) : null,
      },
    });
    return { admitted: true, failures: next };
  });
}

/** The attempt was right: the account starts afresh. */
export async function signInSucceeded(db: Db, email: string) {
  await db.signInThrottle.deleteMany({ where: { email } });
}

/** Wrong passwords counted and locks in force, per email, for the Admin page. */
export async function signInThrottles(db: Db, emails: string[], nowMs = Date.now()) {
  const rows = await db.signInThrottle.findMany({ where: { email: { in: emails } } });
  return new Map(
    rows.map((row) => [
      row.email,
      {
        failures: row.failures,
        lockedUntil: row.lockedUntil && row.lockedUntil.getTime() > nowMs ? row.lockedUntil : null,
      },
    ]),
  );
}

/** An admin lifts a lockout (and the count of wrong passwords), audited. */
export async function unlockSignIn(db: Db, actor: Actor, userId: string) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound("the user");
    const found = await tx.signInThrottle.findUnique({ where: { email: user.email } });
    if (!found || found.failures === 0)
      throw new AppError(
        "PRECONDITION_FAILED",
        `${user.email} has no wrong passwords counted: there is nothing to unlock`,
        {
          field: "id",
        },
      );
    await tx.signInThrottle.delete({ where: { email: user.email } });
    await recordAudit(tx, actor, {
      action: "user.unlock",
      objectType: "user",
      objectId: user.id,
      summary: `unlocked sign-in for ${user.email} after ${found.failures} wrong passwords`,
      before: { failures: found.failures, lockedUntil: found.lockedUntil },
    });
    return { id: user.id, email: user.email };
  });
}
