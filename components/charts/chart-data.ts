// History series shaped for Recharts (one row per instant, one column per series) and summed up
// per series for the tables under the charts.
import { scaleTime } from "d3-scale";

import type { HistoryPoint, HistorySeries } from "@/lib/telemetry/contracts";

export type Stat = "min" | "p50" | "p95" | "max" | "avg";
/**
 * One instant of a chart. Column s<i> is series i's value, null where it has no data (a gap: the
 * line breaks, connectNulls is off); b<i> = 1 where s<i> only bridges a hole shorter than the gap
 * threshold (drawn, left out of the tooltip); d<i> = 1 where a point stands alone between gaps (a
 * line of one point draws nothing, so it gets a dot).
 */
export type ChartRow = { t: number } & Record<string, number | null>;

/** Column names are s0, s1…: series keys are ids, and Recharts reads dots in a dataKey as paths. */
export const columnOf = (index: number) => `s${index}`;
export const bridgeColumnOf = (index: number) => `b${index}`;
export const aloneColumnOf = (index: number) => `d${index}`;

/** A hole longer than this many points' spacing is a gap: a sample or two lost to jitter is not. */
const GAP_FACTOR = 2;

function medianSpacing(times: readonly number[]): number {
  const spacings = times.slice(1).map((t, i) => t - times[i]!);
  return spacings.length === 0 ? 0 : quantile(spacings, 0.5);
}

/**
 * The rows of a chart: one per instant any series has a point, plus one just after each gap's
 * start where the series is explicitly null. A series' spacing is the larger of the step and its
 * usual spacing (the observer may sample slower than the step); a hole wider than GAP_FACTOR
 * spacings is a gap.
 */
export function toRows(
  series: readonly HistorySeries[],
  stat: Stat,
  fromMs: number,
  toMs: number,
  stepMs = 0,
): ChartRow[] {
  const inRange = series.map((one) =>
    one.points.filter((point) => point.t >= fromMs && point.t <= toMs).sort((a, b) => a.t - b.t),
  );
  const gapMs = inRange.map((points) => GAP_FACTOR * Math.max(stepMs, medianSpacing(points.map((p) => p.t))));
  const times = new Set<number>();
  inRange.forEach((points, index) => {
    points.forEach((point, i) => {
      times.add(point.t);
      const next = points[i + 1];
      // The explicit null that breaks the line: one spacing after the last point before the gap.
      if (next && next.t - point.t > gapMs[index]!) times.add(point.t + gapMs[index]! / GAP_FACTOR);
    });
  });
  const rows = [...times].sort((a, b) => a - b).map((t) => ({ t }) as ChartRow);
  inRange.forEach((points, index) => {
    const column = columnOf(index);
    let at = 0; // the first point at or after the row's instant
    for (const row of rows) {
      while (at < points.length && points[at]!.t < row.t) at++;
      const point = points[at];
      const previous = points[at - 1];
      if (point?.t === row.t) {
        row[column] = point[stat];
        const before = points[at - 1];
        const after = points[at + 1];
        const alone = (!before || point.t - before.t > gapMs[index]!) && (!after || after.t - point.t > gapMs[index]!);
        if (alone) row[aloneColumnOf(index)] = 1;
      } else if (point && previous && point.t - previous.t <= gapMs[index]!) {
        // A short hole (another series' instant, or a lost sample): the line passes straight through.
        const share = (row.t - previous.t) / (point.t - previous.t);
        row[column] = previous[stat] + (point[stat] - previous[stat]) * share;
        row[bridgeColumnOf(index)] = 1;
      } else {
        row[column] = null;
      }
    }
  });
  return rows;
}

/** The value below which `fraction` of the values lie (nearest rank). */
export function quantile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}

export type Summary = { p50: number; p95: number; max: number; latest: number };

/**
 * Over a range of buckets: the median of the buckets' medians, the 95th percentile of their p95s
 * and the largest maximum. Bucket percentiles cannot be merged exactly; these are close for charts.
 */
export function summarize(points: readonly HistoryPoint[], fromMs = -Infinity, toMs = Infinity): Summary | null {
  const inRange = points.filter((point) => point.t >= fromMs && point.t <= toMs);
  if (inRange.length === 0) return null;
  return {
    p50: quantile(
      inRange.map((point) => point.p50),
      0.5,
    ),
    p95: quantile(
      inRange.map((point) => point.p95),
      0.95,
    ),
    max: Math.max(...inRange.map((point) => point.max)),
    latest: inRange.reduce((newest, point) => (point.t > newest.t ? point : newest)).avg,
  };
}

/** About `count` ticks over [fromMs, toMs] at round local times (whole minutes, hours, days…), by d3-scale. */
export function timeTicks(fromMs: number, toMs: number, count = 6): number[] {
  return scaleTime()
    .domain([new Date(fromMs), new Date(toMs)])
    .ticks(count)
    .map((date) => date.getTime());
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** How ticks `tickSpacingMs` apart read: seconds when they are under a minute apart, dates when a day or more. */
export function timeTickFormat(tickSpacingMs: number): (t: number) => string {
  const options: Intl.DateTimeFormatOptions =
    tickSpacingMs < MINUTE_MS
      ? { hour: "2-digit", minute: "2-digit", second: "2-digit" }
      : tickSpacingMs < DAY_MS
        ? { hour: "2-digit", minute: "2-digit" }
        : { month: "short", day: "numeric" };
  const format = new Intl.DateTimeFormat(undefined, options);
  return (t: number) => format.format(new Date(t));
}

/** How the tooltip names an instant: to the second for fine steps, to the minute otherwise, with the date on ranges over a day. */
export function pointTimeFormat(stepMs: number, rangeMs: number): (t: number) => string {
  const format = new Intl.DateTimeFormat(undefined, {
    ...(rangeMs > DAY_MS ? { month: "short", day: "numeric" } : {}),
    hour: "2-digit",
    minute: "2-digit",
    ...(stepMs < MINUTE_MS || stepMs % MINUTE_MS !== 0 ? { second: "2-digit" } : {}),
  });
  return (t: number) => format.format(new Date(t));
}
