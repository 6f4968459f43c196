// What running this operation costs, line by line, with the assumptions behind the figure.
import { Card } from "@/components/ui/layout";
import { formatUsd } from "@/lib/format";
import type { TEventCost } from "@/lib/operations/contracts";

export function EventCostCard({ cost }: { cost: TEventCost }) {
  return (
    <Card
      title="Event cost"
      actions={
        <span className="font-semibold tabular-nums" data-testid="event-cost-total">
          {formatUsd(cost.totalUsd)}
        </span>
      }
    >
      {cost.lines.length === 0 ? <p className="text-sm text-slate-500">Nothing billable.</p> : null}
      <ul className="space-y-1 text-sm">
        {cost.lines.map((line, index) => (
          <li key={`${line.label}-${index}`} className="flex justify-between gap-3">
            <span>{line.label}</span>
            <span className="tabular-nums">{formatUsd(line.usd)}</span>
          </li>
        ))}
      </ul>
      {cost.assumptions.length > 0 ? (
        <div className="mt-3">
          <h3 className="text-xs font-medium text-slate-600 dark:text-slate-400">Assumptions</h3>
          <ul className="mt-1 list-disc space-y-0.5 pl-4 text-xs text-slate-600 dark:text-slate-400">
            {cost.assumptions.map((assumption) => (
              <li key={assumption}>{assumption}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
