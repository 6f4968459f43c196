// Words and short figures for the cost model's categories, as the planning pages show them.
import { formatMultiplier, formatUsd, type TCostBand, type TCostCategory } from "@/lib/cost";

export const CATEGORY_LABEL: Record<TCostCategory, string> = {
  compute: "Compute",
  databases: "Databases",
  caches: "Caches",
  objectStorage: "Object storage",
  cdn: "CDN",
  transfer: "Transfer",
  routing: "Routing",
};

const COMPACT_USD = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  maximumFractionDigits: 1,
});

/** Axis ticks and chart labels: "$12.3K" reads at a glance where cents would be noise. */
export const formatUsdShort = (amountUsd: number) =>
  Number.isFinite(amountUsd) ? COMPACT_USD.format(amountUsd) : "n/a";

/** A change against the baseline, signed so a saving reads as one ("−$1,200.00"). */
export function formatDeltaUsd(deltaUsd: number): string {
  // Float noise from summing prices should not show as "+$0.00" or "−$0.00".
  if (Math.abs(deltaUsd) < 0.005) return "±$0.00";
  return `${deltaUsd > 0 ? "+" : "−"}${formatUsd(Math.abs(deltaUsd))}`;
}

export const formatBandRange = (band: Pick<TCostBand, "lowX" | "highX">) =>
  `${formatMultiplier(band.lowX)}–${formatMultiplier(band.highX)}`;
