"use client";

// One line chart over a time range: a line per series (link, region or cluster), an optional
// reference line (the RPO target), axes and tooltip that read in both themes.
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { SERIES_COLOR_VARS, seriesStroke } from "@/components/ui/series-palette";
import type { HistorySeries } from "@/lib/telemetry/contracts";

import { columnOf, timeTickFormat, toRows, type Stat } from "./chart-data";
import { ChartTooltip } from "./chart-tooltip";

export type ChartSeries = HistorySeries & { name: string };

export function SeriesChart({
  series,
  stat,
  fromMs,
  toMs,
  formatValue,
  yDomain,
  reference,
  height = 240,
  description,
}: {
  series: readonly ChartSeries[];
  stat: Stat;
  fromMs: number;
  toMs: number;
  formatValue: (value: number) => string;
  yDomain?: [number, number | "auto" | ((dataMax: number) => number)];
  reference?: { value: number; label: string };
  height?: number;
  /** What the chart shows, for screen readers. */
  description: string;
}) {
  const rows = toRows(series, stat, fromMs, toMs);
  const formatTime = timeTickFormat(toMs - fromMs);
  const domain = yDomain ?? [0, "auto"];

  return (
    <div className={`${SERIES_COLOR_VARS} text-slate-500`} role="figure" aria-label={description}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" style={{ stroke: "var(--chart-grid)" }} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[fromMs, toMs]}
            allowDataOverflow
            tickFormatter={formatTime}
            tick={{ fill: "var(--chart-axis)", fontSize: 11 }}
            stroke="var(--chart-axis)"
            minTickGap={40}
          />
          <YAxis
            domain={domain}
            tickFormatter={formatValue}
            tick={{ fill: "var(--chart-axis)", fontSize: 11 }}
            stroke="var(--chart-axis)"
            width={72}
            allowDataOverflow={false}
          />
          <Tooltip
            content={({ active, payload, label }) => (
              <ChartTooltip
                active={active}
                payload={payload}
                label={label}
                formatValue={formatValue}
                formatTime={formatTime}
              />
            )}
          />
          {reference ? (
            <ReferenceLine
              y={reference.value}
              stroke="var(--chart-rpo)"
              strokeDasharray="6 4"
              strokeWidth={1.5}
              ifOverflow="extendDomain"
              label={{
                value: reference.label,
                position: "insideTopRight",
                fill: "var(--chart-rpo)",
                fontSize: 12,
                fontWeight: 600,
              }}
            />
          ) : null}
          {series.map((one, index) => (
            <Line
              key={one.key}
              dataKey={columnOf(index)}
              name={one.name}
              type="monotone"
              dot={false}
              connectNulls
              isAnimationActive={false}
              strokeWidth={1.75}
              {...seriesStroke(index)}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
