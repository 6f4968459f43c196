// The query window of a range that ends now: the history up to the moment the range was chosen,
// asked for once. From then on each live snapshot extends it (live-history.ts), so a chart that
// follows now never polls; the chart clips what it shows to [now - range, now].
export type QueryWindow = { fromMs: number; toMs: number };

export function liveWindow(chosenAtMs: number, rangeMs: number): QueryWindow {
  return { fromMs: chosenAtMs - rangeMs, toMs: chosenAtMs };
}
