"use client";

// Each option's multiplier against one region, drawn over the band its DR model should land in.
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type DotItemDotProps,
} from "recharts";

import { AXIS_TICK, ChartShell } from "@/components/ui/chart-shell";
import { formatBandRange, formatMultiplier } from "@/lib/format";
import { label } from "@/lib/topology/words";

import type { TPlanOption } from "./plan-options";

type TRow = { name: string; band: [number, number]; multiplier: number | null; within: boolean };

// Styled like the console's chart tooltip (components/charts/chart-tooltip.tsx), readable in both themes.
function BandTip({ row }: { row: TRow }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white px-2.5 py-1.5 text-xs shadow-md dark:border-slate-700 dark:bg-slate-900">
      <p className="mb-1 font-medium text-slate-600 dark:text-slate-300">{row.name}</p>
      <p>
        Multiplier <span className="font-medium tabular-nums">{formatMultiplier(row.multiplier)}</span>, band{" "}
        {formatBandRange({ lowX: row.band[0], highX: row.band[1] })}: {row.within ? "within" : "outside"}
      </p>
    </div>
  );
}

// Green inside the band, orange outside: the table and the description say the same in words.
function MultiplierDot({ cx, cy, payload }: DotItemDotProps) {
  if (typeof cx !== "number" || typeof cy !== "number") return null;
  const colour = (payload as TRow).within ? "var(--band-in)" : "var(--band-out)";
  return <circle cx={cx} cy={cy} r={6} fill={colour} stroke={colour} />;
}

export function BandChart({ options }: { options: readonly TPlanOption[] }) {
  // A range bar ([low, high]) draws the band; the multiplier is a dot on it.
  const rows: TRow[] = options.map((option) => ({
    name: option.name,
    band: [option.cost.band.lowX, option.cost.band.highX],
    multiplier: option.cost.multiplier,
    within: option.cost.band.within,
  }));
  const highest = Math.max(
    3,
    ...options.map((option) => option.cost.multiplier ?? 0),
    ...options.map((option) => option.cost.band.highX),
  );
  const describe = options
    .map(
      (option) =>
        `${option.name}: ${formatMultiplier(option.cost.multiplier)}, ${label(option.cost.band.model)} band ${formatBandRange(option.cost.band)}, ${option.cost.band.within ? "within" : "outside"}`,
    )
    .join("; ");

  return (
    <ChartShell
      title="Multiplier against the DR model's band"
      description={`Cost multiplier against one region per option, with its DR model's band. ${describe}.`}
    >
      <ResponsiveContainer width="100%" height={Math.max(140, 56 * rows.length + 60)}>
        <ComposedChart data={rows} layout="vertical" margin={{ top: 8, right: 48, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} style={{ stroke: "var(--chart-grid)" }} />
          <XAxis
            type="number"
            domain={[0, Math.ceil(highest * 2) / 2 + 0.5]}
            tickFormatter={(value: number) => `${value}x`}
            tick={AXIS_TICK}
            stroke="var(--chart-axis)"
          />
          <YAxis type="category" dataKey="name" tick={AXIS_TICK} stroke="var(--chart-axis)" width={140} />
          <Tooltip
            cursor={{ fill: "var(--chart-grid)", fillOpacity: 0.5 }}
            content={({ active, payload }) =>
              active && payload?.[0] ? <BandTip row={payload[0].payload as TRow} /> : null
            }
          />
          <Bar dataKey="band" name="DR model band" fill="var(--band-fill)" isAnimationActive={false} barSize={18} />
          {/* No stroke: the dots are the data, joined they would suggest a trend between options. */}
          <Line
            dataKey="multiplier"
            name="Multiplier"
            stroke="none"
            isAnimationActive={false}
            dot={MultiplierDot}
            activeDot={false}
          >
            <LabelList
              dataKey="multiplier"
              position="right"
              fill="var(--chart-axis)"
              fontSize={11}
              formatter={(value) => (typeof value === "number" ? formatMultiplier(value) : "")}
            />
          </Line>
        </ComposedChart>
      </ResponsiveContainer>
      <p className="text-xs text-slate-500">
        Shaded bar: the band of the option&rsquo;s DR model. Dot: its multiplier, green inside the band, orange outside.
      </p>
    </ChartShell>
  );
}
