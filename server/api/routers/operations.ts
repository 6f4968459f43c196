// Operations: plan and run runbooks, decide approvals, pause/resume/abort, read reports.
// Each procedure parses, checks the role, and calls one domain operation; the approver's role is
// the policy's to decide, so `decide` checks it in the domain.
import { z } from "zod";

import {
  ZControlInput,
  ZDecideInput,
  ZOperationRef,
  ZPlanInput,
  ZPolicyInput,
  ZStartInput,
} from "@/lib/operations/contracts";
import { adminProcedure, authedProcedure, operatorProcedure, router } from "@/server/api/trpc";
import { decideGate, inbox } from "@/server/domain/operations/approvals/decide";
import { listPolicies, setPolicy } from "@/server/domain/operations/approvals/policies";
import { abortOperation, pauseOperation, resumeOperation } from "@/server/domain/operations/control";
import { planOperation } from "@/server/domain/operations/plan/plan";
import { startOperation } from "@/server/domain/operations/plan/start";
import { getOperation, listOperations } from "@/server/domain/operations/views";

const ZList = z.object({
  deploymentId: z.string().min(1, "deploymentId is required").optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
const ZByDeployment = z.object({ deploymentId: z.string().min(1, "deploymentId is required") });

export const operationsRouter = router({
  plan: authedProcedure.input(ZPlanInput).query(({ ctx, input }) => planOperation(ctx.db, input)),
  start: operatorProcedure.input(ZStartInput).mutation(({ ctx, input }) => startOperation(ctx.db, ctx.actor, input)),
  list: authedProcedure.input(ZList).query(({ ctx, input }) => listOperations(ctx.db, input)),
  get: authedProcedure
    .input(ZOperationRef)
    .query(({ ctx, input }) => getOperation(ctx.db, input.operationId, ctx.actor)),
  pause: operatorProcedure.input(ZControlInput).mutation(({ ctx, input }) => pauseOperation(ctx.db, ctx.actor, input)),
  resume: operatorProcedure
    .input(ZControlInput)
    .mutation(({ ctx, input }) => resumeOperation(ctx.db, ctx.actor, input)),
  abort: operatorProcedure.input(ZControlInput).mutation(({ ctx, input }) => abortOperation(ctx.db, ctx.actor, input)),
  inbox: authedProcedure.query(({ ctx }) => inbox(ctx.db, ctx.actor)),
  decide: authedProcedure.input(ZDecideInput).mutation(({ ctx, input }) => decideGate(ctx.db, ctx.actor, input)),
  policies: authedProcedure.input(ZByDeployment).query(({ ctx, input }) => listPolicies(ctx.db, input.deploymentId)),
  setPolicy: adminProcedure.input(ZPolicyInput).mutation(({ ctx, input }) => setPolicy(ctx.db, ctx.actor, input)),
});
