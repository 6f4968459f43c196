// Meridian's rules around better-auth, as one better-auth plugin:
// - only the endpoints Meridian uses answer (sign in, sign out, the session, change password); the
//   rest, such as update-user and change-email, are 404 before better-auth sees them;
// - sign-in is throttled per account (sign-in-throttle.ts) besides better-auth's limit per address,
//   and each refusal of a known account is audited with the client's real address;
// - a password change always ends the user's other sessions, and is audited;
// - the session token never reaches JavaScript: it lives in the HttpOnly cookie only, so it is
//   removed from the answers of sign-in, get-session and change-password.
import { BASE_ERROR_CODES } from "@better-auth/core/error";
import { normalizePathname } from "@better-auth/core/utils/url";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";

import { db } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { clientAddressOf } from "@/server/http/client-address";

import type { Actor } from "./actor";
import { admitSignIn, normalizeEmail, SIGN_IN_THROTTLE, signInSucceeded } from "./sign-in-throttle";

export const AUTH_BASE_PATH = "/api/auth";

/** The better-auth endpoints Meridian uses; every other one answers 404. */
export const OPEN_AUTH_PATHS = ["/sign-in/email", "/sign-out", "/get-session", "/change-password", "/ok"] as const;
const OPEN = new Set<string>(OPEN_AUTH_PATHS);

/** Who acts in a record of a refused sign-in: nobody has proved who they are. */
const SIGN_IN_ACTOR: Actor = { userId: null, email: "sign-in", role: "SYSTEM" };

type Returned = Record<string, unknown> | null | undefined;

/** The same answer without the session token. */
function withoutToken(returned: Returned): Returned {
  if (!returned || typeof returned !== "object" || isAPIError(returned)) return returned;
  const out: Record<string, unknown> = { ...returned };
  if ("token" in out) out.token = null;
  if (out.session && typeof out.session === "object") {
    const { token: _token, ...session } = out.session as Record<string, unknown>;
    void _token;
    out.session = session;
  }
  return out;
}

async function auditRefusedSignIn(email: string, address: string | null) {
  const user = await db.user.findUnique({ where: { email } });
  if (!user) return;
  const row = await db.signInThrottle.findUnique({ where: { email } });
  const failures = row?.failures ?? 1;
  const locked = failures >= SIGN_IN_THROTTLE.lockAfter;
  await db.$transaction((tx) =>
    recordAudit(tx, SIGN_IN_ACTOR, {
      action: locked ? "auth.locked" : "auth.sign_in_refused",
      objectType: "user",
      objectId: user.id,
      summary: locked
        ? `locked sign-in for ${user.email} after ${failures} wrong passwords in a row, the last from ${address ?? "an unknown address"}`
        : `refused sign-in for ${user.email} from ${address ?? "an unknown address"} (${failures} in a row)`,
      after: { ipAddress: address, failures },
    }),
  );
}

export const meridianAuthPolicy = () =>
  ({
    id: "meridian-policy",
    async onRequest(request) {
      if (!OPEN.has(normalizePathname(request.url, AUTH_BASE_PATH)))
        return {
          response: Response.json(
            { code: "NOT_FOUND", message: "Meridian does not use this endpoint" },
            { status: 404 },
          ),
        };
    },
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === "/sign-in/email",
          handler: createAuthMiddleware(async (ctx) => {
            const email = normalizeEmail(ctx.body?.email);
            // PostgreSQL cannot store a NUL; an email is at most 254 characters.
            if (!email || email.length > 254 || email.includes("\u0000"))
              throw APIError.from("BAD_REQUEST", BASE_ERROR_CODES.INVALID_EMAIL);
            const admission = await admitSignIn(db, email);
            if (!admission.admitted) {
              const seconds = String(admission.retryAfterSeconds);
              throw new APIError(
                "TOO_MANY_REQUESTS",
                { code: admission.locked ? "ACCOUNT_LOCKED" : "SIGN_IN_DELAYED", message: admission.message },
                { "Retry-After": seconds, "X-Retry-After": seconds },
              );
            }
          }),
        },
        {
          // A changed password ends every other session, whatever the client asked.
          matcher: (ctx) => ctx.path === "/change-password",
          handler: createAuthMiddleware(async (ctx) => ({
            context: { body: { ...(ctx.body as Record<string, unknown>), revokeOtherSessions: true } },
          })),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === "/sign-in/email",
          handler: createAuthMiddleware(async (ctx) => {
            const email = normalizeEmail(ctx.body?.email);
            const returned = ctx.context.returned as Returned;
            if (ctx.context.newSession) {
              await signInSucceeded(db, email);
              return ctx.json(withoutToken(returned) ?? null);
            }
            if (isAPIError(returned) && returned.statusCode === 401)
              await auditRefusedSignIn(email, clientAddressOf(ctx.headers ?? ctx.request?.headers));
          }),
        },
        {
          matcher: (ctx) => ctx.path === "/get-session",
          handler: createAuthMiddleware(async (ctx) => {
            const returned = ctx.context.returned as Returned;
            if (returned && !isAPIError(returned)) return ctx.json(withoutToken(returned) ?? null);
          }),
        },
        {
          matcher: (ctx) => ctx.path === "/change-password",
          handler: createAuthMiddleware(async (ctx) => {
            const returned = ctx.context.returned as Returned;
            const user = ctx.context.session?.user as { id: string; email: string; role?: string } | undefined;
            if (!returned || isAPIError(returned) || !user) return;
            const actor: Actor = { userId: user.id, email: user.email, role: (user.role ?? "VIEWER") as Actor["role"] };
            await db.$transaction((tx) =>
              recordAudit(tx, actor, {
                action: "user.password_change",
                objectType: "user",
                objectId: user.id,
                summary: `${user.email} changed their password; their other sessions ended`,
                after: { ipAddress: clientAddressOf(ctx.headers ?? ctx.request?.headers) },
              }),
            );
            return ctx.json(withoutToken(returned) ?? null);
          }),
        },
      ],
    },
  }) satisfies BetterAuthPlugin;
