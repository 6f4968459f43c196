"use client";

// Total monthly cost as replication volume goes from none to three times today's, per option:
// the slope is what each extra GB/day of replication costs.
import { useMemo } from "react";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { ChartTooltip } from "@/components/charts/chart-tooltip";
import { AXIS_TICK, ChartShell } from "@/components/ui/chart-shell";
import { seriesStroke } from "@/components/ui/series-palette";
import { type TPriceCatalog } from "@/lib/cost";
import { formatUsd, formatUsdShort } from "@/lib/format";

import type { TPlanOption } from "./plan-options";
import { VOLUME_FACTORS, volumeSweep } from "./scenario-math";

const formatFactor = (factor: number) => `${factor}×`;

export function VolumeChart({ options, catalog }: { options: readonly TPlanOption[]; catalog: TPriceCatalog }) {
  // Thirteen pricings per option: redone only when the options themselves change.
  const sweeps = useMemo(
    () => options.map((option) => ({ name: option.name, points: volumeSweep(option.estate, catalog) })),
    [options, catalog],
  );
  const plotted = sweeps.filter((sweep) => sweep.points.length > 0);
  const rows = VOLUME_FACTORS.map((factor, index) => ({
    factor,
    ...Object.fromEntries(plotted.map((sweep, s) => [`o${s}`, sweep.points[index]?.totalMonthlyUsd ?? null])),
  }));

  return (
    <ChartShell
      title="Cost against replication volume"
      description="Lines of total monthly cost per option as every replication link carries from zero to three times today's volume."
    >
      {plotted.length === 0 ? (
        <p className="text-sm text-slate-500">No option replicates between regions, so volume changes nothing.</p>
      ) : (
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" style={{ stroke: "var(--chart-grid)" }} />
            <XAxis
              dataKey="factor"
              type="number"
              domain={[0, 3]}
              ticks={[0, 0.5, 1, 1.5, 2, 2.5, 3]}
              tickFormatter={formatFactor}
              tick={AXIS_TICK}
              stroke="var(--chart-axis)"
            />
            <YAxis
              tickFormatter={formatUsdShort}
              tick={AXIS_TICK}
              stroke="var(--chart-axis)"
              width={64}
              domain={["auto", "auto"]}
            />
            <Tooltip
              content={({ active, payload, label }) => (
                <ChartTooltip
                  active={active}
                  payload={payload}
                  label={label}
                  formatValue={(value) => formatUsd(value)}
                  formatTime={(factor) => `${factor}× today's volume`}
                />
              )}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <ReferenceLine
              x={1}
              stroke="var(--chart-axis)"
              strokeDasharray="4 4"
              label={{ value: "today", position: "insideTopLeft", fill: "var(--chart-axis)", fontSize: 11 }}
            />
            {plotted.map((sweep, index) => (
              <Line
                key={sweep.name}
                dataKey={`o${index}`}
                name={sweep.name}
                type="linear"
                dot={false}
                isAnimationActive={false}
                strokeWidth={2}
                {...seriesStroke(index)}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      )}
    </ChartShell>
  );
}
