"use client";

// The planning charts' common frame: the console's chart colours (light and dark) as CSS variables,
// a title, and a description for screen readers, since an SVG chart says nothing by itself.
import type { ReactNode } from "react";

import { SERIES_COLOR_VARS } from "@/components/ui/series-palette";

// Band colours: inside the band reads as fine, outside as a warning, in both themes.
const BAND_COLOR_VARS =
  "[--band-fill:#bae6fd] dark:[--band-fill:#0c4a6e] [--band-in:#047857] dark:[--band-in:#34d399] [--band-out:#c2410c] dark:[--band-out:#fb923c]";

export const AXIS_TICK = { fill: "var(--chart-axis)", fontSize: 11 } as const;

export function ChartShell({
  title,
  description,
  children,
  ...data
}: { title: string; description: string; children: ReactNode } & Record<`data-${string}`, string>) {
  return (
    <figure className={`${SERIES_COLOR_VARS} ${BAND_COLOR_VARS} space-y-2 text-slate-500`} {...data}>
      <figcaption className="text-sm font-medium text-slate-700 dark:text-slate-300">{title}</figcaption>
      <p className="sr-only">{description}</p>
      {children}
    </figure>
  );
}
