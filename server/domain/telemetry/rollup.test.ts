// Rollups equal a hand computation over known samples, cover closed buckets only, count samples
// that arrive late, and give the same rows however often they run. Each test lives in its own
// month of 2032, so other test files' samples never fall into its buckets.
import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { db } from "@/server/db";

import { ingestRows } from "./ingest";
import { rollupSamples } from "./rollup";

const id = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
const MINUTE = 60_000;

/** PostgreSQL's percentile_cont: linear interpolation at position p * (n - 1) of the sorted values. */
function percentileCont(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const below = sorted[Math.floor(position)]!;
  const above = sorted[Math.ceil(position)]!;
  return below + (above - below) * (position - Math.floor(position));
}

const rollupsOf = (key: string, bucketSeconds = 60) =>
  db.rollup.findMany({ where: { key, bucketSeconds }, orderBy: [{ series: "asc" }, { bucketStart: "asc" }] });

/** One link's lag samples at `base + offsetsMs[i]` with `values[i]`. */
const lagRows = (linkId: string, base: number, offsetsMs: number[], values: number[]) => ({
  lag: {
    linkId: offsetsMs.map(() => linkId),
    atMs: offsetsMs.map((o) => base + o),
    lagMs: values,
    lagBytes: values.map(() => 0),
  },
});

