// Operations: plan and run runbooks, decide approvals, pause/resume/abort, read reports.
// Each procedure parses, checks the permission, and calls one domain operation; who may decide an
// approval depends on its policy, so `decide` checks it in the domain (the same permission table).
import {
  ZAbortInput,
  ZApprovalPolicyInput,
  ZControlInput,
  ZDecideInput,
  ZOperationList,
  ZOperationRef,
  ZPlanInput,
  ZStartInput,
} from "@/lib/operations/contracts";
import { ZDeploymentRef } from "@/lib/topology/contracts";
import { allowedTo, authedProcedure, router } from "@/server/api/trpc";
import { decideGate, inbox } from "@/server/domain/operations/approvals/decide";
import { listPolicies, setPolicy } from "@/server/domain/operations/approvals/policies";
import { approvalsWaiting } from "@/server/domain/operations/approvals/waiting";
import { abortOperation, pauseOperation, resumeOperation } from "@/server/domain/operations/control";
import { planOperation } from "@/server/domain/operations/plan/plan";
import { startOperation } from "@/server/domain/operations/plan/start";
import { getOperation, listOperations } from "@/server/domain/operations/views";

const run = allowedTo("operations.run");

export const operationsRouter = router({
  plan: authedProcedure.input(ZPlanInput).query(({ ctx, input }) => planOperation(ctx.db, input)),
  start: run.input(ZStartInput).mutation(({ ctx, input }) => startOperation(ctx.db, ctx.actor, input)),
  list: authedProcedure.input(ZOperationList).query(({ ctx, input }) => listOperations(ctx.db, input)),
  get: authedProcedure
    .input(ZOperationRef)
    .query(({ ctx, input }) => getOperation(ctx.db, input.operationId, ctx.actor)),
  pause: run.input(ZControlInput).mutation(({ ctx, input }) => pauseOperation(ctx.db, ctx.actor, input)),
  resume: run.input(ZControlInput).mutation(({ ctx, input }) => resumeOperation(ctx.db, ctx.actor, input)),
  abort: run.input(ZAbortInput).mutation(({ ctx, input }) => abortOperation(ctx.db, ctx.actor, input)),
  inbox: authedProcedure.query(({ ctx }) => inbox(ctx.db, ctx.actor)),
  /** The navigation's badge: approvals this person may decide now. */
  waiting: authedProcedure.query(({ ctx }) => approvalsWaiting(ctx.db, ctx.actor)),
  decide: authedProcedure.input(ZDecideInput).mutation(({ ctx, input }) => decideGate(ctx.db, ctx.actor, input)),
  policies: authedProcedure.input(ZDeploymentRef).query(({ ctx, input }) => listPolicies(ctx.db, input.deploymentId)),
  setPolicy: allowedTo("approvals.setPolicy")
    .input(ZApprovalPolicyInput)
    .mutation(({ ctx, input }) => setPolicy(ctx.db, ctx.actor, input)),
});
