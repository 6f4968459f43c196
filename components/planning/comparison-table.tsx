// The options side by side: each category's monthly cost, the change against the baseline, the total
// and the multiplier against one region. The CSV export holds the same figures.
import type { ReactNode } from "react";

import { Table, Td, Th } from "@/components/ui/table";
import { COST_CATEGORIES, type TEstateCost } from "@/lib/cost";
import { formatBandRange, formatDeltaUsd, formatMultiplier, formatUsd } from "@/lib/format";
import { CATEGORY_LABEL } from "@/lib/planning/words";
import { label } from "@/lib/topology/words";

import type { TPlanOption } from "./plan-options";

function Amount({
  usd,
  baselineUsd,
  showDelta,
  strong,
}: {
  usd: number;
  baselineUsd: number;
  showDelta: boolean;
  strong?: boolean;
}) {
  return (
    <>
      <span className={`tabular-nums ${strong ? "font-semibold" : ""}`}>{formatUsd(usd)}</span>
      {showDelta ? (
        <div className="text-xs tabular-nums text-slate-500">{formatDeltaUsd(usd - baselineUsd)}</div>
      ) : null}
    </>
  );
}

// The shared Th is a column header (small capitals); a row's name reads as ordinary text.
function RowHeader({ className, children }: { className: string; children: ReactNode }) {
  return (
    <th
      scope="row"
      className={`border-b border-slate-100 px-3 py-2 text-left align-top font-medium dark:border-slate-800/60 ${className}`}
    >
      {children}
    </th>
  );
}

export function ComparisonTable({ options }: { options: readonly TPlanOption[] }) {
  const baseline: TEstateCost | undefined = options.find((option) => option.isBaseline)?.cost;
  return (
    <Table caption="Monthly cost by category for each option, with the difference from the baseline">
      <thead>
        <tr>
          <Th>Category</Th>
          {options.map((option) => (
            <Th key={option.name} className="text-right">
              {option.name}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {COST_CATEGORIES.map((category) => (
          <tr key={category}>
            <RowHeader className="text-slate-700 dark:text-slate-300">{CATEGORY_LABEL[category]}</RowHeader>
            {options.map((option) => (
              <Td key={option.name} className="text-right">
                <Amount
                  usd={option.cost.byCategory[category]}
                  baselineUsd={baseline?.byCategory[category] ?? 0}
                  showDelta={!option.isBaseline && !!baseline}
                />
              </Td>
            ))}
          </tr>
        ))}
        <tr className="bg-slate-50 dark:bg-slate-800/40">
          <RowHeader className="text-slate-900 dark:text-slate-100">Total</RowHeader>
          {options.map((option) => (
            <Td key={option.name} className="text-right">
              <Amount
                usd={option.cost.totalMonthlyUsd}
                baselineUsd={baseline?.totalMonthlyUsd ?? 0}
                showDelta={!option.isBaseline && !!baseline}
                strong
              />
            </Td>
          ))}
        </tr>
        <tr>
          <RowHeader className="text-slate-700 dark:text-slate-300">Multiplier</RowHeader>
          {options.map((option) => (
            <Td key={option.name} className="text-right">
              <span className="tabular-nums">{formatMultiplier(option.cost.multiplier)}</span>
              <div
                className={`text-xs ${option.cost.band.within ? "text-emerald-700 dark:text-emerald-400" : "text-amber-700 dark:text-amber-300"}`}
              >
                {label(option.cost.band.model)} {formatBandRange(option.cost.band)}:{" "}
                {option.cost.band.within ? "within" : "outside"}
              </div>
            </Td>
          ))}
        </tr>
      </tbody>
    </Table>
  );
}
