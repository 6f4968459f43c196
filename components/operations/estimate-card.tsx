// What the plan expects: recovery time by phase and data loss now, each against the deployment's
// targets, in rose when it would miss them.
import { Card } from "@/components/ui/layout";
import { formatBytes, formatSeconds } from "@/lib/format";
import { PHASES, type TPlanEstimate } from "@/lib/operations/contracts";
import { PHASE_LABELS } from "@/lib/operations/words";

import { Figure } from "./figure";

export function EstimateCard({
  estimate,
  targets,
}: {
  estimate: TPlanEstimate;
  targets: { rtoSeconds: number; rpoSeconds: number };
}) {
  const phases = PHASES.filter((phase) => estimate.byPhase[phase] !== undefined);
  return (
    <Card title="Estimate">
      <dl className="grid gap-4 sm:grid-cols-3" data-testid="plan-estimate">
        <Figure
          term="Estimated RTO"
          over={estimate.rtoSeconds > targets.rtoSeconds}
          against={`target ${formatSeconds(targets.rtoSeconds)}`}
        >
          {formatSeconds(estimate.rtoSeconds)}
        </Figure>
        <Figure
          term="Lag now"
          against={`RPO target ${formatSeconds(targets.rpoSeconds)}`}
          over={estimate.lagSeconds !== null && estimate.lagSeconds > targets.rpoSeconds}
        >
          {estimate.lagSeconds === null ? "not measured yet" : formatSeconds(estimate.lagSeconds)}
        </Figure>
        <Figure
          term="Estimated data loss"
          over={estimate.dataLossSeconds > targets.rpoSeconds}
          against={`RPO target ${formatSeconds(targets.rpoSeconds)}`}
        >
          {formatSeconds(estimate.dataLossSeconds)} · {formatBytes(estimate.dataLossBytes)}
        </Figure>
      </dl>
      {phases.length > 0 ? (
        <div className="mt-4">
          <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">RTO by phase</h3>
          <ul className="mt-1 grid gap-x-6 gap-y-0.5 text-sm sm:grid-cols-2">
            {phases.map((phase) => (
              <li key={phase} className="flex justify-between gap-2">
                <span>{PHASE_LABELS[phase]}</span>
                <span className="tabular-nums">{formatSeconds(estimate.byPhase[phase])}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
