// Who is acting: a signed-in user, or Meridian itself (the seed, the worker).
import type { Role } from "@/server/generated/prisma/enums";

export type Actor = { userId: string | null; email: string; role: Role | "SYSTEM" };

export const SYSTEM_ACTOR: Actor = { userId: null, email: "system@meridian", role: "SYSTEM" };
