// History series shaped for Recharts (one row per instant, one column per series) and summed up
// per series for the tables under the charts.
import type { HistoryPoint, HistorySeries } from "@/lib/telemetry/contracts";

export type Stat = "min" | "p50" | "p95" | "max" | "avg";
export type ChartRow = { t: number } & Record<string, number>;

/** Column names are s0, s1…: series keys are ids, and Recharts reads dots in a dataKey as paths. */
export const columnOf = (index: number) => `s${index}`;

export function toRows(series: readonly HistorySeries[], stat: Stat, fromMs: number, toMs: number): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  series.forEach((one, index) => {
    for (const point of one.points) {
      if (point.t < fromMs || point.t > toMs) continue;
      const row = rows.get(point.t) ?? ({ t: point.t } as ChartRow);
      row[columnOf(index)] = point[stat];
      rows.set(point.t, row);
    }
  });
  return [...rows.values()].sort((a, b) => a.t - b.t);
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

export function timeTickFormat(rangeMs: number): (t: number) => string {
  const options: Intl.DateTimeFormatOptions =
    rangeMs <= 2 * 3_600_000
      ? { hour: "2-digit", minute: "2-digit", second: rangeMs <= 10 * 60_000 ? "2-digit" : undefined }
      : rangeMs <= 2 * 86_400_000
        ? { hour: "2-digit", minute: "2-digit" }
        : { month: "short", day: "numeric", hour: "2-digit" };
  const format = new Intl.DateTimeFormat(undefined, options);
  return (t: number) => format.format(new Date(t));
}
