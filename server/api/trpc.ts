// tRPC's foundation: the context, the error mapping, and the procedure ladder
// public -> authed -> allowedTo(permission). Every procedure but sign-in's checks the session here.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";

import { can, refusal, type TPermission } from "@/lib/identity/permissions";
import { db } from "@/server/db";
import { actorFromHeaders, type SessionActor } from "@/server/domain/identity/session-actor";
import { AppError, type AppErrorCode } from "@/server/errors";
import { Prisma } from "@/server/generated/prisma/client";

import { refuseUnsafeInput } from "./input-guard";

export type TRPCContext = { db: typeof db; actor: SessionActor | null; headers: Headers };

/** The context without HTTP: what tests and server components build directly. */
export function createInnerContext(actor: SessionActor | null, headers = new Headers()): TRPCContext {
  return { db, actor, headers };
}

export async function createTRPCContext({ headers }: { headers: Headers }): Promise<TRPCContext> {
  return createInnerContext(await actorFromHeaders(headers), headers);
}

const STATUS_OF: Record<AppErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHORIZED: "UNAUTHORIZED",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
};

const t = initTRPC.context<TRPCContext>().create({
  transformer: {
    // An input superjson refuses (a prototype key in its meta, a malformed envelope) is the
    // caller's mistake: a 400, never a 500.
    input: {
      serialize: (value: unknown) => superjson.serialize(value),
      deserialize: (value: unknown) => {
        try {
          return superjson.deserialize(value as Parameters<typeof superjson.deserialize>[0]);
        } catch (cause) {
          throw new TRPCError({ code: "BAD_REQUEST", message: "the input is not valid superjson", cause });
        }
      },
    },
    output: superjson,
  },
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const fieldErrors =
      cause instanceof ZodError
        ? Object.fromEntries(cause.issues.map((issue) => [issue.path.join(".") || "input", issue.message]))
        : cause instanceof AppError && cause.field
          ? { [cause.field]: cause.message }
          : null;
    const message =
      cause instanceof ZodError
        ? cause.issues.map((issue) => issue.message).join("; ")
        : error.code === "INTERNAL_SERVER_ERROR"
          ? "Meridian hit an internal error; it was logged. Try again, and tell an admin if it repeats."
          : shape.message;
    return {
      ...shape,
      message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, fieldErrors },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/** Domain errors become tRPC errors with the same words; Prisma's constraint errors say what clashed. */
const mapErrors = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof AppError) {
    throw new TRPCError({ code: STATUS_OF[cause.code], message: cause.message, cause });
  }
  // An update is checked as the whole object it would leave (mergedValid), inside the domain.
  if (cause instanceof ZodError) throw new TRPCError({ code: "BAD_REQUEST", message: cause.message, cause });
  if (cause instanceof Prisma.PrismaClientKnownRequestError) {
    if (cause.code === "P2002")
      throw new TRPCError({ code: "CONFLICT", message: "that already exists: a name or code must be unique", cause });
    if (cause.code === "P2003")
      throw new TRPCError({ code: "CONFLICT", message: "that is still in use by other parts of the model", cause });
    if (cause.code === "P2025") throw new TRPCError({ code: "NOT_FOUND", message: "that no longer exists", cause });
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path} failed:`, cause ?? result.error);
  return result;
});

/** The limits every input keeps (input-guard.ts), checked last on each rung, just before parsing. */
const guardInput = t.middleware(async ({ getRawInput, next }) => {
  refuseUnsafeInput(await getRawInput());
  return next();
});

const base = t.procedure.use(mapErrors);
export const publicProcedure = base.use(guardInput);

const signedIn = base.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in to use Meridian" });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});
export const authedProcedure = signedIn.use(guardInput);

/**
 * A procedure for those who hold `permission` (lib/identity/permissions.ts); admins hold every one.
 * The permission is checked before the input guard, so a caller without it learns nothing from validation.
 */
export const allowedTo = (permission: TPermission) =>
  signedIn
    .use(({ ctx, next }) => {
      if (!can(ctx.actor.role, permission))
        throw new TRPCError({ code: "FORBIDDEN", message: refusal(permission, ctx.actor.role) });
      return next();
    })
    .use(guardInput);
