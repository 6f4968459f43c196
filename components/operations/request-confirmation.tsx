// What a request will do, shown before it is sent: the steps in order, what moves where, the
// estimate against the targets, the event's cost and who must approve. Nothing is stored until
// the operator confirms this.
import { formatBytes, formatSeconds, formatUsd } from "@/lib/format";
import type { TOperationPlan } from "@/lib/operations/contracts";
import { RUNBOOK_LABELS } from "@/lib/operations/words";

import { approvalWords } from "./policy-words";
import { replicaWords } from "./step-view";

function Row({ term, children, over }: { term: string; children: React.ReactNode; over?: boolean }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[10rem_1fr]">
      <dt className="text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className={over ? "font-medium text-rose-700 dark:text-rose-400" : ""}>{children}</dd>
    </div>
  );
}

export function RequestConfirmation({ plan, reason }: { plan: TOperationPlan; reason: string }) {
  const { estimate, targets } = plan;
  return (
    <dl className="space-y-2 text-sm" data-testid="request-confirmation">
      <Row term="Operation">
        {RUNBOOK_LABELS[plan.runbook]} of {plan.clusterName}
      </Row>
      <Row term="Target">
        {replicaWords(plan.source)} → <strong>{replicaWords(plan.target)}</strong> becomes the primary
      </Row>
      <Row term="Steps">
        <ol className="list-decimal space-y-0.5 pl-5" data-testid="confirm-steps">
          {plan.steps.map((step) => (
            <li key={step.index}>
              {step.title}
              {step.gated ? <span className="text-amber-700 dark:text-amber-400"> (waits for approval)</span> : null}
            </li>
          ))}
        </ol>
      </Row>
      <Row term="Estimated RTO" over={estimate.rtoSeconds > targets.rtoSeconds}>
        {formatSeconds(estimate.rtoSeconds)} (target {formatSeconds(targets.rtoSeconds)})
      </Row>
      <Row term="Estimated data loss" over={estimate.dataLossSeconds > targets.rpoSeconds}>
        {formatSeconds(estimate.dataLossSeconds)} · {formatBytes(estimate.dataLossBytes)} (RPO target{" "}
        {formatSeconds(targets.rpoSeconds)})
      </Row>
      <Row term="Event cost">{formatUsd(plan.eventCost.totalUsd)}</Row>
      <Row term="Approvals">
        <span data-testid="confirm-approvals">{approvalWords(plan.policy, plan.steps)}</span>
      </Row>
      <Row term="Reason">{reason}</Row>
    </dl>
  );
}
