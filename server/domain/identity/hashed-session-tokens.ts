// A Prisma client extension that keeps session tokens hashed at rest. better-auth stores the
// cookie's token as given; here every `token` written to or looked up in the session table is
// replaced by its SHA-256, so a leaked database or backup holds no usable session.
import { createHash } from "node:crypto";

import { Prisma } from "@/server/generated/prisma/client";

export const hashSessionToken = (token: string) => createHash("sha256").update(token).digest("hex");

type Json = Record<string, unknown>;

/** Hashes `token` wherever it appears in a where or data object: plain, `equals`, `in`, AND/OR/NOT. */
function hashTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hashTokens);
  if (!value || typeof value !== "object") return value;
  const out: Json = {};
  for (const [key, inner] of Object.entries(value as Json)) {
    if (key === "token") out[key] = hashTokenCondition(inner);
    else if (key === "AND" || key === "OR" || key === "NOT") out[key] = hashTokens(inner);
    else out[key] = inner;
  }
  return out;
}

function hashTokenCondition(condition: unknown): unknown {
  if (typeof condition === "string") return hashSessionToken(condition);
  if (condition && typeof condition === "object") {
    const out: Json = {};
    for (const [op, operand] of Object.entries(condition as Json)) {
      if (typeof operand === "string") out[op] = hashSessionToken(operand);
      else if (Array.isArray(operand)) out[op] = operand.map((t) => (typeof t === "string" ? hashSessionToken(t) : t));
      else out[op] = hashTokenCondition(operand);
    }
    return out;
  }
  return condition;
}

/** The raw token a call names, so results can carry it back to better-auth (which sets the cookie from it). */
function rawTokenOf(args: Json | undefined): string | undefined {
  const data = args?.data as Json | undefined;
  if (typeof data?.token === "string") return data.token;
  const where = args?.where as Json | undefined;
  const token = where?.token;
  if (typeof token === "string") return token;
  if (token && typeof token === "object" && typeof (token as Json).equals === "string")
    return (token as Json).equals as string;
  return undefined;
}

export const hashedSessionTokens = Prisma.defineExtension({
  name: "hashed-session-tokens",
  query: {
    session: {
      async $allOperations({ args, query }) {
        const raw = rawTokenOf(args as Json);
        const { where, data } = (args ?? {}) as Json;
        const hashedArgs = {
          ...(args as Json),
          ...(where !== undefined ? { where: hashTokens(where) } : {}),
          ...(data !== undefined ? { data: hashTokens(data) } : {}),
        } as typeof args;
        const result: unknown = await query(hashedArgs);
        if (raw && result && typeof result === "object" && !Array.isArray(result) && "token" in result) {
          return { ...result, token: raw };
        }
        return result;
      },
    },
  },
});
