"use client";

// One line chart over a time range: a line per series (link, region or cluster) that breaks where
// samples are missing, an optional reference line (the RPO target), the range's faults, alerts and
// operations as marked regions (annotations), ticks at round local times, a legend, and axes and
// tooltip that read in both themes. The x-axis is the whole range, as Grafana draws it; a note says
// when the data begins well inside it.
import { useState } from "react";
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { SERIES_COLOR_VARS, seriesStroke } from "@/components/ui/series-palette";
import { formatLocalTime } from "@/lib/format";
import type { Annotation, HistorySeries } from "@/lib/telemetry/contracts";

import { AnnotationMarks, spanOnAxis } from "./annotation-marks";
import { aloneColumnOf, columnOf, pointTimeFormat, timeTickFormat, timeTicks, toRows, type Stat } from "./chart-data";
import { ChartLegend } from "./chart-legend";
import { ChartTooltip } from "./chart-tooltip";

export type ChartSeries = HistorySeries & { name: string };

const MARGIN = { top: 8, right: 16, bottom: 0, left: 8 };
const Y_AXIS_WIDTH = 72;
/** Data that begins later than this share of the range into it gets a note saying so. */
const LATE_START = 0.05;

export function SeriesChart({
  series,
  stat,
  fromMs,
  toMs,
  stepMs = 0,
  annotations = [],
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
  /** The history's resolution: holes wider than about two of these are gaps. */
  stepMs?: number;
  annotations?: readonly Annotation[];
  formatValue: (value: number) => string;
  yDomain?: [number, number | "auto" | ((dataMax: number) => number)];
  reference?: { value: number; label: string };
  height?: number;
  /** What the chart shows, for screen readers. */
  description: string;
}) {
  const [hidden, setHidden] = useState<ReadonlySet<number>>(new Set());
  const rows = toRows(series, stat, fromMs, toMs, stepMs);
  const ticks = timeTicks(fromMs, toMs);
  const formatTick = timeTickFormat(ticks.length > 1 ? ticks[1]! - ticks[0]! : toMs - fromMs);
  const formatPoint = pointTimeFormat(stepMs, toMs - fromMs);
  const domain = yDomain ?? [0, "auto"];
  const shown = annotations.filter((a) => a.startMs <= toMs && (a.endMs ?? toMs) >= fromMs);
  const kinds = [...new Set(shown.map((a) => a.kind))].sort();
  const firstMs = rows.find((row) => series.some((_, index) => typeof row[columnOf(index)] === "number"))?.t;
  const toggle = (index: number) =>
    setHidden((current) => {
      const next = new Set(current);
      if (!next.delete(index)) next.add(index);
      return next;
    });

  return (
    <div className={`${SERIES_COLOR_VARS} text-slate-500`} role="figure" aria-label={description}>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={MARGIN}>
          <CartesianGrid strokeDasharray="3 3" style={{ stroke: "var(--chart-grid)" }} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[fromMs, toMs]}
            allowDataOverflow
            ticks={ticks}
            interval={0}
            tickFormatter={formatTick}
            tick={{ fill: "var(--chart-axis)", fontSize: 11 }}
            stroke="var(--chart-axis)"
          />
          <YAxis
            domain={domain}
            tickFormatter={formatValue}
            tick={{ fill: "var(--chart-axis)", fontSize: 11 }}
            stroke="var(--chart-axis)"
            width={Y_AXIS_WIDTH}
            allowDataOverflow={false}
          />
          {shown.map((annotation) => {
            const { start, end } = spanOnAxis(annotation, fromMs, toMs);
            const x1 = fromMs + start * (toMs - fromMs);
            const x2 = fromMs + end * (toMs - fromMs);
            const colour = `var(--annotation-${annotation.kind})`;
            return x2 - x1 > (toMs - fromMs) / 500 ? (
              <ReferenceArea
                key={annotation.id}
                x1={x1}
                x2={x2}
                ifOverflow="hidden"
                style={{ fill: colour, fillOpacity: 0.1, stroke: colour, strokeOpacity: 0.5 }}
              />
            ) : (
              <ReferenceLine
                key={annotation.id}
                x={x1}
                ifOverflow="hidden"
                style={{ stroke: colour }}
                strokeDasharray="4 2"
              />
            );
          })}
          <Tooltip
            content={({ active, payload, label }) => (
              <ChartTooltip
                active={active}
                payload={payload}
                label={label}
                formatValue={formatValue}
                formatTime={formatPoint}
                annotations={shown}
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
          {series.map((one, index) => {
            const stroke = seriesStroke(index);
            return (
              <Line
                key={one.key}
                dataKey={columnOf(index)}
                name={one.name}
                type="monotone"
                hide={hidden.has(index)}
                // A point between two gaps draws no line: it gets a dot of the line's colour.
                dot={(props: { cx?: number; cy?: number; index?: number; payload?: Record<string, unknown> }) =>
                  props.payload?.[aloneColumnOf(index)] === 1 && props.cx !== undefined && props.cy !== undefined ? (
                    <circle key={props.index} cx={props.cx} cy={props.cy} r={2.5} style={{ fill: stroke.stroke }} />
                  ) : (
                    <g key={props.index} />
                  )
                }
                activeDot={{ r: 3 }}
                connectNulls={false}
                isAnimationActive={false}
                strokeWidth={1.75}
                {...stroke}
              />
            );
          })}
        </LineChart>
      </ResponsiveContainer>
      <AnnotationMarks
        annotations={shown}
        fromMs={fromMs}
        toMs={toMs}
        plotLeft={MARGIN.left + Y_AXIS_WIDTH}
        plotRight={MARGIN.right}
      />
      <ChartLegend names={series.map((one) => one.name)} hidden={hidden} onToggle={toggle} annotationKinds={kinds} />
      {firstMs !== undefined && firstMs - fromMs > LATE_START * (toMs - fromMs) ? (
        <p className="px-2 pt-1 text-xs text-slate-500" data-testid="data-begins">
          Samples begin at {formatLocalTime(firstMs)}: nothing was recorded in this range before then.
        </p>
      ) : null}
    </div>
  );
}
