// Sign-in and sessions, by better-auth: scrypt password hashes, server-side sessions in PostgreSQL
// (tokens hashed at rest), sliding idle expiry capped at the maximum age, a limit per client address
// (the address the HTTP server resolved, never a client's X-Forwarded-For) and per account
// (auth-policy.ts). Sign-up is closed: admins create users.
import { BASE_ERROR_CODES } from "@better-auth/core/error";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";

import { db } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { AUTH_BASE_PATH, meridianAuthPolicy } from "@/server/domain/identity/auth-policy";
import { hashedSessionTokens } from "@/server/domain/identity/hashed-session-tokens";
import { env } from "@/server/env";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "@/server/http/client-address";
import { trustedOrigins } from "@/server/http/origins";

/** A session ends after this long without a request (sliding: each use moves it forward). */
export const SESSION_IDLE_TIMEOUT_SECONDS = 8 * 60 * 60;
/** A session ends this long after sign-in, however busy: refreshes never extend it past this. */
export const SESSION_MAX_AGE_SECONDS = 24 * 60 * 60;

// A fixed development secret keeps dev sessions across restarts; production refuses to start
// without BETTER_AUTH_SECRET (server/env.ts), which `npm start` generates and keeps in .data/.
const DEV_SECRET = "meridian-development-secret-not-for-production-use";

function createAuth() {
  return betterAuth({
    appName: "Meridian",
    baseURL: env().MERIDIAN_URL,
    basePath: AUTH_BASE_PATH,
    trustedOrigins: trustedOrigins(),
    secret: env().BETTER_AUTH_SECRET ?? DEV_SECRET,
    database: prismaAdapter(db.$extends(hashedSessionTokens), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 128 },
    session: {
      expiresIn: SESSION_IDLE_TIMEOUT_SECONDS,
      updateAge: 5 * 60,
    },
    user: {
      additionalFields: {
        role: { type: "string", input: false, required: false },
        disabled: { type: "boolean", input: false, required: false },
      },
    },
    rateLimit: {
      // On everywhere, so that development and tests meet the limits production has.
      enabled: true,
      window: 60,
      max: 300,
      customRules: { "/sign-in/email": { window: 60, max: 30 } },
    },
    advanced: {
      // The one header the HTTP server sets from the socket (server/http/client-address.ts).
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session, ctx) => {
            const user = await db.user.findUnique({ where: { id: session.userId } });
            // A disabled account's right password gets the answer a wrong password gets.
            if (!user || user.disabled) throw APIError.from("UNAUTHORIZED", BASE_ERROR_CODES.INVALID_EMAIL_OR_PASSWORD);
            // The client's address as it is: better-auth's is masked to its /64 for rate limiting.
            const address = clientAddressOf(ctx?.headers ?? ctx?.request?.headers);
            return { data: { ...session, ipAddress: address ?? session.ipAddress ?? null } };
          },
          after: async (session, ctx) => {
            // A password change makes a new session too; only a sign-in is a sign-in.
            if (ctx?.path !== "/sign-in/email") return;
            const user = await db.user.findUniqueOrThrow({ where: { id: session.userId } });
            await db.$transaction((tx) =>
              recordAudit(
                tx,
                { userId: user.id, email: user.email, role: user.role },
                {
                  action: "auth.sign_in",
                  objectType: "user",
                  objectId: user.id,
                  summary: `${user.email} signed in`,
                  after: { ipAddress: session.ipAddress ?? null, userAgent: session.userAgent ?? null },
                },
              ),
            );
          },
        },
        update: {
          // Each refresh moves the idle expiry forward, but never past the maximum age.
          before: async (data, ctx) => {
            const current = ctx?.context.session?.session;
            if (!data.expiresAt || !current) return;
            const cap = new Date(new Date(current.createdAt).getTime() + SESSION_MAX_AGE_SECONDS * 1000);
            if (new Date(data.expiresAt) > cap) return { data: { ...data, expiresAt: cap } };
          },
        },
        delete: {
          after: async (session, ctx) => {
            if (ctx?.path !== "/sign-out") return;
            const user = await db.user.findUnique({ where: { id: session.userId } });
            if (!user) return;
            await db.$transaction((tx) =>
              recordAudit(
                tx,
                { userId: user.id, email: user.email, role: user.role },
                {
                  action: "auth.sign_out",
                  objectType: "user",
                  objectId: user.id,
                  summary: `${user.email} signed out`,
                },
              ),
            );
          },
        },
      },
    },
    plugins: [meridianAuthPolicy(), nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { meridianAuth?: Auth };

export function auth(): Auth {
  globalForAuth.meridianAuth ??= createAuth();
  return globalForAuth.meridianAuth;
}
