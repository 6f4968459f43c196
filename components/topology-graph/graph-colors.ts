// Colours of the graph that must read on both themes: CSS variables set on the graph's container
// per theme, used in inline SVG styles (React Flow's own stylesheet would win over utility classes).
import type { RegionStatus } from "@/lib/telemetry/contracts";

export const GRAPH_COLOR_VARS =
  "[--graph-ok:#059669] dark:[--graph-ok:#34d399] [--graph-bad:#e11d48] dark:[--graph-bad:#fb7185] " +
  "[--graph-rule:#0284c7] dark:[--graph-rule:#38bdf8] [--graph-muted:#94a3b8] dark:[--graph-muted:#64748b] " +
  "[--graph-grid:#cbd5e1] dark:[--graph-grid:#334155] [--graph-grid-text:#64748b] dark:[--graph-grid-text:#94a3b8] " +
  // The map's land and coastlines: a quiet fill under the regions, the coast a shade darker.
  "[--map-land:#e2e8f0] dark:[--map-land:#1e293b] [--map-coast:#94a3b8] dark:[--map-coast:#475569]";

export type EdgeTone = "ok" | "bad" | "rule" | "muted";
export const toneVar = (tone: EdgeTone) => `var(--graph-${tone})`;

/** Mid-tones that stand out on the MiniMap in either theme. */
export const MINIMAP_FILL: Record<RegionStatus | "UNKNOWN", string> = {
  HEALTHY: "#10b981",
  DEGRADED: "#f59e0b",
  DOWN: "#f43f5e",
  UNKNOWN: "#94a3b8",
};

export const STATUS_BORDER: Record<RegionStatus | "UNKNOWN", string> = {
  HEALTHY: "border-emerald-500 dark:border-emerald-500",
  DEGRADED: "border-amber-500 dark:border-amber-400",
  DOWN: "border-rose-600 dark:border-rose-500",
  UNKNOWN: "border-slate-300 dark:border-slate-700",
};

/** The group's fill: a troubled region stands out even zoomed far out. */
export const STATUS_FILL: Record<RegionStatus | "UNKNOWN", string> = {
  HEALTHY: "bg-slate-100/70 dark:bg-slate-900/70",
  DEGRADED: "bg-amber-50 dark:bg-amber-950/40",
  DOWN: "bg-rose-50 dark:bg-rose-950/50",
  UNKNOWN: "bg-slate-100/70 dark:bg-slate-900/70",
};
