// Turns a request's cookie into the acting user, or null. better-auth finds the session; here the
// rules better-auth does not have: a maximum age however busy the session is, and disabled users.
import { auth, SESSION_MAX_AGE_SECONDS } from "@/server/auth";
import { db } from "@/server/db";
import type { Role } from "@/server/generated/prisma/enums";

import type { Actor } from "./actor";

export type SessionActor = Actor & { userId: string; role: Role; name: string; sessionExpiresAt: Date };

export async function actorFromHeaders(headers: Headers): Promise<SessionActor | null> {
  const found = await auth().api.getSession({ headers });
  if (!found) return null;
  const user = await db.user.findUnique({ where: { id: found.user.id } });
  if (!user || user.disabled) return null;
  if (Date.now() - found.session.createdAt.getTime() > SESSION_MAX_AGE_SECONDS * 1000) {
    await db.session.deleteMany({ where: { id: found.session.id } });
    return null;
  }
  return {
    userId: user.id,
    email: user.email,
    role: user.role,
    name: user.name,
    sessionExpiresAt: found.session.expiresAt,
  };
}
