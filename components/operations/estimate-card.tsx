// What the plan expects: recovery time by phase (the parts add up to the RTO shown; what runs
// before the fence is listed apart) and data loss now, each against the deployment's targets, in
// rose when it would miss them.
import { Card } from "@/components/ui/layout";
import { formatBytes, formatPlainSeconds, formatSeconds } from "@/lib/format";
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
  const outside = PHASES.filter((phase) => estimate.outsideRto[phase] !== undefined);
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
        <div className="mt-4" data-testid="plan-rto-phases">
          <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">RTO by phase</h3>
          <ul className="mt-1 grid gap-x-6 gap-y-0.5 text-sm sm:grid-cols-2">
            {phases.map((phase) => (
              <li key={phase} className="flex justify-between gap-2">
                <span>{PHASE_LABELS[phase]}</span>
                <span className="tabular-nums">{formatPlainSeconds(estimate.byPhase[phase] ?? 0)}</span>
              </li>
            ))}
            <li className="flex justify-between gap-2 font-semibold">
              {/* In plain seconds, as the parts are, so the sum can be checked by eye. */}
              <span>Estimated RTO</span>
              <span className="tabular-nums">{formatPlainSeconds(estimate.rtoSeconds)}</span>
            </li>
          </ul>
          <p className="mt-1 text-xs text-slate-500">Time waiting for approvals is not included.</p>
        </div>
      ) : null}
      {outside.length > 0 ? (
        <div className="mt-3">
          <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">
            While writes still flow (not in the RTO)
          </h3>
          <ul className="mt-1 grid gap-x-6 gap-y-0.5 text-sm sm:grid-cols-2">
            {outside.map((phase) => (
              <li key={phase} className="flex justify-between gap-2">
                <span>{PHASE_LABELS[phase]}</span>
                <span className="tabular-nums">{formatPlainSeconds(estimate.outsideRto[phase] ?? 0)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
