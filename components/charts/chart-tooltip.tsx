"use client";

// The charts' tooltip, styled like the console in both themes: time, then each series' value.
import type { TooltipContentProps } from "recharts";

export function ChartTooltip({
  active,
  payload,
  label,
  formatValue,
  formatTime,
}: Partial<Pick<TooltipContentProps, "active" | "payload" | "label">> & {
  formatValue: (value: number) => string;
  formatTime: (t: number) => string;
}) {
  if (!active || !payload?.length) return null;
  const rows = [...payload]
    .filter((entry) => typeof entry.value === "number")
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
    </div>
  );
}