describe("rollupSamples", () => {
  it("summarises each closed minute like a hand computation over its samples", async () => {
    const base = Date.UTC(2032, 0, 10, 12, 0, 0);
    const linkId = id("link");
    const minute0 = [10, 20, 30, 40, 100];
    const minute1 = [7, 3];
    await ingestRows(db, lagRows(linkId, base, [0, 10_000, 20_000, 30_000, 59_999], minute0));
    await ingestRows(db, lagRows(linkId, base + MINUTE, [0, 30_000], minute1));
    await ingestRows(db, lagRows(linkId, base + 2 * MINUTE, [0], [999])); // the open minute: not yet

    await rollupSamples(db, { nowMs: base + 2 * MINUTE + 5_000, bucketSeconds: 60 });

    const rows = await rollupsOf(linkId);
    expect(rows.map((r) => r.bucketStart.getTime())).toEqual([base, base + MINUTE]);
    const [first, second] = rows;
    expect(first).toMatchObject({ series: "lag", bucketSeconds: 60, count: 5, sum: 200, min: 10, max: 100 });
    expect(first!.sum / first!.count).toBe(40);
    // percentile_cont over [10, 20, 30, 40, 100]: p50 = 30, p95 at position 3.8 = 40 + 0.8 * 60 = 88.
    expect(first!.p50).toBe(30);
    expect(first!.p95).toBeCloseTo(88, 9);
    expect(first!.p95).toBeCloseTo(percentileCont(minute0, 0.95), 9);
    expect(second).toMatchObject({ count: 2, sum: 10, min: 3, max: 7, p50: 5 });
    expect(second!.p95).toBeCloseTo(percentileCont(minute1, 0.95), 9);
  });

  it("rolls traffic, errors, health and conflicts up under the schema's keys", async () => {
    const base = Date.UTC(2032, 1, 10, 12, 0, 0);
    const [deploymentId, regionId, clusterId] = [id("dep"), id("region"), id("cluster")];
    const probes = ["p1", "p2", "p3"];
    // Two instants: 2 of 3 probes healthy, then all 3.
    const healthy = [true, true, false, true, true, true];
    await ingestRows(db, {
      health: {
        deploymentId: healthy.map(() => deploymentId),
        regionId: healthy.map(() => regionId),
        probeLocation: [...probes, ...probes],
        atMs: [base, base, base, base + 10_000, base + 10_000, base + 10_000],
        healthy,
        latencyMs: healthy.map(() => 5),
      },
      traffic: {
        deploymentId: [deploymentId, deploymentId],
        regionId: [regionId, regionId],
        atMs: [base, base + 10_000],
        requestsPerSecond: [100, 300],
        errorRate: [0.02, 0.04],
        latencyP50Ms: [null, null],
      },
      conflicts: {
        clusterId: [clusterId, clusterId, clusterId],
        atMs: [base, base + 1000, base + 2000],
        conflicts: [1, 2, 6],
        conflictsPerSecond: [1, 1, 4],
      },
    });

    await rollupSamples(db, { nowMs: base + MINUTE, bucketSeconds: 60 });

    const regionKey = `${deploymentId}/${regionId}`;
    const byRegion = Object.fromEntries((await rollupsOf(regionKey)).map((r) => [r.series, r]));
    expect(Object.keys(byRegion).sort()).toEqual(["errors", "health", "traffic"]);
    expect(byRegion.traffic).toMatchObject({ count: 2, sum: 400, min: 100, max: 300, p50: 200, p95: 290 });
    expect(byRegion.errors).toMatchObject({ count: 2, min: 0.02, max: 0.04 });
    expect(byRegion.errors!.sum).toBeCloseTo(0.06, 12);
    // Health: 5 of 6 probe samples healthy; per instant 2/3 then 1.
    expect(byRegion.health).toMatchObject({ count: 6, sum: 5, max: 1 });
    expect(byRegion.health!.min).toBeCloseTo(2 / 3, 12);
    expect(byRegion.health!.p50).toBeCloseTo(5 / 6, 12);
    expect(byRegion.health!.p95).toBeCloseTo(percentileCont([2 / 3, 1], 0.95), 12);
    expect(await rollupsOf(clusterId)).toMatchObject([
      { series: "conflicts", count: 3, sum: 6, min: 1, max: 4, p50: 1 },
    ]);
  });

  it("gives the same rows when run again, and counts a sample that arrived late", async () => {
    const base = Date.UTC(2032, 2, 10, 12, 0, 0);
    const linkId = id("link");
    await ingestRows(db, lagRows(linkId, base, [0, MINUTE, 2 * MINUTE], [1, 2, 3]));
    const nowMs = base + 3 * MINUTE + 1_000;

    await rollupSamples(db, { nowMs, bucketSeconds: 60 });
    const once = await rollupsOf(linkId);
    const again = await rollupSamples(db, { nowMs, bucketSeconds: 60 });
    expect(await rollupsOf(linkId)).toEqual(once);
    expect(once).toHaveLength(3);
    // The second run recomputed only the last two closed minutes.
    expect(again).toMatchObject({ fromMs: base + MINUTE, toMs: base + 3 * MINUTE, skipped: false });

    // A worker that fell behind stores a sample for the newest closed minute after it was rolled up.
    await ingestRows(db, lagRows(linkId, base + 2 * MINUTE, [30_000], [9]));
    await rollupSamples(db, { nowMs: nowMs + 10_000, bucketSeconds: 60 });
    const [, , newest] = await rollupsOf(linkId);
    expect(newest).toMatchObject({ count: 2, sum: 12, min: 3, max: 9, p50: 6 });
  });

  it("rolls hours up from raw samples, exactly", async () => {
    const base = Date.UTC(2032, 3, 10, 12, 0, 0);
    const linkId = id("link");
    const values = Array.from({ length: 60 }, (_, i) => (i * 37) % 101); // one a minute, scrambled
    await ingestRows(
      db,
      lagRows(
        linkId,
        base,
        values.map((_, i) => i * MINUTE),
        values,
      ),
    );
    await rollupSamples(db, { nowMs: base + 61 * MINUTE, bucketSeconds: 3600 });
    const [hour] = await rollupsOf(linkId, 3600);
    expect(hour).toMatchObject({
      bucketStart: new Date(base),
      count: 60,
      sum: values.reduce((a, b) => a + b, 0),
      min: Math.min(...values),
      max: Math.max(...values),
    });
    expect(hour!.p50).toBeCloseTo(percentileCont(values, 0.5), 9);
    expect(hour!.p95).toBeCloseTo(percentileCont(values, 0.95), 9);
  });

  it("never recomputes a bucket that raw retention may have thinned", async () => {
    const base = Date.UTC(2032, 4, 10, 12, 0, 0);
    const linkId = id("link");
    await ingestRows(db, lagRows(linkId, base, [0, 3 * 3_600_000], [5, 6]));
    // Raw samples are kept 2 hours here, so at base + 3h 1m only the minute at base + 3h is safe to roll up.
    const result = await rollupSamples(db, {
      nowMs: base + 3 * 3_600_000 + MINUTE + 1,
      bucketSeconds: 60,
      retention: { rawHours: 2, minuteRollupDays: 30, hourRollupDays: 365 },
    });
    expect(result.fromMs).toBe(base + 3_600_000 + 2 * MINUTE);
    expect((await rollupsOf(linkId)).map((r) => r.bucketStart.getTime())).toEqual([base + 3 * 3_600_000]);
  });
});
