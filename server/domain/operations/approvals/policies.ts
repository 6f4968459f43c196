// Approval policies: per deployment and runbook, how many people of which role approve a run, how
// long an approval holds, and which steps wait for their own approval. A runbook with no stored
// policy runs under DEFAULT_POLICY, so nothing moves a primary without someone approving it.
import { formatSeconds } from "@/lib/format";
import { roleLabel } from "@/lib/identity/words";
import {
  RUNBOOKS,
  STEP_KINDS,
  type TApprovalPolicy,
  type TPolicySummary,
  type TRunbook,
  type TStepKind,
} from "@/lib/operations/contracts";
import { STEP_KIND_LABELS } from "@/lib/operations/words";
import type { Db, Tx } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import type { Actor } from "@/server/domain/identity/actor";
import { invalid, notFound } from "@/server/errors";
import type { ApprovalPolicy } from "@/server/generated/prisma/client";

export type PolicyRow = TPolicySummary & { runbook: TRunbook; isDefault: boolean };

export const DEFAULT_POLICY: Readonly<TPolicySummary> = Object.freeze({
  approvalsRequired: 1,
  approverRole: "APPROVER",
  expiresAfterSeconds: 1800,
  gatedSteps: [],
  lagToleranceSeconds: 5,
});

const isStepKind = (kind: string): kind is TStepKind => (STEP_KINDS as readonly string[]).includes(kind);

/** A fresh copy each time: callers may edit their summary without touching the shared default. */
const defaultRow = (runbook: TRunbook): PolicyRow => ({ ...DEFAULT_POLICY, gatedSteps: [], runbook, isDefault: true });

function rowOf(stored: ApprovalPolicy): PolicyRow {
  return {
    runbook: stored.runbook,
    isDefault: false,
    approvalsRequired: stored.approvalsRequired,
    approverRole: stored.approverRole,
    expiresAfterSeconds: stored.expiresAfterSeconds,
    // A step kind stored before it was renamed or removed would gate nothing: drop it.
    gatedSteps: stored.gatedSteps.filter(isStepKind),
    lagToleranceSeconds: stored.lagToleranceSeconds,
  };
}

const summaryOf = ({ runbook: _runbook, isDefault: _isDefault, ...summary }: PolicyRow): TPolicySummary => summary;

export async function listPolicies(db: Db, deploymentId: string): Promise<PolicyRow[]> {
  if (!(await db.deployment.findUnique({ where: { id: deploymentId }, select: { id: true } })))
    throw notFound("the deployment");
  const stored = await db.approvalPolicy.findMany({ where: { deploymentId } });
  return RUNBOOKS.map((runbook) => {
    const found = stored.find((policy) => policy.runbook === runbook);
    return found ? rowOf(found) : defaultRow(runbook);
  });
}

/** The policy a run of `runbook` is held to; takes a transaction too, as the engine reads it inside one. */
export async function policyFor(db: Tx, deploymentId: string, runbook: TRunbook): Promise<TPolicySummary> {
  const stored = await db.approvalPolicy.findUnique({ where: { deploymentId_runbook: { deploymentId, runbook } } });
  return summaryOf(stored ? rowOf(stored) : defaultRow(runbook));
}

/** "commerce-aws: switchover needs 2 approvals from Approver within 30 min, also before Promote". */
function sentence(slug: string, row: PolicyRow): string {
  const n = row.approvalsRequired;
  const needs =
    n === 0
      ? "runs without approval before it starts"
      : `needs ${n} approval${n === 1 ? "" : "s"} from ${roleLabel(row.approverRole)} within ${formatSeconds(row.expiresAfterSeconds)}`;
  const gated =
    row.gatedSteps.length > 0
      ? `, also before ${row.gatedSteps.map((kind) => STEP_KIND_LABELS[kind]).join(" and ")}`
      : "";
  return `${slug}: ${row.runbook.toLowerCase()} ${needs}${gated}`;
}

export async function setPolicy(db: Db, actor: Actor, input: TApprovalPolicy): Promise<PolicyRow> {
  const { deploymentId, runbook, ...fields } = input;
  // The same kind listed twice would still gate once; store it once so the audit diff stays honest.
  const data = { ...fields, gatedSteps: [...new Set(fields.gatedSteps)] };
  return db.$transaction(async (tx) => {
    const deployment = await tx.deployment.findUnique({ where: { id: deploymentId }, select: { slug: true } });
    if (!deployment) throw invalid("deploymentId", "no such deployment");
    const where = { deploymentId_runbook: { deploymentId, runbook } };
    const previous = await tx.approvalPolicy.findUnique({ where });
    const before = previous ? rowOf(previous) : defaultRow(runbook);
    const stored = await tx.approvalPolicy.upsert({ where, create: { deploymentId, runbook, ...data }, update: data });
    const after = rowOf(stored);
    await recordAudit(tx, actor, {
      action: "approval-policy.update",
      objectType: "ApprovalPolicy",
      objectId: stored.id,
      summary: sentence(deployment.slug, after),
      before,
      after,
    });
    return after;
  });
}
