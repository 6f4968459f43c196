"use client";

// The charts' tooltip, styled like the console in both themes: time, each series' value (not the
// values that only bridge a lost sample: chart-data.ts), then the annotations covering that instant.
import type { TooltipContentProps } from "recharts";

import type { Annotation } from "@/lib/telemetry/contracts";
import { ANNOTATION_KIND_LABELS } from "@/lib/telemetry/words";

export function ChartTooltip({
  active,
  payload,
  label,
  formatValue,
  formatTime,
  annotations = [],
}: Partial<Pick<TooltipContentProps, "active" | "payload" | "label">> & {
  formatValue: (value: number) => string;
  formatTime: (t: number) => string;
  annotations?: readonly Annotation[];
}) {
  if (!active || !payload?.length) return null;
  const bridged = (entry: (typeof payload)[number]) =>
    (entry.payload as Record<string, unknown> | undefined)?.[`b${String(entry.dataKey).slice(1)}`] === 1;
  const at = typeof label === "number" ? label : null;
  const events = at === null ? [] : annotations.filter((a) => a.startMs <= at && (a.endMs === null || a.endMs >= at));
  const rows = [...payload]
    .filter((entry) => typeof entry.value === "number" && !bridged(entry))
    .sort((a, b) => Number(b.value) - Number(a.value));
  return (
    <div className="max-w-xs rounded-md border border-slate-200 bg-white px-2.5 py-1.5 text-xs shadow-md dark:border-slate-700 dark:bg-slate-900">
      <p className="mb-1 font-medium text-slate-600 dark:text-slate-300">
        {typeof label === "number" ? formatTime(label) : label}
      </p>
      <ul className="space-y-0.5">
        {rows.slice(0, 12).map((entry) => (
          <li key={String(entry.dataKey)} className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className="inline-block h-0.5 w-3"
              style={{ background: entry.stroke ?? entry.color }}
            />
            <span className="truncate">{entry.name}</span>
            <span className="ml-auto pl-2 tabular-nums font-medium">{formatValue(Number(entry.value))}</span>
          </li>
        ))}
        {rows.length > 12 ? <li className="text-slate-500">and {rows.length - 12} more</li> : null}
      </ul>
      {events.length > 0 ? (
        <ul className="mt-1 space-y-0.5 border-t border-slate-200 pt-1 dark:border-slate-700">
          {events.slice(0, 4).map((event) => (
            <li key={event.id} className="flex items-center gap-2">
              <span
                aria-hidden="true"
                className="inline-block h-2 w-2 rounded-sm"
                style={{ background: `var(--annotation-${event.kind})` }}
              />
              <span className="truncate">
                {ANNOTATION_KIND_LABELS[event.kind]}: {event.title}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
