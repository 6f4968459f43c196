// Operations as the console shows them: rows from PostgreSQL turned into the contract's plain data.
import type { TRole } from "@/lib/enums";
import {
  parseGateContext,
  parseOperationPlan,
  parseReport,
  parseStepOutput,
  type TGateView,
  type TOperationDetail,
  type TOperationPlan,
  type TOperationSummary,
  type TPhase,
  type TReplicaRef,
  type TRollback,
  type TStepKind,
} from "@/lib/operations/contracts";
import type { Db } from "@/server/db";
import { databaseNow } from "@/server/domain/clock";
import { notFound } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";

import { cannotDecide } from "./approvals/decide-rules";

export const summaryInclude = {
  deployment: { select: { slug: true, name: true, rpoTargetSeconds: true } },
  requestedBy: { select: { name: true } },
} satisfies Prisma.OperationInclude;

type SummaryRow = Prisma.OperationGetPayload<{ include: typeof summaryInclude }>;
type GateRow = Prisma.ApprovalGateGetPayload<{
  include: { decisions: { include: { approver: { select: { name: true } } } } };
}>;

type Viewer = { userId: string | null; role: TRole | "SYSTEM" };

const iso = (date: Date | null) => date?.toISOString() ?? null;

function replicaRef(plan: TOperationPlan, id: string): TReplicaRef {
  const known = [plan.source, plan.target, ...plan.candidates].find((r) => r.id === id);
  return known ?? { id, name: id.slice(0, 8), regionId: "", regionCode: "" };
}

export function summaryView(op: SummaryRow, plan = parseOperationPlan(op.plan)): TOperationSummary {
  return {
    id: op.id,
    deploymentId: op.deploymentId,
    deploymentSlug: op.deployment.slug,
    deploymentName: op.deployment.name,
    clusterName: plan.clusterName,
    runbook: op.runbook,
    status: op.status,
    requestedBy: op.requestedBy.name,
    source: replicaRef(plan, op.sourceReplicaId),
    target: replicaRef(plan, op.targetReplicaId),
    createdAt: op.createdAt.toISOString(),
    finishedAt: iso(op.finishedAt),
    failureReason: op.failureReason,
  };
}

/** `cannotDecide`: why the person looking may not decide it (null when they may). */
export function gateView(gate: GateRow, cannotDecide: string | null): TGateView {
  return {
    cannotDecide,
    id: gate.id,
    stepIndex: gate.stepIndex,
    beforeRun: gate.beforeRun,
    status: gate.status,
    required: gate.required,
    role: gate.role,
    expiresAt: gate.expiresAt.toISOString(),
    context: parseGateContext(gate.context),
    contextHash: gate.contextHash,
    reason: gate.reason,
    createdAt: gate.createdAt.toISOString(),
    decidedAt: iso(gate.decidedAt),
    decisions: gate.decisions.map((d) => ({
      approverId: d.approverId,
      approverName: d.approver.name,
      decision: d.decision,
      comment: d.comment,
      at: d.createdAt.toISOString(),
    })),
  };
}

export async function listOperations(
  db: Db,
  input: { deploymentId?: string; limit: number },
): Promise<TOperationSummary[]> {
  const rows = await db.operation.findMany({
    where: input.deploymentId ? { deploymentId: input.deploymentId } : {},
    orderBy: { createdAt: "desc" },
    take: input.limit,
    include: summaryInclude,
  });
  return rows.map((row) => summaryView(row));
}

/** The operation as `viewer` sees it: each gate says whether they may decide it. */
export async function getOperation(db: Db, operationId: string, viewer: Viewer): Promise<TOperationDetail> {
  const op = await db.operation.findUnique({
    where: { id: operationId },
    include: {
      ...summaryInclude,
      steps: { orderBy: { index: "asc" } },
      gates: {
        orderBy: { createdAt: "asc" },
        include: { decisions: { include: { approver: { select: { name: true } } } } },
      },
    },
  });
  if (!op) throw notFound("the operation");
  const nowMs = await databaseNow(db);
  const plan = parseOperationPlan(op.plan);
  return {
    ...summaryView(op, plan),
    requestedById: op.requestedById,
    reason: op.reason,
    plan,
    abortRequested: op.abortRequested,
    startedAt: iso(op.startedAt),
    steps: op.steps.map((s) => ({
      index: s.index,
      kind: s.kind as TStepKind,
      title: s.title,
      phase: s.phase as TPhase,
      status: s.status,
      attempts: s.attempts,
      maxAttempts: s.maxAttempts,
      timeoutSeconds: s.timeoutSeconds,
      rollback: s.rollback as TRollback,
      startedAt: iso(s.startedAt),
      finishedAt: iso(s.finishedAt),
      durationMs: s.startedAt && s.finishedAt ? s.finishedAt.getTime() - s.startedAt.getTime() : null,
      output: parseStepOutput(s.output),
      error: s.error,
      rolledBackAt: iso(s.rolledBackAt),
    })),
    gates: op.gates.map((gate) => gateView(gate, cannotDecide({ ...gate, operation: op }, viewer, nowMs))),
    report: parseReport(op.report),
  };
}
