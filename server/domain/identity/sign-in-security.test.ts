// Sign-in under attack, through better-auth's real handler: a limit per account (growing delay, then
// a lockout an admin lifts, audited) that answers a made-up email exactly as a real one; a limit
// per client address that a made-up X-Forwarded-For does not escape; a disabled account that answers
// as a wrong password does; the session token kept out of JavaScript; endpoints Meridian does not use
// closed; a password change audited and ending the other sessions; the 24 h maximum age on
// /api/auth/* too.
import { afterEach, describe, expect, it, vi } from "vitest";

import { auth, SESSION_MAX_AGE_SECONDS } from "@/server/auth";
import { db } from "@/server/db";
import { CLIENT_ADDRESS_HEADER } from "@/server/http/client-address";
import { callerAs, unique } from "@/tests/factories";

import { SIGN_IN_THROTTLE } from "./sign-in-throttle";

const BASE = "http://localhost:3000";
let lastOctet = 0;
/** An address of its own per test, so that the limit per address of one test never meets another's. */
const freshAddress = () => `198.51.100.${++lastOctet}`;

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return auth().handler(
    new Request(`${BASE}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE, ...headers },
      body: JSON.stringify(body),
    }),
  );
}

async function signIn(email: string, password: string, address: string, extra: Record<string, string> = {}) {
  const response = await post("/sign-in/email", { email, password }, { [CLIENT_ADDRESS_HEADER]: address, ...extra });
  const cookie = (response.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, cookie, response };
}

async function newUser(role: "VIEWER" | "OPERATOR" | "ADMIN" = "OPERATOR") {
  const { caller: admin, actor: adminActor } = await callerAs("ADMIN");
  const email = `${unique("person")}@test.local`;
  const password = "correct-horse-battery";
  const user = await admin.identity.createUser({ email, name: "Person", role, password });
  return { user, email, password, admin, adminActor };
}

/** As if the last attempt had been made long ago: the growing delay has passed. */
const waitOutDelay = (email: string) =>
  db.signInThrottle.updateMany({ where: { email }, data: { lastAttemptAt: new Date(Date.now() - 3_600_000) } });

const getSession = (cookie: string) =>
  auth().handler(new Request(`${BASE}/api/auth/get-session`, { headers: { cookie } }));

afterEach(() => {
  vi.useRealTimers();
});

describe("the limit per account", () => {
  it("delays after five wrong passwords, answering a made-up email exactly as a real one", async () => {
    const { email } = await newUser();
    const nobody = `${unique("nobody")}@test.local`;
    const address = freshAddress();
    // The clock stands still: on a loaded machine ten password checks can outlast the 1 s delay.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now());
    for (let i = 0; i < SIGN_IN_THROTTLE.freeAttempts; i++) {
      const real = await signIn(email, "wrong-password-1", address);
      const madeUp = await signIn(nobody, "wrong-password-1", address);
      expect(real.status).toBe(401);
      expect(madeUp).toMatchObject({ status: real.status, body: real.body });
    }
    const real = await signIn(email, "wrong-password-1", address);
    const madeUp = await signIn(nobody, "wrong-password-1", address);
    expect(real.status).toBe(429);
    expect(real.body).toMatchObject({ code: "SIGN_IN_DELAYED" });
    expect(real.body.message).toMatch(/5 wrong passwords in a row for this account: wait 1 s/);
    expect(real.response.headers.get("retry-after")).toBe("1");
    expect(madeUp).toMatchObject({ status: 429, body: real.body });
  });

  it("evaluates at most one more than the free attempts of forty sent at once", async () => {
    const { email, user } = await newUser();
    const address = freshAddress();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(email, `wrong-password-${i}`, address)),
    );
    const evaluated = answers.filter((a) => a.status === 401).length;
    expect(evaluated).toBeGreaterThanOrEqual(SIGN_IN_THROTTLE.freeAttempts);
    // The sixth may come in if a full second has passed since the fifth; no more.
    expect(evaluated).toBeLessThanOrEqual(SIGN_IN_THROTTLE.freeAttempts + 1);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(40 - evaluated);
    expect(await db.auditRecord.count({ where: { objectId: user.id, action: "auth.sign_in_refused" } })).toBe(
      evaluated,
    );
  });

  it("locks after ten, even for the right password, until an admin unlocks it (audited)", async () => {
    const { email, password, user, admin, adminActor } = await newUser();
    const address = freshAddress();
    for (let i = 0; i < SIGN_IN_THROTTLE.lockAfter; i++) {
      await waitOutDelay(email);
      expect((await signIn(email, "wrong-password-1", address)).status).toBe(401);
    }
    await waitOutDelay(email);
    const locked = await signIn(email, password, address);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: "ACCOUNT_LOCKED" });
    expect(locked.body.message).toMatch(/locked after 10 wrong passwords: an admin can unlock it in Admin/);
    expect(locked.cookie).not.toMatch(/session_token=/);
    const lockRecord = await db.auditRecord.findFirstOrThrow({ where: { objectId: user.id, action: "auth.locked" } });
    expect(lockRecord.summary).toMatch(
      new RegExp(`after 10 wrong passwords in a row, the last from ${address.replaceAll(".", "\\.")}`),
    );

    const listed = (await admin.identity.users()).find((u) => u.id === user.id)!;
    expect(listed).toMatchObject({ signInFailures: 10 });
    expect(listed.signInLockedUntil).toBeInstanceOf(Date);
    await admin.identity.unlockUser({ id: user.id });
    const unlockRecord = await db.auditRecord.findFirstOrThrow({
      where: { actorId: adminActor.userId, action: "user.unlock", objectId: user.id },
    });
    expect(unlockRecord.summary).toBe(`unlocked sign-in for ${email} after 10 wrong passwords`);
    expect((await signIn(email, password, address)).status).toBe(200);
    await expect(admin.identity.unlockUser({ id: user.id })).rejects.toThrow(/nothing to unlock/);
  });
});

describe("the limit per client address", () => {
  it("is not escaped by a new X-Forwarded-For per attempt, and the audit names the real address", async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      // A new made-up email each time, so that only the limit per address can stop them.
      const attempt = await signIn(`${unique("spray")}@test.local`, "wrong-password-1", address, {
        "x-forwarded-for": `203.0.113.${i}`,
      });
      statuses.push(attempt.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    // Another client is not held back by this one's attempts.
    const { email, password, user } = await newUser();
    const other = await signIn(email, password, freshAddress(), { "x-forwarded-for": address });
    expect(other.status).toBe(200);
    const signInRecord = await db.auditRecord.findFirstOrThrow({ where: { actorId: user.id, action: "auth.sign_in" } });
    expect(signInRecord.after).toMatchObject({ ipAddress: `198.51.100.${lastOctet}` });
  });
});

describe("answers that give nothing away", () => {
  it("a disabled account's right password gets the wrong password's answer", async () => {
    const { user, email, password, admin } = await newUser();
    await admin.identity.updateUser({ id: user.id, disabled: true });
    const address = freshAddress();
    const right = await signIn(email, password, address);
    const wrong = await signIn(email, "wrong-password-1", address);
    expect(right.status).toBe(401);
    expect(right.body).toEqual(wrong.body);
    expect(right.cookie).toBe(wrong.cookie);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("never hands the session token to JavaScript", async () => {
    const { email, password } = await newUser();
    const { body, cookie } = await signIn(email, password, freshAddress());
    const token = decodeURIComponent(cookie.match(/session_token=([^;]+)/)![1]!).split(".")[0]!;
    expect(body.token).toBeNull();
    expect(JSON.stringify(body)).not.toContain(token);
    const session = await getSession(cookie);
    const text = await session.text();
    expect(JSON.parse(text)).toMatchObject({ user: { email } });
    expect(text).not.toContain(token);
    expect(JSON.parse(text).session).not.toHaveProperty("token");
  });

  it("closes the endpoints Meridian does not use", async () => {
    const { email, password, user } = await newUser();
    const { cookie } = await signIn(email, password, freshAddress());
    for (const [path, body] of [
      ["/update-user", { name: "Ada Admin" }],
      ["/change-email", { newEmail: "ada@evil.example" }],
      ["/sign-up/email", { email: "new@test.local", password: "long-enough-password", name: "New" }],
      ["/delete-user", {}],
      ["/revoke-sessions", {}],
      ["/list-sessions", {}],
      ["/request-password-reset", { email }],
      ["/update-session", {}],
    ] as const) {
      const response = await post(path, body, { cookie });
      expect(response.status, path).toBe(404);
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Person");
  });
});

describe("changing one's password", () => {
  it("is audited and ends the other sessions, whatever the client asked", async () => {
    const { email, password, user } = await newUser();
    const first = await signIn(email, password, freshAddress());
    const second = await signIn(email, password, freshAddress());
    const response = await post(
      "/change-password",
      { currentPassword: password, newPassword: "a-brand-new-password", revokeOtherSessions: false },
      { cookie: first.cookie },
    );
    expect(response.status).toBe(200);
    const answer = await response.text();
    expect(JSON.parse(answer)).toMatchObject({ token: null });
    expect(await (await getSession(second.cookie)).json()).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    const record = await db.auditRecord.findFirstOrThrow({
      where: { actorId: user.id, action: "user.password_change" },
    });
    expect(record.summary).toBe(`${email} changed their password; their other sessions ended`);
    expect(await db.auditRecord.count({ where: { actorId: user.id, action: "auth.sign_in" } })).toBe(2);
    expect((await signIn(email, "a-brand-new-password", freshAddress())).status).toBe(200);
  });
});

describe("the maximum age", () => {
  it("ends a session 24 h after sign-in on /api/auth too, however often it was used", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    const { email, password } = await newUser();
    const { cookie } = await signIn(email, password, freshAddress());
    const at = async (hours: number) => {
      vi.setSystemTime(start + hours * 3_600_000);
      return (await getSession(cookie)).json();
    };
    // Used every few hours, the 8 h idle limit never strikes; each use moves it forward.
    for (const hours of [5, 12, 19, 23.5]) expect(await at(hours), `${hours} h`).toMatchObject({ user: { email } });
    expect(SESSION_MAX_AGE_SECONDS).toBe(24 * 3600);
    expect(await at(24.2)).toBeNull();
  });
});
