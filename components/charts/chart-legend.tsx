"use client";

// The legend under every chart: each series' colour and dash as its line draws it, a button that
// hides or shows the series (as Grafana's legend does), and the kinds of annotation drawn.
import { seriesStroke } from "@/components/ui/series-palette";
import type { TAnnotationKind } from "@/lib/telemetry/contracts";
import { ANNOTATION_KIND_LABELS } from "@/lib/telemetry/words";

export function ChartLegend({
  names,
  hidden,
  onToggle,
  annotationKinds,
}: {
  names: readonly string[];
  hidden: ReadonlySet<number>;
  onToggle: (index: number) => void;
  annotationKinds: readonly TAnnotationKind[];
}) {
  return (
    <ul data-testid="chart-legend" aria-label="Legend" className="flex flex-wrap gap-x-3 gap-y-1 px-2 pt-1 text-xs">
      {names.map((name, index) => {
        const stroke = seriesStroke(index);
        const off = hidden.has(index);
        return (
          <li key={index}>
            <button
              type="button"
              aria-pressed={!off}
              title={off ? `Show ${name}` : `Hide ${name}`}
              onClick={() => onToggle(index)}
              className={`flex items-center gap-1.5 rounded px-1 hover:bg-slate-100 dark:hover:bg-slate-800 ${off ? "text-slate-400 line-through dark:text-slate-600" : "text-slate-700 dark:text-slate-300"}`}
            >
              <svg aria-hidden="true" width="18" height="6">
                <line
                  x1="0"
                  y1="3"
                  x2="18"
                  y2="3"
                  strokeWidth="2.5"
                  style={{ stroke: off ? "var(--chart-grid)" : stroke.stroke }}
                  strokeDasharray={stroke.strokeDasharray}
                />
              </svg>
              {name}
            </button>
          </li>
        );
      })}
      {annotationKinds.map((kind) => (
        <li key={kind} className="flex items-center gap-1.5 px-1 text-slate-600 dark:text-slate-400">
          <span
            aria-hidden="true"
            className="inline-block h-2.5 w-3 rounded-sm opacity-60"
            style={{ background: `var(--annotation-${kind})` }}
          />
          {ANNOTATION_KIND_LABELS[kind]}
        </li>
      ))}
    </ul>
  );
}
