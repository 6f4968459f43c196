// Line colours of the charts: ten hues picked to stay apart from one another (CIELAB distance, see
// series-palette.test.ts) and readable on the background of each theme (darker tones on light,
// lighter ones on dark), none of them the RPO line's red. They are set as CSS variables on the
// chart's container and read by the SVG strokes; beyond ten series the colours repeat dashed.
// Tailwind reads class names from the source, so the classes below are written out in full.
export const SERIES_COLOR_VARS =
  "[--series-0:#2563eb] [--series-1:#ea580c] [--series-2:#16a34a] [--series-3:#9333ea] [--series-4:#0891b2] [--series-5:#db2777] [--series-6:#a16207] [--series-7:#475569] [--series-8:#4d7c0f] [--series-9:#1e3a8a] " +
  "dark:[--series-0:#60a5fa] dark:[--series-1:#fb923c] dark:[--series-2:#4ade80] dark:[--series-3:#c084fc] dark:[--series-4:#22d3ee] dark:[--series-5:#f472b6] dark:[--series-6:#facc15] dark:[--series-7:#cbd5e1] dark:[--series-8:#a3e635] dark:[--series-9:#a5b4fc] " +
  "[--chart-grid:#e2e8f0] dark:[--chart-grid:#1e293b] [--chart-axis:#64748b] dark:[--chart-axis:#94a3b8] [--chart-rpo:#e11d48] dark:[--chart-rpo:#fb7185] " +
  // Annotations (charts' marked regions): faults amber, alerts red, operations violet.
  "[--annotation-fault:#d97706] dark:[--annotation-fault:#fbbf24] [--annotation-alert:#e11d48] dark:[--annotation-alert:#fb7185] [--annotation-operation:#7c3aed] dark:[--annotation-operation:#a78bfa]";

export const PALETTE_SIZE = 10;

/** The stroke of series `index`; beyond ten series the colours repeat with a dash pattern. */
export function seriesStroke(index: number): { stroke: string; strokeDasharray?: string } {
  const dashes = [undefined, "6 3", "2 2"];
  return {
    stroke: `var(--series-${index % PALETTE_SIZE})`,
    strokeDasharray: dashes[Math.floor(index / PALETTE_SIZE) % dashes.length],
  };
}
