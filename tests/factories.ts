// Test data: each test makes its own users and estate with unique names, so files run in parallel
// against one database without resetting it.
import { randomUUID } from "node:crypto";

import type { TRole } from "@/lib/enums";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { db } from "@/server/db";
import type { SessionActor } from "@/server/domain/identity/session-actor";

export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function makeUser(role: TRole): Promise<SessionActor> {
  const user = await db.user.create({
    data: {
      id: randomUUID(),
      email: `${unique(role.toLowerCase())}@test.local`,
      name: `Test ${role}`,
      role,
      emailVerified: true,
    },
  });
  return {
    userId: user.id,
    email: user.email,
    role: user.role,
    name: user.name,
    sessionExpiresAt: new Date(Date.now() + 3_600_000),
  };
}

export async function callerAs(role: TRole) {
  const actor = await makeUser(role);
  return { actor, caller: createCaller(createInnerContext(actor)) };
}

export const anonymousCaller = () => createCaller(createInnerContext(null));

/** Audit records written by one actor: other test files write concurrently, so counts are scoped. */
export const auditCountBy = (actor: { userId: string | null }) =>
  db.auditRecord.count({ where: { actorId: actor.userId } });

/** A region code no other test uses. */
export const regionInput = (overrides: Record<string, unknown> = {}) => ({
  provider: "LAB" as const,
  code: unique("lab"),
  displayName: "Lab region",
  continent: "EUROPE" as const,
  latitude: 50,
  longitude: 8,
  ...overrides,
});

export const deploymentInput = (overrides: Record<string, unknown> = {}) => ({
  slug: unique("dep"),
  name: unique("Deployment"),
  description: "",
  drModel: "WARM_STANDBY" as const,
  rtoTargetSeconds: 600,
  rpoTargetSeconds: 5,
  availabilityTargetPct: 99.95,
  ...overrides,
});

/** A user who can sign in (and so confirm an approval with a password), with a caller acting as them. */
export async function userWithPassword(role: TRole) {
  const password = `pw-${randomUUID()}`;
  const { insertUser, hashPassword } = await import("@/server/domain/identity/users");
  const user = await insertUser(db, {
    email: `${unique(role.toLowerCase())}@test.local`,
    name: unique(`Test ${role}`),
    role,
    password,
    passwordHash: await hashPassword(password),
  });
  const actor: SessionActor = {
    userId: user.id,
    email: user.email,
    role,
    name: user.name,
    sessionExpiresAt: new Date(Date.now() + 3_600_000),
  };
  return { actor, password, caller: createCaller(createInnerContext(actor)) };
}
