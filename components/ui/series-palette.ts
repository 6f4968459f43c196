// Line colours of the charts: darker tones on the light theme, lighter ones on the dark theme, set
// as CSS variables on the chart's container and read by the SVG strokes.
export const SERIES_COLOR_VARS =
  "[--series-0:#0284c7] [--series-1:#c2410c] [--series-2:#047857] [--series-3:#7c3aed] [--series-4:#be185d] [--series-5:#0f766e] [--series-6:#4d7c0f] [--series-7:#b91c1c] [--series-8:#4338ca] [--series-9:#a16207] " +
  "dark:[--series-0:#38bdf8] dark:[--series-1:#fb923c] dark:[--series-2:#34d399] dark:[--series-3:#a78bfa] dark:[--series-4:#f472b6] dark:[--series-5:#2dd4bf] dark:[--series-6:#a3e635] dark:[--series-7:#f87171] dark:[--series-8:#818cf8] dark:[--series-9:#facc15] " +
  "[--chart-grid:#e2e8f0] dark:[--chart-grid:#1e293b] [--chart-axis:#64748b] dark:[--chart-axis:#94a3b8] [--chart-rpo:#e11d48] dark:[--chart-rpo:#fb7185]";

const PALETTE_SIZE = 10;

/** The stroke of series `index`; beyond ten series the colours repeat with a dash pattern. */
export function seriesStroke(index: number): { stroke: string; strokeDasharray?: string } {
  const dashes = [undefined, "6 3", "2 2"];
  return {
    stroke: `var(--series-${index % PALETTE_SIZE})`,
    strokeDasharray: dashes[Math.floor(index / PALETTE_SIZE) % dashes.length],
  };
}
