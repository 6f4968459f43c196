// What the operations API returns and accepts: plain data shared by the server and the browser.
// The server builds these from PostgreSQL; the UI renders them without knowing Prisma. What is
// stored as JSON (an operation's plan and report, a gate's context, a step's output) has a schema
// here, and is parsed with it when read back.
import { z } from "zod";

import { REPLICA_ROLES, ROLES, type TRole } from "@/lib/enums";
import { id, intIn, note, oneOf, orList, text } from "@/lib/fields";
import { APPROVER_ROLES } from "@/lib/identity/permissions";
import { ROLE_LABELS } from "@/lib/identity/words";

import { APPROVAL_POLICY_FIELDS as AP, RUNBOOK_LABELS, STEP_KIND_LABELS } from "./words";

export const RUNBOOKS = ["SWITCHOVER", "FAILBACK", "FAILOVER", "DRILL", "DRAIN_REGION", "RETURN_REGION"] as const;
export type TRunbook = (typeof RUNBOOKS)[number];
/** The runbooks that drain and return one region of an active-active cluster (no primary moves). */
export const REGION_RUNBOOKS = ["DRAIN_REGION", "RETURN_REGION"] as const satisfies readonly TRunbook[];
export type TRegionRunbook = (typeof REGION_RUNBOOKS)[number];
export const isRegionRunbook = (runbook: string): runbook is TRegionRunbook =>
  (REGION_RUNBOOKS as readonly string[]).includes(runbook);

export const OPERATION_STATUSES = [
  "AWAITING_APPROVAL",
  "RUNNING",
  "PAUSED",
  "ROLLING_BACK",
  "SUCCEEDED",
  "FAILED",
  "ABORTED",
  "REJECTED",
] as const;
export type TOperationStatus = (typeof OPERATION_STATUSES)[number];
export const ACTIVE_STATUSES: readonly TOperationStatus[] = ["AWAITING_APPROVAL", "RUNNING", "PAUSED", "ROLLING_BACK"];
/** Active and not yet on its way out: it can still be aborted, and its approvals decided. */
export const STOPPABLE_STATUSES: readonly TOperationStatus[] = ["AWAITING_APPROVAL", "RUNNING", "PAUSED"];
export const isActive = (status: TOperationStatus) => ACTIVE_STATUSES.includes(status);

export const STEP_STATUSES = [
  "PENDING",
  "WAITING",
  "IN_DOUBT",
  "SUCCEEDED",
  "FAILED",
  "SKIPPED",
  "ROLLED_BACK",
] as const;
export type TStepStatus = (typeof STEP_STATUSES)[number];

export const GATE_STATUSES = ["OPEN", "GRANTED", "REJECTED", "LAPSED", "EXPIRED"] as const;
export type TGateStatus = (typeof GATE_STATUSES)[number];

/** Phases of an event, as the report breaks down the measured RTO. */
export const PHASES = [
  "detect",
  "approval",
  "fault",
  "fence",
  "catch-up",
  "promote",
  "repoint",
  "routing",
  "scale-up",
  "verify",
  "failback",
] as const;
export type TPhase = (typeof PHASES)[number];

export const STEP_KINDS = [
  "PRECHECK",
  "INJECT_FAULT",
  "CONFIRM_OUTAGE",
  "CHOOSE_TARGET",
  "FENCE",
  "WAIT_CATCH_UP",
  "DEMOTE",
  "PROMOTE",
  "REPOINT",
  "SHIFT_ROUTING",
  "SCALE_UP",
  "VERIFY_WRITES",
  "CLEAR_FAULT",
  "WAIT_STABLE",
  "RESTORE_SIZE",
  "FENCE_CLIENTS",
  "WAIT_APPLIED",
  "LIFT_FENCE",
] as const;
export type TStepKind = (typeof STEP_KINDS)[number];

/** What abort does to a finished step: nothing to undo, a compensating action, or it cannot be undone. */
export const ROLLBACKS = ["none", "compensate", "irreversible"] as const;
export type TRollback = (typeof ROLLBACKS)[number];

// ---------------------------------------------------------------------------------------------
// The plan, as stored on the operation (Operation.plan)
// ---------------------------------------------------------------------------------------------

const ZScalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A step's parameters, and what it answered (OperationStep.params, OperationStep.output). */
export const ZStepParams = z.record(z.string(), ZScalar);
export const ZStepOutput = z.record(z.string(), ZScalar);
export type TStepOutput = z.infer<typeof ZStepOutput>;
export const parseStepOutput = (column: unknown): TStepOutput | null =>
  column === null || column === undefined ? null : ZStepOutput.parse(column);

export const ZReplicaRef = z.object({ id: z.string(), name: z.string(), regionId: z.string(), regionCode: z.string() });
export type TReplicaRef = z.infer<typeof ZReplicaRef>;

export const ZPlannedStep = z.object({
  index: z.number(),
  kind: z.enum(STEP_KINDS),
  title: z.string(),
  phase: z.enum(PHASES),
  /** Waits for its own approval before it runs (the policy's gated steps). */
  gated: z.boolean().default(false),
  timeoutSeconds: z.number(),
  maxAttempts: z.number(),
  rollback: z.enum(ROLLBACKS),
  rollbackDescription: z.string(),
  /** Seconds this step is expected to take, from the model (routing product failover time, lag, ...). */
  estimateSeconds: z.number(),
  params: ZStepParams,
});
export type TPlannedStep = z.infer<typeof ZPlannedStep>;

const ZPlanReplica = ZReplicaRef.extend({ role: z.enum(REPLICA_ROLES), writable: z.boolean() });
export type TPlanReplica = z.infer<typeof ZPlanReplica>;
const ZPlanLink = z.object({ id: z.string(), source: z.string(), target: z.string() });
export type TPlanLink = z.infer<typeof ZPlanLink>;
export const ZPlanTopology = z.object({
  replicas: z.array(ZPlanReplica),
  links: z.array(ZPlanLink).default([]),
  routing: z.array(
    z.object({
      policy: z.string(),
      region: z.string(),
      weight: z.number(),
      priority: z.number(),
      drained: z.boolean(),
    }),
  ),
});
export type TPlanTopology = z.infer<typeof ZPlanTopology>;

const ZCheck = z.object({
  id: z.string(),
  label: z.string(),
  ok: z.boolean(),
  detail: z.string(),
  blocking: z.boolean(),
});
export type TCheck = z.infer<typeof ZCheck>;

export const ZPlanEstimate = z.object({
  rtoSeconds: z.number(),
  /** The RTO's parts: the steps of the write outage by phase; they add up to `rtoSeconds`. */
  byPhase: z.partialRecord(z.enum(PHASES), z.number()),
  /** Steps that run while writes still flow (pre-checks, scale-up before the fence, a drill's failback). */
  outsideRto: z.partialRecord(z.enum(PHASES), z.number()).default({}),
  /** Lag of the target now (RPO figure, seconds) and what a failover would lose at this moment. */
  lagSeconds: z.number().nullable(),
  dataLossSeconds: z.number(),
  dataLossBytes: z.number(),
});
export type TPlanEstimate = z.infer<typeof ZPlanEstimate>;

export const ZEventCost = z.object({
  totalUsd: z.number(),
  lines: z.array(z.object({ label: z.string(), usd: z.number() })),
  assumptions: z.array(z.string()),
});
export type TEventCost = z.infer<typeof ZEventCost>;

export const ZPolicySummary = z.object({
  approvalsRequired: z.number(),
  approverRole: z.enum(ROLES),
  expiresAfterSeconds: z.number(),
  gatedSteps: z.array(z.enum(STEP_KINDS)),
  lagToleranceSeconds: z.number(),
});
export type TPolicySummary = z.infer<typeof ZPolicySummary>;

