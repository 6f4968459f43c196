"use client";

// A small line of one series over the last 15 minutes, for the graph's side panel: read once when
// it opens, then extended by each live snapshot.
import { useState } from "react";
import { Line, LineChart, ReferenceLine, ResponsiveContainer, YAxis } from "recharts";

import { errorMessage } from "@/components/ui/error-text";
import { SERIES_COLOR_VARS } from "@/components/ui/series-palette";
import { useNow } from "@/components/ui/use-now";
import type { TSeries } from "@/lib/telemetry/contracts";

import { summarize, toRows } from "./chart-data";
import { liveWindow } from "./live-window";
import { useHistory } from "./use-history";

const FIFTEEN_MINUTES_MS = 15 * 60_000;

export function Sparkline({
  deploymentId,
  series,
  seriesKey,
  title,
  formatValue,
  reference,
}: {
  deploymentId: string;
  series: TSeries;
  seriesKey: string;
  title: string;
  formatValue: (value: number) => string;
  reference?: number;
}) {
  const now = useNow(5_000);
  // Read once up to the moment the panel opened; the live snapshots extend it (use-history.ts).
  const [queryWindow] = useState(() => liveWindow(Date.now(), FIFTEEN_MINUTES_MS));
  const history = useHistory(deploymentId, series, [seriesKey], { query: queryWindow, live: true });
  const fromMs = now - FIFTEEN_MINUTES_MS;
  const points = history.data?.series.find((one) => one.key === seriesKey)?.points ?? [];
  const rows = toRows([{ key: seriesKey, points }], "avg", fromMs, now, (history.data?.resolutionSeconds ?? 0) * 1000);
  const summary = summarize(points, fromMs, now);

  return (
    <figure className={`${SERIES_COLOR_VARS} space-y-1`}>
      <figcaption className="flex items-baseline justify-between gap-2 text-xs text-slate-600 dark:text-slate-400">
        <span>{title}</span>
        {summary ? <span className="tabular-nums">max {formatValue(summary.max)}</span> : null}
      </figcaption>
      {history.isError ? (
        <p role="alert" className="text-xs text-rose-600 dark:text-rose-400">
          {errorMessage(history.error)}
        </p>
      ) : rows.length === 0 ? (
        <p className="h-14 text-xs text-slate-500">
          {history.isPending ? "Loading…" : "No samples in the last 15 minutes."}
        </p>
      ) : (
        <div
          role="img"
          aria-label={`${title}: ${summary ? `median ${formatValue(summary.p50)}, highest ${formatValue(summary.max)}, latest ${formatValue(summary.latest)}` : "no samples"}`}
        >
          <ResponsiveContainer width="100%" height={56}>
            <LineChart data={rows} margin={{ top: 4, right: 2, bottom: 4, left: 2 }} accessibilityLayer={false}>
              <YAxis hide domain={[0, "auto"]} />
              {reference !== undefined ? (
                <ReferenceLine
                  y={reference}
                  stroke="var(--chart-rpo)"
                  strokeDasharray="4 3"
                  ifOverflow="extendDomain"
                />
              ) : null}
              <Line
                dataKey="s0"
                type="monotone"
                dot={false}
                isAnimationActive={false}
                stroke="var(--series-0)"
                strokeWidth={1.5}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
