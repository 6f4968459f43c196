// The first screen after sign-in: every deployment at a glance, for every signed-in user.
import { authedProcedure, router } from "@/server/api/trpc";
import { readOverview } from "@/server/domain/overview/read-overview";

export const overviewRouter = router({
  deployments: authedProcedure.query(({ ctx }) => readOverview(ctx.db, ctx.actor)),
});
