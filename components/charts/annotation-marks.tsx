"use client";

// Annotations under a chart's plot, as Grafana marks them: a strip aligned with the time axis with
// one mark per event (its span, or a notch for an instant), each naming the event, its detail and
// its local times on hover or focus. The regions themselves are drawn inside the chart (series-chart).
import { useState } from "react";

import { formatSpan } from "@/lib/format";
import type { Annotation } from "@/lib/telemetry/contracts";
import { ANNOTATION_KIND_LABELS } from "@/lib/telemetry/words";

/** Where an event lies along [fromMs, toMs], as fractions of the axis, clamped to it. */
export function spanOnAxis(annotation: Annotation, fromMs: number, toMs: number) {
  const at = (t: number) => Math.min(1, Math.max(0, (t - fromMs) / (toMs - fromMs)));
  return { start: at(annotation.startMs), end: at(annotation.endMs ?? toMs) };
}

export function AnnotationMarks({
  annotations,
  fromMs,
  toMs,
  plotLeft,
  plotRight,
}: {
  annotations: readonly Annotation[];
  fromMs: number;
  toMs: number;
  /** The plot's inset from the chart's left and right edges, in px (margin plus the Y axis). */
  plotLeft: number;
  plotRight: number;
}) {
  const [open, setOpen] = useState<string | null>(null);
  if (annotations.length === 0) return null;
  return (
    <div className="relative h-3" style={{ marginLeft: plotLeft, marginRight: plotRight }} data-testid="annotations">
      {annotations.map((annotation) => {
        const { start, end } = spanOnAxis(annotation, fromMs, toMs);
        const label = `${ANNOTATION_KIND_LABELS[annotation.kind]}: ${annotation.title}`;
        return (
          <div
            key={annotation.id}
            className="absolute top-0 h-3"
            style={{ left: `${start * 100}%`, width: `max(6px, ${(end - start) * 100}%)` }}
          >
            <button
              type="button"
              data-annotation-kind={annotation.kind}
              aria-label={`${label}, ${formatSpan(annotation.startMs, annotation.endMs)}`}
              onMouseEnter={() => setOpen(annotation.id)}
              onMouseLeave={() => setOpen(null)}
              onFocus={() => setOpen(annotation.id)}
              onBlur={() => setOpen(null)}
              className="block h-full w-full rounded-sm opacity-70 hover:opacity-100 focus:opacity-100 focus:outline-2 focus:outline-offset-1"
              style={{ background: `var(--annotation-${annotation.kind})` }}
            />
            {open === annotation.id ? (
              <div
                role="tooltip"
                className={`absolute top-4 z-10 w-64 rounded-md border border-slate-200 bg-white px-2.5 py-1.5 text-xs shadow-md dark:border-slate-700 dark:bg-slate-900 ${start > 0.6 ? "right-0" : "left-0"}`}
              >
                <p className="font-medium">{label}</p>
                {annotation.detail ? <p className="mt-0.5 break-words">{annotation.detail}</p> : null}
                <p className="mt-0.5 text-slate-500">{formatSpan(annotation.startMs, annotation.endMs)}</p>
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