export const ZOperationPlan = z.object({
  runbook: z.enum(RUNBOOKS),
  deploymentId: z.string(),
  clusterId: z.string(),
  clusterName: z.string(),
  source: ZReplicaRef,
  target: ZReplicaRef,
  steps: z.array(ZPlannedStep),
  before: ZPlanTopology,
  after: ZPlanTopology,
  estimate: ZPlanEstimate,
  targets: z.object({ rtoSeconds: z.number(), rpoSeconds: z.number() }),
  eventCost: ZEventCost,
  checks: z.array(ZCheck),
  policy: ZPolicySummary,
  /** The plan the approvers are shown; an approval is bound to this hash and the topology's. */
  planHash: z.string(),
  topologyFingerprint: z.string(),
  /** Replicas a runbook may target, for the plan form. */
  candidates: z.array(ZReplicaRef).default([]),
});
export type TOperationPlan = z.infer<typeof ZOperationPlan>;
export const parseOperationPlan = (column: unknown): TOperationPlan => ZOperationPlan.parse(column);

/** What an approver is shown and approves; a change of lag or topology beyond it lapses the approval (ApprovalGate.context). */
export const ZGateContext = z.object({
  planHash: z.string(),
  topologyFingerprint: z.string(),
  lagSeconds: z.number().nullable(),
  dataLossSeconds: z.number(),
  eventCostUsd: z.number(),
  stepTitle: z.string().nullable(),
});
export type TGateContext = z.infer<typeof ZGateContext>;
export const parseGateContext = (column: unknown): TGateContext => ZGateContext.parse(column);

// ---------------------------------------------------------------------------------------------
// The report, as stored on the operation when it ends (Operation.report)
// ---------------------------------------------------------------------------------------------

export const ZReport = z.object({
  operationId: z.string(),
  runbook: z.enum(RUNBOOKS),
  outcome: z.enum(OPERATION_STATUSES),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** From the first step to writes landing in the new region (approval waits included, as an outage would). */
  measuredRtoSeconds: z.number().nullable(),
  phases: z.array(z.object({ phase: z.enum(PHASES), seconds: z.number() })),
  measuredDataLossBytes: z.number(),
  measuredDataLossSeconds: z.number(),
  estimatedDataLossSeconds: z.number(),
  targets: z.object({ rtoSeconds: z.number(), rpoSeconds: z.number() }),
  rtoMet: z.boolean().nullable(),
  rpoMet: z.boolean(),
  newPrimary: ZReplicaRef.nullable(),
  epoch: z.number().nullable(),
  notes: z.array(z.string()),
  /**
   * Measured from the workload's ledger of acknowledged writes, once, when the run ended: the write
   * outage as clients saw it, and the acknowledged writes (since the cluster's previous operation
   * ended, until this one did) that the primary lacks at the end. Null when the deployment's
   * workload keeps no ledger (the sim); absent on reports stored before it was measured.
   */
  ledger: z
    .object({
      writeOutageSeconds: z.number().nullable(),
      /** Null when not counted (the run never started, the primary did not answer: a note says why); absent on older reports. */
      lostWrites: z.object({ acknowledged: z.number().int(), lost: z.number().int() }).nullable().optional(),
    })
    .nullable()
    .optional(),
});
export type TReport = z.infer<typeof ZReport>;
export type TPhaseMeasure = TReport["phases"][number];
export const parseReport = (column: unknown): TReport | null =>
  column === null || column === undefined ? null : ZReport.parse(column);

// ---------------------------------------------------------------------------------------------
// Views the API returns
// ---------------------------------------------------------------------------------------------

export type TStepView = {
  index: number;
  kind: TStepKind;
  title: string;
  phase: TPhase;
  status: TStepStatus;
  attempts: number;
  maxAttempts: number;
  timeoutSeconds: number;
  rollback: TRollback;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  output: TStepOutput | null;
  error: string | null;
  rolledBackAt: string | null;
};

export type TDecisionView = {
  approverId: string;
  approverName: string;
  decision: "APPROVE" | "REJECT";
  comment: string;
  at: string;
};

export type TGateView = {
  id: string;
  /** Why the person asking may not decide it (the requester, the wrong role, already decided...), or null. */
  cannotDecide: string | null;
  stepIndex: number;
  beforeRun: boolean;
  status: TGateStatus;
  required: number;
  role: TRole;
  expiresAt: string;
  context: TGateContext;
  contextHash: string;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
  decisions: TDecisionView[];
};

