// Users and their roles, managed by admins. Passwords are hashed by better-auth's own hasher
// (scrypt), and stored as its credential accounts, so sign-in needs nothing of ours.
import { randomUUID } from "node:crypto";

import type { TUserCreate, TUserUpdate } from "@/lib/identity/contracts";
import { roleLabel } from "@/lib/identity/words";
import { auth } from "@/server/auth";
import type { Db, Tx } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { AppError, conflict, notFound } from "@/server/errors";

import type { Actor } from "./actor";
import { signInThrottles } from "./sign-in-throttle";

const publicFields = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** Users with their sign-in state: wrong passwords in a row, and a lockout in force. */
export async function listUsers(db: Db) {
  const users = await db.user.findMany({ orderBy: { email: "asc" }, select: publicFields });
  const throttles = await signInThrottles(
    db,
    users.map((u) => u.email),
  );
  return users.map((user) => {
    const throttle = throttles.get(user.email);
    return { ...user, signInFailures: throttle?.failures ?? 0, signInLockedUntil: throttle?.lockedUntil ?? null };
  });
}

export async function hashPassword(password: string) {
  return (await auth().$context).password.hash(password);
}

export async function verifyPassword(db: Db | Tx, userId: string, password: string): Promise<boolean> {
  const account = await db.account.findFirst({ where: { userId, providerId: "credential" } });
  if (!account?.password) return false;
  return (await auth().$context).password.verify({ hash: account.password, password });
}

/** Creates a user with a password; `tx` lets the seed create users in its own transaction. */
export async function insertUser(tx: Tx, input: TUserCreate & { passwordHash: string }) {
  const user = await tx.user.create({
    data: { id: randomUUID(), email: input.email, name: input.name, role: input.role, emailVerified: true },
    select: publicFields,
  });
  await tx.account.create({
    data: {
      id: randomUUID(),
      accountId: user.id,
      providerId: "credential",
      userId: user.id,
      password: input.passwordHash,
    },
  });
  return user;
}

export async function createUser(db: Db, actor: Actor, input: TUserCreate) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email } }))
      throw conflict(`a user with email ${input.email} already exists`, "email");
    const user = await insertUser(tx, { ...input, passwordHash });
    await recordAudit(tx, actor, {
      action: "user.create",
      objectType: "user",
      objectId: user.id,
      summary: `created user ${user.email} as ${roleLabel(user.role)}`,
      after: user,
    });
    return user;
  });
}

export async function updateUser(db: Db, actor: Actor, input: TUserUpdate) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.id }, select: publicFields });
    if (!before) throw notFound("the user");
    const next = {
      name: input.name ?? before.name,
      role: input.role ?? before.role,
      disabled: input.disabled ?? before.disabled,
    };
    const losesAdmin = before.role === "ADMIN" && !before.disabled && (next.role !== "ADMIN" || next.disabled);
    if (losesAdmin) {
      if (before.id === actor.userId)
        throw new AppError("PRECONDITION_FAILED", "you cannot remove your own admin rights: ask another admin", {
          field: "role",
        });
      const admins = await tx.user.count({ where: { role: "ADMIN", disabled: false } });
      if (admins <= 1)
        throw new AppError("PRECONDITION_FAILED", "this is the last active admin: make another admin first", {
          field: "role",
        });
    }
    const after = await tx.user.update({ where: { id: before.id }, data: next, select: publicFields });
    // A new role or a disabled account takes effect now, not when the old session expires.
    if (next.disabled || next.role !== before.role) await tx.session.deleteMany({ where: { userId: before.id } });
    const changes = [
      next.role !== before.role && `role ${roleLabel(before.role)} → ${roleLabel(next.role)}`,
      next.disabled !== before.disabled && (next.disabled ? "disabled" : "enabled"),
      next.name !== before.name && "name",
    ].filter(Boolean);
    await recordAudit(tx, actor, {
      action: "user.update",
      objectType: "user",
      objectId: before.id,
      summary: `updated user ${before.email}: ${changes.join(", ") || "no change"}`,
      before,
      after,
    });
    return after;
  });
}

export async function resetPassword(db: Db, actor: Actor, input: { id: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.id } });
    if (!user) throw notFound("the user");
    const updated = await tx.account.updateMany({
      where: { userId: user.id, providerId: "credential" },
      data: { password: passwordHash },
    });
    if (updated.count === 0)
      await tx.account.create({
        data: {
          id: randomUUID(),
          accountId: user.id,
          providerId: "credential",
          userId: user.id,
          password: passwordHash,
        },
      });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, actor, {
      action: "user.password_reset",
      objectType: "user",
      objectId: user.id,
      summary: `reset the password of ${user.email} and ended their sessions`,
    });
  });
}
