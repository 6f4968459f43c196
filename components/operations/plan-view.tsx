// The plan as the operator (and later the approvers) see it: steps, topology before and after,
// the estimate against the targets, what the event costs, the checks and the approvals needed.
import type { TOperationPlan } from "@/lib/operations/contracts";

import { ApprovalsNeeded } from "./approvals-needed";
import { ChecksList } from "./checks-list";
import { EstimateCard } from "./estimate-card";
import { EventCostCard } from "./event-cost-card";
import { PlanSteps } from "./plan-steps";
import { TopologyCompare } from "./topology-compare";

export function PlanView({ plan }: { plan: TOperationPlan }) {
  return (
    <div className="space-y-6">
      <PlanSteps steps={plan.steps} />
      <TopologyCompare before={plan.before} after={plan.after} />
      <div className="grid items-start gap-6 xl:grid-cols-2">
        <EstimateCard estimate={plan.estimate} targets={plan.targets} />
        <EventCostCard cost={plan.eventCost} />
      </div>
      <div className="grid items-start gap-6 xl:grid-cols-2">
        <ChecksList checks={plan.checks} />
        <ApprovalsNeeded policy={plan.policy} steps={plan.steps} />
      </div>
    </div>
  );
}
