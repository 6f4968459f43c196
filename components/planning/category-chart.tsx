"use client";

// Each option's monthly cost as one bar, stacked by category: where a scenario saves or spends.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { ChartTooltip } from "@/components/charts/chart-tooltip";
import { AXIS_TICK, ChartShell } from "@/components/ui/chart-shell";
import { COST_CATEGORIES } from "@/lib/cost";
import { formatUsd, formatUsdShort } from "@/lib/format";
import { CATEGORY_LABEL } from "@/lib/planning/words";

import type { TPlanOption } from "./plan-options";

export function CategoryChart({ options }: { options: readonly TPlanOption[] }) {
  const rows = options.map((option) => ({ option: option.name, ...option.cost.byCategory }));
  const names = options.map((option) => option.name);
  return (
    <ChartShell
      title="Monthly cost by category"
      description={`Stacked bars of monthly cost by category for ${names.join(", ")}.`}
      data-testid="category-chart"
      data-series={names.join(",")}
    >
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} style={{ stroke: "var(--chart-grid)" }} />
          <XAxis dataKey="option" tick={AXIS_TICK} stroke="var(--chart-axis)" interval={0} />
          <YAxis tickFormatter={formatUsdShort} tick={AXIS_TICK} stroke="var(--chart-axis)" width={64} />
          <Tooltip
            cursor={{ fill: "var(--chart-grid)", fillOpacity: 0.5 }}
            content={({ active, payload, label }) => (
              <ChartTooltip
                active={active}
                payload={payload}
                label={label}
                formatValue={(value) => formatUsd(value)}
                formatTime={String}
              />
            )}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {COST_CATEGORIES.map((category, index) => (
            <Bar
              key={category}
              dataKey={category}
              name={CATEGORY_LABEL[category]}
              stackId="cost"
              fill={`var(--series-${index})`}
              isAnimationActive={false}
              maxBarSize={72}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartShell>
  );
}
