// The signed-in user, and user management for admins.
import { ZPasswordReset, ZUserCreate, ZUserRef, ZUserUpdate } from "@/lib/identity/contracts";
import { allowedTo, authedProcedure, publicProcedure, router } from "@/server/api/trpc";
import { unlockSignIn } from "@/server/domain/identity/sign-in-throttle";
import * as users from "@/server/domain/identity/users";

const manage = allowedTo("users.manage");

export const identityRouter = router({
  /** Public so that the sign-in page can ask; answers null when nobody is signed in. */
  me: publicProcedure.query(({ ctx }) =>
    ctx.actor ? { id: ctx.actor.userId, email: ctx.actor.email, name: ctx.actor.name, role: ctx.actor.role } : null,
  ),
  users: manage.query(({ ctx }) => users.listUsers(ctx.db)),
  createUser: manage.input(ZUserCreate).mutation(({ ctx, input }) => users.createUser(ctx.db, ctx.actor, input)),
  updateUser: manage.input(ZUserUpdate).mutation(({ ctx, input }) => users.updateUser(ctx.db, ctx.actor, input)),
  resetPassword: manage
    .input(ZPasswordReset)
    .mutation(({ ctx, input }) => users.resetPassword(ctx.db, ctx.actor, input)),
  /** Lifts a sign-in lockout (after too many wrong passwords) before it ends by itself. */
  unlockUser: manage.input(ZUserRef).mutation(({ ctx, input }) => unlockSignIn(ctx.db, ctx.actor, input.id)),
  /** Reads are open to every signed-in user: the shell shows who is signed in. */
  session: authedProcedure.query(({ ctx }) => ({ expiresAt: ctx.actor.sessionExpiresAt })),
});
