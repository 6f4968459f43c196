// Words and colours for the operations pages: every status, step kind and rollback as an operator
// reads it. One map for operation, step and gate statuses, so a status looks the same everywhere.
import type { TRole } from "@/lib/enums";
import {
  ACTIVE_STATUSES,
  type TGateStatus,
  type TOperationStatus,
  type TRollback,
  type TStepKind,
  type TStepStatus,
} from "@/lib/operations/contracts";

export type TTone = "emerald" | "sky" | "amber" | "rose" | "slate" | "violet";
export type TAnyStatus = TOperationStatus | TStepStatus | TGateStatus;

export const STATUS_WORDS: Record<TAnyStatus, { label: string; tone: TTone }> = {
  AWAITING_APPROVAL: { label: "Awaiting approval", tone: "amber" },
  RUNNING: { label: "Running", tone: "sky" },
  PAUSED: { label: "Paused", tone: "amber" },
  ROLLING_BACK: { label: "Rolling back", tone: "sky" },
  SUCCEEDED: { label: "Succeeded", tone: "emerald" },
  FAILED: { label: "Failed", tone: "rose" },
  ABORTED: { label: "Aborted", tone: "rose" },
  REJECTED: { label: "Rejected", tone: "rose" },
  PENDING: { label: "Pending", tone: "slate" },
  WAITING: { label: "Waiting", tone: "amber" },
  SKIPPED: { label: "Skipped", tone: "slate" },
  ROLLED_BACK: { label: "Rolled back", tone: "violet" },
  OPEN: { label: "Open", tone: "amber" },
  GRANTED: { label: "Granted", tone: "emerald" },
  LAPSED: { label: "Lapsed", tone: "slate" },
  EXPIRED: { label: "Expired", tone: "slate" },
};

export const TONE_CLASSES: Record<TTone, string> = {
  emerald: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  sky: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  amber: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  rose: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-300",
  slate: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  violet: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-300",
};

export const statusLabel = (status: TAnyStatus) => STATUS_WORDS[status].label;

export const isActive = (status: TOperationStatus) => ACTIVE_STATUSES.includes(status);

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
};

export const ROLLBACK_LABELS: Record<TRollback, string> = {
  none: "Nothing to undo",
  compensate: "Undone on abort",
  irreversible: "Cannot be undone",
};

/** The roles that run operations (the API's operator procedures); admins pass every role check. */
export const canOperate = (role: TRole) => role === "OPERATOR" || role === "ADMIN";
