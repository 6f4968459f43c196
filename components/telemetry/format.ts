// Live values as an operator reads them: lag in ms or s, bytes, request rates and fractions.
export function formatLagMs(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${+(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  if (ms < 3_600_000) return `${+(ms / 60_000).toFixed(1)} min`;
  return `${+(ms / 3_600_000).toFixed(1)} h`;
}

const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB"] as const;
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return "—";
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? Math.round(value) : +value.toFixed(value < 10 ? 1 : 0)} ${BYTE_UNITS[unit]}`;
}

export function formatRps(requestsPerSecond: number): string {
  if (!Number.isFinite(requestsPerSecond)) return "—";
  return `${requestsPerSecond < 10 ? +requestsPerSecond.toFixed(1) : Math.round(requestsPerSecond).toLocaleString("en-US")} rps`;
}

/** A fraction 0..1 as a percentage, with more digits when it is small (error rates). */
export function formatFraction(fraction: number): string {
  if (!Number.isFinite(fraction)) return "—";
  const pct = fraction * 100;
  return `${+pct.toFixed(pct !== 0 && pct < 1 ? 2 : 1)}%`;
}

export function formatPerSecond(value: number): string {
  if (!Number.isFinite(value)) return "—";
  return `${value < 10 ? +value.toFixed(2) : Math.round(value).toLocaleString("en-US")}/s`;
}

export const ALERT_KIND_LABELS: Record<string, string> = { LAG_OVER_RPO: "Lag over RPO", REGION_DOWN: "Region down" };
export const alertKindLabel = (kind: string) => ALERT_KIND_LABELS[kind] ?? kind;
