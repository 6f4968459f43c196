// Extends a history read with a live snapshot, so a chart of a range that ends now follows the
// live stream instead of polling. Each snapshot's value of every series goes into the bucket of
// its instant at the history's resolution, summarised as the server summarises samples (min, max,
// mean, percentile_cont p50/p95), so appended points look like read ones; buckets older than the
// window are dropped as it moves. Pure: the same history and snapshot give the same result, and a
// snapshot already covered (observed before the history's end) changes nothing.
import type { HistoryPoint, HistoryResult, LiveSnapshot, TSeries } from "@/lib/telemetry/contracts";

/** The value of one series key in a snapshot, as the observer stores it; undefined when the snapshot has none. */
export function snapshotValue(snapshot: LiveSnapshot, series: TSeries, key: string): number | undefined {
  if (series === "lag") return snapshot.links.find((link) => link.linkId === key)?.lagMs;
  if (series === "conflicts") return snapshot.clusters.find((cluster) => cluster.clusterId === key)?.conflictsPerSecond;
  const region = snapshot.regions.find((one) => one.regionId === key);
  if (!region) return undefined;
  if (series === "traffic") return region.requestsPerSecond;
  if (series === "errors") return region.errorRate;
  // Health is the share of probes that found the region healthy, as HealthSample rows average.
  return region.totalProbes > 0 ? region.healthyProbes / region.totalProbes : undefined;
}

/** The samples each appended bucket was made from, so the next sample in it is summarised exactly. */
const samplesOf = new WeakMap<HistoryPoint, number[]>();

function percentile(sorted: number[], fraction: number): number {
  const position = fraction * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

function bucketPoint(t: number, samples: number[]): HistoryPoint {
  const sorted = [...samples].sort((a, b) => a - b);
  const point = {
    t,
    min: sorted[0]!,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    max: sorted.at(-1)!,
    avg: samples.reduce((sum, value) => sum + value, 0) / samples.length,
  };
  samplesOf.set(point, samples);
  return point;
}

function withSample(points: HistoryPoint[], t: number, value: number): HistoryPoint[] {
  const last = points.at(-1);
  if (!last || last.t < t) return [...points, bucketPoint(t, [value])];
  if (last.t > t) return points;
  // The bucket the history ended in: a point read from the server counts as one sample of its mean.
  return [...points.slice(0, -1), bucketPoint(t, [...(samplesOf.get(last) ?? [last.avg]), value])];
}

export function appendSnapshot<H extends HistoryResult>(history: H, series: TSeries, snapshot: LiveSnapshot): H {
  const atMs = snapshot.observedAtMs;
  if (atMs < history.toMs) return history;
  const stepMs = history.resolutionSeconds * 1000;
  const bucket = Math.floor(atMs / stepMs) * stepMs;
  const toMs = atMs + 1;
  const fromMs = history.fromMs + (toMs - history.toMs);
  const oldestBucket = Math.floor(fromMs / stepMs) * stepMs;
  return {
    ...history,
    fromMs,
    toMs,
    series: history.series.map((one) => {
      const value = snapshotValue(snapshot, series, one.key);
      const points = value === undefined ? one.points : withSample(one.points, bucket, value);
      return { ...one, points: points.filter((point) => point.t >= oldestBucket) };
    }),
  };
}
