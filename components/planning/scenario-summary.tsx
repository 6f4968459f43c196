"use client";

// The scenario's bottom line beside the baseline: total, difference, and its DR model's band.
import { Card } from "@/components/ui/layout";
import type { TCostResult } from "@/lib/cost";
import { formatDeltaUsd, formatUsd } from "@/lib/format";
import { label } from "@/lib/topology/words";

import { BandSummary } from "./band-summary";
import { factsOf } from "./dr-models";

export function ScenarioSummary({
  name,
  baseline,
  current,
}: {
  name: string;
  baseline: TCostResult;
  current: TCostResult;
}) {
  const deltaUsd = current.ok && baseline.ok ? current.cost.totalMonthlyUsd - baseline.cost.totalMonthlyUsd : null;
  const facts = current.ok ? factsOf(current.estate.deployment.drModel) : null;
  return (
    <Card title={name}>
      <div className="space-y-3">
        <div>
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Monthly cost</p>
          {/* aria-live: the total changes as controls move; a screen reader hears the new figure. */}
          <p className="text-2xl font-semibold tabular-nums" data-testid="scenario-total" aria-live="polite">
            {current.ok ? formatUsd(current.cost.totalMonthlyUsd) : "n/a"}
          </p>
          {deltaUsd !== null ? (
            <p className="text-sm tabular-nums text-slate-600 dark:text-slate-400">
              {formatDeltaUsd(deltaUsd)} against the baseline
            </p>
          ) : null}
        </div>
        {current.ok && facts ? (
          <>
            <BandSummary cost={current.cost} />
            <p className="text-xs text-slate-500">
              {label(facts.model)} recovers in {facts.rto} (RTO) and loses {facts.rpo} of data (RPO), per the seed
              article.
            </p>
          </>
        ) : (
          <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
            {current.ok ? null : current.error}
          </p>
        )}
      </div>
    </Card>
  );
}
