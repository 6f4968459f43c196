// Operations in words: every runbook, phase, status, step kind and rollback as an operator reads it,
// on the pages and in the sentences the server writes (audit records, refusals). One map for
// operation, step and gate statuses, so a status reads the same everywhere.
import type { TFieldWords } from "@/lib/fields";

import type { TGateStatus, TOperationStatus, TPhase, TRollback, TRunbook, TStepKind, TStepStatus } from "./contracts";

export const RUNBOOK_LABELS: Record<TRunbook, string> = {
  SWITCHOVER: "Planned switchover",
  FAILBACK: "Failback",
  FAILOVER: "Failover",
  DRILL: "Drill",
  DRAIN_REGION: "Drain a region",
  RETURN_REGION: "Return a region",
};

export const RUNBOOK_DESCRIPTIONS: Record<TRunbook, string> = {
  SWITCHOVER:
    "Moves the primary to another region with zero data loss: fence, wait for catch-up, promote, repoint, shift routing.",
  FAILBACK: "Returns the primary to its original region once it is back as a secondary and its lag has stayed at zero.",
  FAILOVER:
    "Unplanned: confirms the outage from a quorum of probe locations, promotes the most caught-up replica, shifts routing and scales up.",
  DRILL: "Injects a region outage into the twin, runs the failover, measures it, fails back and writes a report.",
  DRAIN_REGION:
    "Active-active: routes clients away from a region, stops client writes there, and waits until the other regions have applied everything it committed.",
  RETURN_REGION:
    "Active-active: lets clients write in a drained region again once it has applied what the others committed, and routes traffic back to it.",
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

export type TAnyStatus = TOperationStatus | TStepStatus | TGateStatus;

export const STATUS_LABELS: Record<TAnyStatus, string> = {
  AWAITING_APPROVAL: "Awaiting approval",
  RUNNING: "Running",
  PAUSED: "Paused",
  ROLLING_BACK: "Rolling back",
  SUCCEEDED: "Succeeded",
  FAILED: "Failed",
  ABORTED: "Aborted",
  REJECTED: "Rejected",
  PENDING: "Pending",
  WAITING: "Waiting",
  IN_DOUBT: "In doubt",
  SKIPPED: "Skipped",
  ROLLED_BACK: "Rolled back",
  OPEN: "Open",
  GRANTED: "Granted",
  LAPSED: "Lapsed",
  EXPIRED: "Expired",
};

export const statusLabel = (status: TAnyStatus) => STATUS_LABELS[status];

/** A status as a sentence says it: "awaiting approval", "rolling back". */
export const statusWords = (status: string) => status.toLowerCase().replace("_", " ");

export const STEP_KIND_LABELS: Record<TStepKind, string> = {
  PRECHECK: "Pre-checks",
  INJECT_FAULT: "Inject fault",
  CONFIRM_OUTAGE: "Confirm outage",
  CHOOSE_TARGET: "Choose target",
  FENCE: "Fence",
  WAIT_CATCH_UP: "Wait for catch-up",
  DEMOTE: "Demote",
  PROMOTE: "Promote",
  REPOINT: "Repoint",
  SHIFT_ROUTING: "Shift routing",
  SCALE_UP: "Scale up",
  VERIFY_WRITES: "Verify writes",
  CLEAR_FAULT: "Clear fault",
  WAIT_STABLE: "Wait until stable",
  RESTORE_SIZE: "Restore the modelled size",
  FENCE_CLIENTS: "Fence client writes",
  WAIT_APPLIED: "Wait until applied elsewhere",
  LIFT_FENCE: "Lift the client fence",
};

export const ROLLBACK_LABELS: Record<TRollback, string> = {
  none: "Nothing to undo",
  compensate: "Undone on abort",
  irreversible: "Cannot be undone",
};

/** The fields of the approval policy form: the label above each control is the name its errors use. */
export const APPROVAL_POLICY_FIELDS = {
  runbook: { label: "Runbook" },
  approvalsRequired: { label: "Approvals required" },
  approverRole: { label: "Approver role" },
  expiresAfterSeconds: { label: "Expires after", unit: "seconds" },
  gatedSteps: { label: "Steps that wait for approval" },
  lagToleranceSeconds: { label: "Lag tolerance", unit: "seconds" },
} as const satisfies Record<string, TFieldWords>;

/** The report's figure measured from the workload's ledger of acknowledged writes. */
export const LEDGER_OUTAGE_TERM = "Write outage seen by clients";
export const LEDGER_OUTAGE_AGAINST = "from the ledger: last acknowledged write before the gap to the first after";
export const LOST_WRITES_TERM = "Acknowledged writes lost";
/**
 * What the count is held against: the data at risk at the promotion (the measured data loss), which
 * after a failure is the lag the console showed on the dead primary's link.
 */
export const lostWritesAgainst = (dataAtRisk: string, runbook: TRunbook) =>
  `from the ledger, against ${dataAtRisk} at risk ${runbook === "FAILOVER" || runbook === "DRILL" ? "at the failure" : "at the promotion"}`;
export const lostWritesOf = (lost: number, acknowledged: number) =>
  `${lost.toLocaleString("en-US")} of ${acknowledged.toLocaleString("en-US")}`;
export const LOST_WRITES_NOT_COUNTED = "Acknowledged writes lost were not counted";
export const NO_LEDGER_SENTENCE =
  "This deployment's workload keeps no ledger of acknowledged writes, so the outage clients saw and the acknowledged writes lost were not measured.";
