// Sign-in through better-auth's real HTTP handler, sessions hashed at rest, the session rules of
// the tRPC context, and user management by admins.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";

import { auth } from "@/server/auth";
import { db } from "@/server/db";
import { auditCountBy, callerAs, unique } from "@/tests/factories";

import { hashSessionToken } from "./hashed-session-tokens";
import { actorFromHeaders } from "./session-actor";

const BASE = "http://localhost:3000";
const unexpected = (): never => {
  throw new Error("the call should have been refused");
};

async function signIn(email: string, password: string) {
  const response = await auth().handler(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE },
      body: JSON.stringify({ email, password }),
    }),
  );
  const cookie = (response.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  return { status: response.status, cookie };
}

async function newUser(role: "VIEWER" | "OPERATOR" | "ADMIN" = "OPERATOR") {
  const { caller: admin } = await callerAs("ADMIN");
  const email = `${unique("person")}@test.local`;
  const password = "correct-horse-battery";
  const user = await admin.identity.createUser({ email, name: "Person", role, password });
  return { user, email, password, admin };
}

describe("sign-in and sessions", () => {
  it("signs in with email and password, and the session names the user and role", async () => {
    const { user, email, password } = await newUser("OPERATOR");
    const { status, cookie } = await signIn(email, password);
    expect(status).toBe(200);
    const actor = await actorFromHeaders(new Headers({ cookie }));
    expect(actor).toMatchObject({ userId: user.id, email, role: "OPERATOR" });
    const signInRecord = await db.auditRecord.findFirst({ where: { actorId: user.id, action: "auth.sign_in" } });
    expect(signInRecord?.summary).toBe(`${email} signed in`);
  });

  it("refuses a wrong password and writes no session", async () => {
    const { user, email } = await newUser();
    const { status, cookie } = await signIn(email, "wrong-password-123");
    expect(status).toBe(401);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await actorFromHeaders(new Headers({ cookie }))).toBeNull();
  });

  it("stores only a hash of the session token", async () => {
    const { user, email, password } = await newUser();
    const { cookie } = await signIn(email, password);
    const token = decodeURIComponent(cookie.match(/session_token=([^;]+)/)![1]!).split(".")[0]!;
    const stored = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.token).not.toBe(token);
    expect(stored.token).toBe(hashSessionToken(token));
  });

  it("signs out: the session is gone and the sign-out audited", async () => {
    const { user, email, password } = await newUser();
    const { cookie } = await signIn(email, password);
    const response = await auth().handler(
      new Request(`${BASE}/api/auth/sign-out`, { method: "POST", headers: { cookie, origin: BASE } }),
    );
    expect(response.status).toBe(200);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await actorFromHeaders(new Headers({ cookie }))).toBeNull();
    expect(await db.auditRecord.count({ where: { actorId: user.id, action: "auth.sign_out" } })).toBe(1);
  });

  it("ends a session older than the maximum age, however busy", async () => {
    const { user, email, password } = await newUser();
    const { cookie } = await signIn(email, password);
    await db.session.updateMany({
      where: { userId: user.id },
      data: { createdAt: new Date(Date.now() - 25 * 3_600_000) },
    });
    expect(await actorFromHeaders(new Headers({ cookie }))).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a disabled user's sessions end at once and sign-in is refused", async () => {
    const { user, email, password, admin } = await newUser();
    const { cookie } = await signIn(email, password);
    await admin.identity.updateUser({ id: user.id, disabled: true });
    expect(await actorFromHeaders(new Headers({ cookie }))).toBeNull();
    expect((await signIn(email, password)).cookie).not.toMatch(/session_token=[^;]+/);
  });
});

describe("user management", () => {
  it("admins create users, audited without the password", async () => {
    const { caller: admin, actor } = await callerAs("ADMIN");
    const email = `${unique("new")}@test.local`;
    const user = await admin.identity.createUser({
      email: email.toUpperCase(),
      name: "New Person",
      role: "APPROVER",
      password: "long-enough-password",
    });
    expect(user).toMatchObject({ email, role: "APPROVER", disabled: false });
    const record = await db.auditRecord.findFirstOrThrow({
      where: { actorId: actor.userId, action: "user.create", objectId: user.id },
    });
    expect(JSON.stringify({ ...record, seq: String(record.seq) })).not.toContain("long-enough-password");
    const account = await db.account.findFirstOrThrow({ where: { userId: user.id } });
    expect(account.password).not.toContain("long-enough-password");
  });

  it("non-admins cannot manage users, and nothing is written", async () => {
    for (const role of ["VIEWER", "OPERATOR", "APPROVER"] as const) {
      const { caller, actor } = await callerAs(role);
      const email = `${unique("nope")}@test.local`;
      const error = await caller.identity
        .createUser({ email, name: "Nope", role: "ADMIN", password: "long-enough-password" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("FORBIDDEN");
      expect(await db.user.findUnique({ where: { email } })).toBeNull();
      expect(await auditCountBy(actor)).toBe(0);
    }
  });

  it("refuses a short password and a duplicate email with the field named", async () => {
    const { caller: admin } = await callerAs("ADMIN");
    const short = await admin.identity
      .createUser({ email: `${unique("s")}@test.local`, name: "S", role: "VIEWER", password: "short" })
      .then(unexpected, (e: TRPCError) => e);
    expect(short.message).toMatch(/Password must be at least 10 characters/);
    const email = `${unique("dup")}@test.local`;
    await admin.identity.createUser({ email, name: "D", role: "VIEWER", password: "long-enough-password" });
    const dup = await admin.identity
      .createUser({ email, name: "D", role: "VIEWER", password: "long-enough-password" })
      .then(unexpected, (e: TRPCError) => e);
    expect(dup.code).toBe("CONFLICT");
    expect(dup.message).toMatch(/already exists/);
  });

  it("an admin cannot remove their own admin rights", async () => {
    const { caller: admin, actor } = await callerAs("ADMIN");
    const error = await admin.identity
      .updateUser({ id: actor.userId, role: "VIEWER" })
      .then(unexpected, (e: TRPCError) => e);
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.userId } })).role).toBe("ADMIN");
  });

  it("a role change ends the user's sessions so it takes effect now", async () => {
    const { user, email, password, admin } = await newUser("OPERATOR");
    const { cookie } = await signIn(email, password);
    await admin.identity.updateUser({ id: user.id, role: "VIEWER" });
    expect(await actorFromHeaders(new Headers({ cookie }))).toBeNull();
    const again = await signIn(email, password);
    expect((await actorFromHeaders(new Headers({ cookie: again.cookie })))?.role).toBe("VIEWER");
  });
});
