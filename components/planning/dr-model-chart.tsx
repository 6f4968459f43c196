"use client";

// What the deployment would cost under each DR model, labelled with the recovery the article says
// that model buys: the trade between monthly cost and RTO/RPO at a glance. The article gives RTO and
// RPO in words ("Minutes", "~0"), so they label the bars rather than being plotted as invented numbers.
import { useMemo } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
  type XAxisTickContentProps,
} from "recharts";

import { ChartTooltip } from "@/components/charts/chart-tooltip";
import { AXIS_TICK, ChartShell } from "@/components/ui/chart-shell";
import { drModelSweep, type TDrModel, type TEstate, type TPriceCatalog } from "@/lib/cost";
import { formatUsd, formatUsdShort } from "@/lib/format";
import { label } from "@/lib/topology/words";

import { factsOf } from "./dr-models";

type TRow = { model: TDrModel; name: string; totalMonthlyUsd: number; isCurrent: boolean };

function ModelTick({ x, y, payload }: XAxisTickContentProps) {
  const facts = factsOf(payload.value as TDrModel);
  return (
    <g transform={`translate(${x},${y})`}>
      <text textAnchor="middle" fill="var(--chart-axis)" fontSize={11}>
        <tspan x={0} dy={12} fontWeight={600}>
          {label(facts.model)}
        </tspan>
        <tspan x={0} dy={14}>{`RTO ${facts.rto} · RPO ${facts.rpo}`}</tspan>
      </text>
    </g>
  );
}

// The deployment's own model in full colour, the alternatives paler: "where we are" stands out.
function ModelBar(props: BarShapeProps) {
  const row = props.payload as TRow;
  return (
    <Rectangle
      x={props.x}
      y={props.y}
      width={props.width}
      height={props.height}
      fill="var(--series-0)"
      fillOpacity={row.isCurrent ? 1 : 0.45}
    />
  );
}

export function DrModelChart({ estate, catalog }: { estate: TEstate; catalog: TPriceCatalog }) {
  const sweep = useMemo(() => drModelSweep(estate, catalog), [estate, catalog]);
  const rows: TRow[] = sweep.flatMap(({ model, result }) =>
    result.ok
      ? [
          {
            model,
            name: label(model),
            totalMonthlyUsd: result.cost.totalMonthlyUsd,
            isCurrent: model === estate.deployment.drModel,
          },
        ]
      : [],
  );
  const refused = sweep.filter((entry) => !entry.result.ok);
  const describe = rows
    .map(
      (row) =>
        `${row.name}: ${formatUsd(row.totalMonthlyUsd)}, RTO ${factsOf(row.model).rto}, RPO ${factsOf(row.model).rpo}`,
    )
    .join("; ");

  return (
    <ChartShell
      title="Cost against RTO and RPO, per DR model (baseline estate)"
      description={`Monthly cost of the deployment under each DR model. ${describe}.`}
    >
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={rows} margin={{ top: 20, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} style={{ stroke: "var(--chart-grid)" }} />
          <XAxis dataKey="model" tick={ModelTick} height={40} interval={0} stroke="var(--chart-axis)" />
          <YAxis tickFormatter={formatUsdShort} tick={AXIS_TICK} stroke="var(--chart-axis)" width={64} />
          <Tooltip
            cursor={{ fill: "var(--chart-grid)", fillOpacity: 0.5 }}
            content={({ active, payload, label: model }) => (
              <ChartTooltip
                active={active}
                payload={payload}
                label={typeof model === "string" ? label(model) : model}
                formatValue={(value) => formatUsd(value)}
                formatTime={String}
              />
            )}
          />
          <Bar dataKey="totalMonthlyUsd" name="Monthly cost" shape={ModelBar} isAnimationActive={false} maxBarSize={80}>
            <LabelList
              dataKey="totalMonthlyUsd"
              position="top"
              fill="var(--chart-axis)"
              fontSize={11}
              formatter={(value) => (typeof value === "number" ? formatUsdShort(value) : value)}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <p className="text-xs text-slate-500">
        The deployment&rsquo;s own model ({label(estate.deployment.drModel)}) is the solid bar.
      </p>
      {refused.map(({ model, result }) => (
        <p key={model} role="alert" className="text-xs text-rose-600 dark:text-rose-400">
          {label(model)}: {result.ok ? null : result.error}
        </p>
      ))}
    </ChartShell>
  );
}
