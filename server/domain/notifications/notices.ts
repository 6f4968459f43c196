// What each notified event says: one function per event, called in the transaction of the event
// (approval requested, decided, operation finished, alert opened or resolved). Sentences a person
// reads in a chat channel, fields for a glance, the link to the console.
import { formatSeconds } from "@/lib/format";
import { roleLabel } from "@/lib/identity/words";
import { parseOperationPlan, type TReport, type TRunbook } from "@/lib/operations/contracts";
import { RUNBOOK_LABELS, statusWords } from "@/lib/operations/words";
import type { Tx } from "@/server/db";
import type { Role } from "@/server/generated/prisma/enums";

import { notify } from "./outbox";

type NoticeOperation = { id: string; deploymentId: string; runbook: TRunbook; plan: unknown; reason?: string };

function moveOf(op: NoticeOperation) {
  const plan = parseOperationPlan(op.plan);
  return {
    what: `${RUNBOOK_LABELS[op.runbook].toLowerCase()} of ${plan.clusterName}`,
    move: `${plan.source.name} (${plan.source.regionCode}) → ${plan.target.name} (${plan.target.regionCode})`,
  };
}

export async function noticeApprovalRequested(
  tx: Tx,
  op: NoticeOperation,
  gate: { id: string; required: number; role: Role; expiresAt: Date; beforeRun: boolean; stepIndex: number },
  stepTitle: string | null,
) {
  const { what, move } = moveOf(op);
  const where = gate.beforeRun
    ? "before it runs"
    : `before step ${gate.stepIndex + 1}${stepTitle ? ` "${stepTitle}"` : ""}`;
  const asked = `${gate.required} approval${gate.required === 1 ? "" : "s"} from ${roleLabel(gate.role)}`;
  return notify(tx, {
    deploymentId: op.deploymentId,
    event: "approval.requested",
    text: `Approval needed: ${what} ${where} (${move}); ${asked} by ${gate.expiresAt.toISOString().slice(11, 16)} UTC`,
    fields: [
      ["Move", move],
      ["Needs", asked],
      ["Expires", gate.expiresAt.toISOString()],
      ...(op.reason ? ([["Reason", op.reason]] as [string, string][]) : []),
    ],
    objectType: "ApprovalGate",
    objectId: gate.id,
    path: `/operations/${op.id}`,
    tone: "warning",
  });
}

export async function noticeDecision(
  tx: Tx,
  op: NoticeOperation,
  gate: { id: string },
  decision: { approve: boolean; by: string; comment: string; granted: boolean },
) {
  const { what, move } = moveOf(op);
  const verdict = decision.approve ? "approved" : "rejected";
  const after = decision.approve
    ? decision.granted
      ? "; it may run"
      : "; more approvals needed"
    : "; it will not run";
  return notify(tx, {
    deploymentId: op.deploymentId,
    event: "approval.decided",
    text: `${decision.by} ${verdict} ${what} (${move})${after}${decision.comment ? `: "${decision.comment}"` : ""}`,
    fields: [
      ["Decision", verdict],
      ["By", decision.by],
      ...(decision.comment ? ([["Comment", decision.comment]] as [string, string][]) : []),
    ],
    objectType: "ApprovalGate",
    objectId: gate.id,
    path: `/operations/${op.id}`,
    tone: decision.approve ? "good" : "danger",
  });
}

export async function noticeOperationFinished(
  tx: Tx,
  op: NoticeOperation,
  status: string,
  reason: string | null,
  report: TReport,
) {
  const { what, move } = moveOf(op);
  const rto = report.measuredRtoSeconds;
  return notify(tx, {
    deploymentId: op.deploymentId,
    event: "operation.finished",
    text: `${what[0]!.toUpperCase()}${what.slice(1)} ${statusWords(status)} (${move})${reason ? `: ${reason}` : ""}`,
    fields: [
      ["Outcome", statusWords(status)],
      ["Move", move],
      ...(rto !== null
        ? ([["Measured RTO", `${formatSeconds(rto)} (target ${formatSeconds(report.targets.rtoSeconds)})`]] as [
            string,
            string,
          ][])
        : []),
      [
        "Data lost",
        `${formatSeconds(report.measuredDataLossSeconds)} (RPO ${formatSeconds(report.targets.rpoSeconds)})`,
      ],
    ],
    objectType: "Operation",
    objectId: op.id,
    path: `/operations/${op.id}`,
    tone: status === "SUCCEEDED" ? "good" : "danger",
  });
}

export async function noticeAlert(
  tx: Tx,
  alert: { id: string; deploymentId: string; kind: string; targetLabel: string },
  opened: boolean,
  text: string,
  atMs: number,
) {
  return notify(tx, {
    deploymentId: alert.deploymentId,
    event: opened ? "alert.opened" : "alert.resolved",
    text: `${opened ? "Alert" : "Resolved"}: ${text}`,
    fields: [["About", alert.targetLabel]],
    objectType: "Alert",
    objectId: alert.id,
    tone: opened ? "danger" : "good",
    atMs,
  });
}
