// What the deployment's approval policy asks of this runbook before and during the run.
import { Card } from "@/components/ui/layout";
import { formatSeconds } from "@/lib/format";
import type { TPlannedStep, TPolicySummary } from "@/lib/operations/contracts";

import { approvalWords } from "./policy-words";

export function ApprovalsNeeded({ policy, steps }: { policy: TPolicySummary; steps: readonly TPlannedStep[] }) {
  return (
    <Card title="Approvals">
      <p className="text-sm font-medium" data-testid="plan-approvals">
        {approvalWords(policy, steps)}
      </p>
      {policy.approvalsRequired > 0 ? (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          The requester cannot approve their own operation. An approval is bound to this plan and to the lag it quotes:
          if the lag moves by more than {formatSeconds(policy.lagToleranceSeconds)} or the topology changes before the
          step runs, the approval lapses and is asked for again.
        </p>
      ) : null}
    </Card>
  );
}
