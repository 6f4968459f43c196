// Sign-in and sessions, by better-auth: scrypt password hashes, server-side sessions in PostgreSQL
// (tokens hashed at rest), sliding idle expiry. Sign-up is closed: admins create users.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";

import { db } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { hashedSessionTokens } from "@/server/domain/identity/hashed-session-tokens";
import { env } from "@/server/env";

/** A session ends after this long without a request (sliding: each use moves it forward). */
export const SESSION_IDLE_TIMEOUT_SECONDS = 8 * 60 * 60;
/** A session ends this long after sign-in, however busy: checked in the tRPC context. */
export const SESSION_MAX_AGE_SECONDS = 24 * 60 * 60;

// A fixed development secret keeps dev sessions across restarts; production refuses to start
// without BETTER_AUTH_SECRET (server/env.ts), which `npm start` generates and keeps in .data/.
const DEV_SECRET = "meridian-development-secret-not-for-production-use";

function createAuth() {
  return betterAuth({
    appName: "Meridian",
    baseURL: env().MERIDIAN_URL,
    // The same console is often reached as localhost and as 127.0.0.1.
    trustedOrigins: trustedOrigins(env().MERIDIAN_URL),
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
      enabled: env().NODE_ENV === "production",
      window: 60,
      max: 300,
      customRules: { "/sign-in/email": { window: 60, max: 30 } },
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            const user = await db.user.findUnique({ where: { id: session.userId } });
            return !!user && !user.disabled; // a disabled user cannot sign in
          },
          after: async (session) => {
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
        delete: {
          after: async (session) => {
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
    plugins: [nextCookies()],
  });
}

function trustedOrigins(baseUrl: string): string[] {
  const url = new URL(baseUrl);
  const origins = new Set([url.origin]);
  if (url.hostname === "localhost") origins.add(`${url.protocol}//127.0.0.1${url.port ? `:${url.port}` : ""}`);
  if (url.hostname === "127.0.0.1") origins.add(`${url.protocol}//localhost${url.port ? `:${url.port}` : ""}`);
  return [...origins];
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { meridianAuth?: Auth };

export function auth(): Auth {
  globalForAuth.meridianAuth ??= createAuth();
  return globalForAuth.meridianAuth;
}
