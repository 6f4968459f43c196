// The query window of a range that ends now. Its end is rounded up to a step, so the query (and
// its cache entry) holds for a whole step while refetchInterval brings in the newest points; the
// chart clips what it shows to [now - range, now].
export type QueryWindow = { fromMs: number; toMs: number };

export function liveStepMs(rangeMs: number): number {
  if (rangeMs <= 15 * 60_000) return 60_000;
  if (rangeMs <= 3_600_000) return 5 * 60_000;
  return 15 * 60_000;
}

export function liveWindow(nowMs: number, rangeMs: number): QueryWindow {
  const step = liveStepMs(rangeMs);
  const toMs = Math.ceil((nowMs + 1) / step) * step;
  return { fromMs: toMs - rangeMs - step, toMs };
}
