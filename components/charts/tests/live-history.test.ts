import { describe, expect, it } from "vitest";

import type { HistoryResult, LiveSnapshot } from "@/lib/telemetry/contracts";

import { appendSnapshot, snapshotValue } from "../live-history";

const snapshot = (observedAtMs: number, lagMs: number, region: Partial<LiveSnapshot["regions"][number]> = {}) =>
  ({
    deploymentId: "d",
    observedAtMs,
    rpoTargetSeconds: 5,
    links: [{ linkId: "l1", lagMs, lagBytes: 0, overRpo: false }],
    regions: [
      {
        regionId: "r1",
        status: "HEALTHY",
        healthyProbes: 3,
        totalProbes: 4,
        requestsPerSecond: 120,
        errorRate: 0.01,
        latencyP50Ms: 20,
        ...region,
      },
    ],
    clusters: [{ clusterId: "c1", conflicts: 7, conflictsPerSecond: 0.5 }],
    replicas: [],
    alerts: [],
    faults: [],
  }) satisfies LiveSnapshot;

const point = (t: number, value: number) => ({ t, min: value, p50: value, p95: value, max: value, avg: value });

/** Five-second buckets read up to 100 s (the window's end), the last one partly. */
const read = (): HistoryResult => ({
  resolutionSeconds: 5,
  fromMs: 40_000,
  toMs: 100_000,
  series: [{ key: "l1", points: [point(90_000, 10), point(95_000, 20)] }],
});

describe("appending live snapshots to a history read", () => {
  it("reads each series' value as the observer stores it", () => {
    const one = snapshot(1000, 250);
    expect(snapshotValue(one, "lag", "l1")).toBe(250);
    expect(snapshotValue(one, "traffic", "r1")).toBe(120);
    expect(snapshotValue(one, "errors", "r1")).toBe(0.01);
    expect(snapshotValue(one, "health", "r1")).toBe(0.75);
    expect(snapshotValue(one, "conflicts", "c1")).toBe(0.5);
    expect(snapshotValue(one, "lag", "elsewhere")).toBeUndefined();
    expect(snapshotValue(snapshot(1000, 0, { totalProbes: 0 }), "health", "r1")).toBeUndefined();
  });

  it("summarises the samples of a new bucket as the server does, and moves the window", () => {
    let history = read();
    for (const [atMs, lag] of [
      [100_000, 30],
      [101_000, 50],
      [102_000, 40],
      [103_000, 10],
    ] as const)
      history = appendSnapshot(history, "lag", snapshot(atMs, lag));
    expect(history.toMs).toBe(103_001);
    expect(history.fromMs).toBe(43_001);
    const last = history.series[0]!.points.at(-1)!;
    // percentile_cont over 10, 30, 40, 50: p50 = 35, p95 = 40 + 0.85 × 10 = 48.5.
    expect(last).toEqual({ t: 100_000, min: 10, p50: 35, p95: 48.5, max: 50, avg: 32.5 });
    expect(history.series[0]!.points.map((p) => p.t)).toEqual([90_000, 95_000, 100_000]);
  });

  it("counts a read point as one sample when a snapshot lands in its bucket", () => {
    const history = appendSnapshot({ ...read(), toMs: 97_000, fromMs: 37_000 }, "lag", snapshot(98_000, 40));
    expect(history.series[0]!.points.at(-1)).toEqual({ t: 95_000, min: 20, p50: 30, p95: 39, max: 40, avg: 30 });
  });

  it("changes nothing for a snapshot the read already covers, and drops buckets that leave the window", () => {
    const history = read();
    expect(appendSnapshot(history, "lag", snapshot(99_000, 99))).toBe(history);
    const later = appendSnapshot(history, "lag", snapshot(152_000, 5));
    expect(later.fromMs).toBe(92_001);
    expect(later.series[0]!.points.map((p) => p.t)).toEqual([90_000, 95_000, 150_000]);
  });
});
