"use client";

// The phases as horizontal bars: where the recovery time went, at a glance.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { ChartTooltip } from "@/components/charts/chart-tooltip";
import { AXIS_TICK, ChartShell } from "@/components/ui/chart-shell";
import { formatSeconds } from "@/lib/format";
import { type TPhaseMeasure } from "@/lib/operations/contracts";
import { PHASE_LABELS } from "@/lib/operations/words";

export function PhaseChart({ phases }: { phases: readonly TPhaseMeasure[] }) {
  const rows = phases.map((measure) => ({ phase: PHASE_LABELS[measure.phase], seconds: measure.seconds }));
  return (
    <ChartShell
      title="Time by phase"
      description={`Horizontal bars of seconds per phase: ${rows.map((row) => `${row.phase} ${formatSeconds(row.seconds)}`).join(", ")}.`}
      data-testid="phase-chart"
    >
      <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 30 + 40)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} style={{ stroke: "var(--chart-grid)" }} />
          <XAxis type="number" unit=" s" tick={AXIS_TICK} stroke="var(--chart-axis)" />
          <YAxis type="category" dataKey="phase" width={120} tick={AXIS_TICK} stroke="var(--chart-axis)" interval={0} />
          <Tooltip
            cursor={{ fill: "var(--chart-grid)", fillOpacity: 0.5 }}
            content={({ active, payload, label }) => (
              <ChartTooltip
                active={active}
                payload={payload}
                label={label}
                formatValue={formatSeconds}
                formatTime={String}
              />
            )}
          />
          <Bar dataKey="seconds" name="Seconds" fill="var(--series-0)" isAnimationActive={false} maxBarSize={22} />
        </BarChart>
      </ResponsiveContainer>
    </ChartShell>
  );
}
