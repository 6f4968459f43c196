// The plan as it was when the operation was requested: what the approvers looked at. Collapsed,
// since the run itself is what matters on this page.
import type { TOperationPlan } from "@/lib/operations/contracts";

import { ApprovalsNeeded } from "./approvals-needed";
import { EstimateCard } from "./estimate-card";
import { EventCostCard } from "./event-cost-card";
import { PlanSteps } from "./plan-steps";
import { TopologyCompare } from "./topology-compare";

export function PlanDetails({ plan }: { plan: TOperationPlan }) {
  return (
    <details
      className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
      data-testid="approved-plan"
    >
      <summary className="cursor-pointer px-4 py-2.5 text-sm font-semibold">The plan the approvers saw</summary>
      <div className="space-y-6 border-t border-slate-200 p-4 dark:border-slate-800">
        <PlanSteps steps={plan.steps} testId="approved-plan-steps" />
        <div className="grid items-start gap-6 xl:grid-cols-2">
          <EstimateCard estimate={plan.estimate} targets={plan.targets} />
          <EventCostCard cost={plan.eventCost} />
        </div>
        <TopologyCompare before={plan.before} after={plan.after} />
        <ApprovalsNeeded policy={plan.policy} steps={plan.steps} />
        <p className="font-mono text-xs text-slate-500">plan {plan.planHash}</p>
      </div>
    </details>
  );
}
