// What the operations API returns and accepts: plain data shared by the server and the browser.
// The server builds these from PostgreSQL; the UI renders them without knowing Prisma.
import { z } from "zod";

import { ROLES, type TRole } from "@/lib/enums";

export const RUNBOOKS = ["SWITCHOVER", "FAILBACK", "FAILOVER", "DRILL"] as const;
export type TRunbook = (typeof RUNBOOKS)[number];

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

/** A status as a sentence says it: "awaiting approval", "rolling back". */
export const statusWords = (status: string) => status.toLowerCase().replace("_", " ");

export const STEP_STATUSES = ["PENDING", "WAITING", "SUCCEEDED", "FAILED", "SKIPPED", "ROLLED_BACK"] as const;
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
] as const;
export type TStepKind = (typeof STEP_KINDS)[number];

/** What abort does to a finished step: nothing to undo, a compensating action, or it cannot be undone. */
export type TRollback = "none" | "compensate" | "irreversible";

export const RUNBOOK_LABELS: Record<TRunbook, string> = {
  SWITCHOVER: "Planned switchover",
  FAILBACK: "Failback",
  FAILOVER: "Failover",
  DRILL: "Drill",
};

export const RUNBOOK_DESCRIPTIONS: Record<TRunbook, string> = {
  SWITCHOVER:
    "Moves the primary to another region with zero data loss: fence, wait for catch-up, promote, repoint, shift routing.",
  FAILBACK: "Returns the primary to its original region once it is back as a secondary and its lag has stayed at zero.",
  FAILOVER:
    "Unplanned: confirms the outage from a quorum of probe locations, promotes the most caught-up replica, shifts routing and scales up.",
  DRILL: "Injects a region outage into the twin, runs the failover, measures it, fails back and writes a report.",
};

export const PHASE_LABELS: Record<TPhase, string> = {
  detect: "Detect",
  approval: "Wait for approval",
  fault: "Fault",
  fence: "Fence",
  "catch-up": "Catch-up",
  promote: "Promote",
  repoint: "Repoint",
  routing: "Routing",
  "scale-up": "Scale-up",
  verify: "Verify",
  failback: "Failback",
};

export type TReplicaRef = { id: string; name: string; regionId: string; regionCode: string };

export type TPlannedStep = {
  index: number;
  kind: TStepKind;
  title: string;
  phase: TPhase;
  /** Waits for its own approval before it runs (the policy's gated steps). */
  gated: boolean;
  timeoutSeconds: number;
  maxAttempts: number;
  rollback: TRollback;
  rollbackDescription: string;
  /** Seconds this step is expected to take, from the model (routing product failover time, lag, ...). */
  estimateSeconds: number;
  params: Record<string, string | number | boolean | null>;
};

export type TPlanReplica = TReplicaRef & { role: "PRIMARY" | "READ_REPLICA" | "MULTI_MASTER"; writable: boolean };
export type TPlanLink = { id: string; source: string; target: string };
export type TPlanTopology = {
  replicas: TPlanReplica[];
  links: TPlanLink[];
  routing: { policy: string; region: string; weight: number; priority: number; drained: boolean }[];
};

export type TCheck = { id: string; label: string; ok: boolean; detail: string; blocking: boolean };

export type TPlanEstimate = {
  rtoSeconds: number;
  byPhase: Partial<Record<TPhase, number>>;
  /** Lag of the target now (RPO figure, seconds) and what a failover would lose at this moment. */
  lagSeconds: number | null;
  dataLossSeconds: number;
  dataLossBytes: number;
};

export type TEventCost = { totalUsd: number; lines: { label: string; usd: number }[]; assumptions: string[] };

export type TPolicySummary = {
  approvalsRequired: number;
  approverRole: TRole;
  expiresAfterSeconds: number;
  gatedSteps: TStepKind[];
  lagToleranceSeconds: number;
};

export type TOperationPlan = {
  runbook: TRunbook;
  deploymentId: string;
  clusterId: string;
  clusterName: string;
  source: TReplicaRef;
  target: TReplicaRef;
  steps: TPlannedStep[];
  before: TPlanTopology;
  after: TPlanTopology;
  estimate: TPlanEstimate;
  targets: { rtoSeconds: number; rpoSeconds: number };
  eventCost: TEventCost;
  checks: TCheck[];
  policy: TPolicySummary;
  /** The plan the approvers are shown; an approval is bound to this hash and the topology's. */
  planHash: string;
  topologyFingerprint: string;
  /** Replicas a runbook may target, for the plan form. */
  candidates: TReplicaRef[];
};

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
  output: Record<string, unknown> | null;
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