export type TOperationSummary = {
  id: string;
  deploymentId: string;
  deploymentSlug: string;
  deploymentName: string;
  clusterName: string;
  runbook: TRunbook;
  status: TOperationStatus;
  requestedBy: string;
  source: TReplicaRef;
  target: TReplicaRef;
  createdAt: string;
  finishedAt: string | null;
  failureReason: string | null;
};

export type TOperationDetail = TOperationSummary & {
  requestedById: string;
  reason: string;
  plan: TOperationPlan;
  abortRequested: boolean;
  startedAt: string | null;
  steps: TStepView[];
  gates: TGateView[];
  report: TReport | null;
};

export type TInboxItem = {
  gate: TGateView;
  operation: TOperationSummary;
};

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

export const ZPlanInput = z.object({
  deploymentId: id("Deployment"),
  runbook: oneOf(AP.runbook, RUNBOOKS, RUNBOOK_LABELS),
  clusterId: id("cluster").optional(),
  /** The replica to promote; defaults to the runbook's natural choice (the caught-up secondary, the original primary). */
  targetReplicaId: id("target replica").optional(),
  /** Active-active runbooks: the replica whose region is drained or returned. */
  sourceReplicaId: id("region's replica").optional(),
});
export type TPlanInput = z.infer<typeof ZPlanInput>;

export const ZStartInput = ZPlanInput.extend({
  /** The plan the operator looked at; refused if the plan has changed since. */
  planHash: id("plan"),
  /** Why now: the approvers read it before deciding, and the audit keeps it. Never empty. */
  reason: text("reason", 500),
});
export type TStartInput = z.input<typeof ZStartInput>;
/** What the domain is given: the input as the router parsed it. */
export type TStartRequest = z.output<typeof ZStartInput>;

export const ZOperationList = z.object({
  deploymentId: id("deploymentId").optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const ZOperationRef = z.object({ operationId: id("operation") });
export const ZControlInput = ZOperationRef.extend({ reason: note("reason") });
export type TControlInput = z.infer<typeof ZControlInput>;
/** Abort undoes work people approved: it says why, as the request did. */
export const ZAbortInput = ZOperationRef.extend({ reason: text("reason", 500) });

export const ZDecideInput = z.object({
  gateId: id("approval"),
  decision: z.enum(["APPROVE", "REJECT"], { error: "The decision must be to approve or to reject" }),
  /** The approver confirms who they are again: an open console is not enough to approve a promotion. */
  password: z.string({ error: "password is required" }).min(1, "password is required to confirm an approval"),
  /** Hash of the context the approver was shown; refused if it has changed since. */
  contextHash: id("context"),
  comment: note("comment"),
});
export type TDecideInput = z.input<typeof ZDecideInput>;
export type TDecision = z.output<typeof ZDecideInput>;

/** The approval policy of a deployment's runbook, as admins set it (not a routing policy: ZPolicyInput). */
export const ZApprovalPolicyInput = z.object({
  deploymentId: id("Deployment"),
  runbook: oneOf(AP.runbook, RUNBOOKS, RUNBOOK_LABELS),
  approvalsRequired: intIn(AP.approvalsRequired, 0, 10),
  approverRole: oneOf(AP.approverRole, ROLES, ROLE_LABELS).refine(
    (role) => (APPROVER_ROLES as readonly string[]).includes(role),
    `${AP.approverRole.label} must be ${orList(APPROVER_ROLES.map((role) => ROLE_LABELS[role]))}: a viewer cannot approve changes`,
  ),
  expiresAfterSeconds: intIn(AP.expiresAfterSeconds, 60, 7 * 86_400),
  gatedSteps: z
    .array(
      z.enum(STEP_KINDS, {
        error: `${AP.gatedSteps.label} must be ${orList(STEP_KINDS.map((kind) => STEP_KIND_LABELS[kind]))}`,
      }),
    )
    .max(STEP_KINDS.length)
    .default([]),
  lagToleranceSeconds: intIn(AP.lagToleranceSeconds, 0, 3600).default(5),
});
export type TApprovalPolicyInput = z.input<typeof ZApprovalPolicyInput>;
export type TApprovalPolicy = z.output<typeof ZApprovalPolicyInput>;