/** What an approver is shown and approves; a change of lag or topology beyond it lapses the approval. */
export type TGateContext = {
  planHash: string;
  topologyFingerprint: string;
  lagSeconds: number | null;
  dataLossSeconds: number;
  eventCostUsd: number;
  stepTitle: string | null;
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

export type TPhaseMeasure = { phase: TPhase; seconds: number };

export type TReport = {
  operationId: string;
  runbook: TRunbook;
  outcome: TOperationStatus;
  startedAt: string | null;
  finishedAt: string | null;
  /** From the first step to writes landing in the new region (approval waits included, as an outage would). */
  measuredRtoSeconds: number | null;
  phases: TPhaseMeasure[];
  measuredDataLossBytes: number;
  measuredDataLossSeconds: number;
  estimatedDataLossSeconds: number;
  targets: { rtoSeconds: number; rpoSeconds: number };
  rtoMet: boolean | null;
  rpoMet: boolean;
  newPrimary: TReplicaRef | null;
  epoch: number | null;
  notes: string[];
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

const id = (what: string) => z.string({ error: `${what} is required` }).min(1, `${what} is required`);

export const ZPlanInput = z.object({
  deploymentId: id("deployment"),
  runbook: z.enum(RUNBOOKS, { error: `runbook must be one of ${RUNBOOKS.join(", ")}` }),
  clusterId: id("cluster").optional(),
  /** The replica to promote; defaults to the runbook's natural choice (the caught-up secondary, the original primary). */
  targetReplicaId: id("target replica").optional(),
});
export type TPlanInput = z.infer<typeof ZPlanInput>;

export const ZStartInput = ZPlanInput.extend({
  /** The plan the operator looked at; refused if the plan has changed since. */
  planHash: id("plan"),
  reason: z.string().trim().max(500, "reason must be at most 500 characters").default(""),
});
export type TStartInput = z.input<typeof ZStartInput>;

export const ZOperationRef = z.object({ operationId: id("operation") });
export const ZControlInput = ZOperationRef.extend({
  reason: z.string().trim().max(500, "reason must be at most 500 characters").default(""),
});

export const ZDecideInput = z.object({
  gateId: id("approval"),
  decision: z.enum(["APPROVE", "REJECT"], { error: "decision must be APPROVE or REJECT" }),
  /** The approver confirms who they are again: an open console is not enough to approve a promotion. */
  password: z.string({ error: "password is required" }).min(1, "password is required to confirm an approval"),
  /** Hash of the context the approver was shown; refused if it has changed since. */
  contextHash: id("context"),
  comment: z.string().trim().max(500, "comment must be at most 500 characters").default(""),
});
export type TDecideInput = z.input<typeof ZDecideInput>;

export const ZPolicyInput = z.object({
  deploymentId: id("deployment"),
  runbook: z.enum(RUNBOOKS, { error: `runbook must be one of ${RUNBOOKS.join(", ")}` }),
  approvalsRequired: z
    .number({ error: "approvals required must be a number" })
    .int("approvals required must be a whole number")
    .min(0, "approvals required must be 0 or more")
    .max(10, "approvals required must be at most 10"),
  approverRole: z
    .enum(ROLES, { error: `approver role must be one of ${ROLES.join(", ")}` })
    .refine(
      (role) => role !== "VIEWER",
      "approver role must be OPERATOR, APPROVER or ADMIN: a viewer cannot approve changes",
    ),
  expiresAfterSeconds: z
    .number({ error: "expiry must be a number" })
    .int("expiry must be whole seconds")
    .min(60, "expiry must be at least 60 seconds")
    .max(7 * 86_400, "expiry must be at most 7 days"),
  gatedSteps: z
    .array(z.enum(STEP_KINDS, { error: "gated steps must be step kinds" }))
    .max(STEP_KINDS.length)
    .default([]),
  lagToleranceSeconds: z
    .number({ error: "lag tolerance must be a number" })
    .int("lag tolerance must be whole seconds")
    .min(0, "lag tolerance must be 0 or more")
    .max(3600, "lag tolerance must be at most 3600 seconds")
    .default(5),
});
export type TPolicyInput = z.input<typeof ZPolicyInput>;
