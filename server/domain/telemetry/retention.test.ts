// Retention deletes exactly what is older than the policy, in chunks, and keeps the rest; the
// MERIDIAN_RETENTION_* settings are read and refused with sentences that name them.
//
// The data lives in 2000: a retention run here deletes only what is older than that, so it can never
// remove another test's samples (which all lie later). Keep it the oldest time any test uses.
import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { db } from "@/server/db";

import { ingestRows } from "./ingest";
import { applyRetention, DEFAULT_RETENTION } from "./retention";

const id = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
const HOUR = 3_600_000;
const DAY = 86_400_000;

describe("applyRetention", () => {
  it("deletes raw samples and rollups older than the policy, in chunks, and keeps the rest", async () => {
    const nowMs = Date.UTC(2000, 5, 1, 12, 0, 0);
    const [linkId, deploymentId, regionId, clusterId] = [id("link"), id("dep"), id("region"), id("cluster")];
    const rawCut = nowMs - 48 * HOUR;
    // Three samples of each kind just past the cut (older), one exactly at it and one recent (kept).
    const rawTimes = [rawCut - 3, rawCut - 2, rawCut - 1, rawCut, nowMs - HOUR];
    await ingestRows(db, {
      lag: {
        linkId: rawTimes.map(() => linkId),
        atMs: rawTimes,
        lagMs: rawTimes.map(() => 1),
        lagBytes: rawTimes.map(() => 1),
      },
      health: {
        deploymentId: rawTimes.map(() => deploymentId),
        regionId: rawTimes.map(() => regionId),
        probeLocation: rawTimes.map(() => "p1"),
        atMs: rawTimes,
        healthy: rawTimes.map(() => true),
        latencyMs: rawTimes.map(() => null),
      },
      traffic: {
        deploymentId: rawTimes.map(() => deploymentId),
        regionId: rawTimes.map(() => regionId),
        atMs: rawTimes,
        requestsPerSecond: rawTimes.map(() => 1),
        errorRate: rawTimes.map(() => 0),
        latencyP50Ms: rawTimes.map(() => null),
      },
      conflicts: {
        clusterId: rawTimes.map(() => clusterId),
        atMs: rawTimes,
        conflicts: rawTimes.map(() => 0),
        conflictsPerSecond: rawTimes.map(() => 0),
      },
    });
    const rollup = (bucketSeconds: number, bucketStartMs: number) => ({
      series: "lag",
      key: linkId,
      bucketSeconds,
      bucketStart: new Date(bucketStartMs),
      count: 1,
      sum: 1,
      min: 1,
      max: 1,
      p50: 1,
      p95: 1,
    });
    const minuteCut = nowMs - 30 * DAY;
    const hourCut = nowMs - 365 * DAY;
    await db.rollup.createMany({
      data: [
        rollup(60, minuteCut - 120_000),
        rollup(60, minuteCut - 60_000),
        rollup(60, minuteCut),
        rollup(60, nowMs - HOUR),
        // An hour rollup as old as a deleted minute rollup stays: long charts read it.
        rollup(3600, minuteCut - HOUR),
        rollup(3600, hourCut - HOUR),
        rollup(3600, hourCut),
      ],
    });

    const deleted = await applyRetention(db, nowMs, DEFAULT_RETENTION, { chunkSize: 2 });

    expect(deleted).toEqual({ lag: 3, health: 3, traffic: 3, conflicts: 3, minuteRollups: 2, hourRollups: 1 });
    const kept = [rawCut, nowMs - HOUR].map((ms) => new Date(ms));
    const times = (rows: { at: Date }[]) => rows.map((r) => r.at).sort((a, b) => a.getTime() - b.getTime());
    expect(times(await db.lagSample.findMany({ where: { linkId } }))).toEqual(kept);
    expect(times(await db.healthSample.findMany({ where: { deploymentId } }))).toEqual(kept);
    expect(times(await db.trafficSample.findMany({ where: { deploymentId } }))).toEqual(kept);
    expect(times(await db.conflictSample.findMany({ where: { clusterId } }))).toEqual(kept);
    const rollups = await db.rollup.findMany({
      where: { key: linkId },
      orderBy: [{ bucketSeconds: "asc" }, { bucketStart: "asc" }],
    });
    expect(rollups.map((r) => [r.bucketSeconds, r.bucketStart.getTime()])).toEqual([
      [60, minuteCut],
      [60, nowMs - HOUR],
      [3600, hourCut],
      [3600, minuteCut - HOUR],
    ]);

    // Nothing more is due: a second run deletes nothing of ours.
    const again = await applyRetention(db, nowMs, DEFAULT_RETENTION);
    expect(again.lag + again.minuteRollups + again.hourRollups).toBe(0);
  });

  it("follows a shorter policy", async () => {
    const nowMs = Date.UTC(2000, 2, 1, 12, 0, 0);
    const linkId = id("link");
    const atMs = [nowMs - 2 * HOUR - 1, nowMs - 2 * HOUR + 1];
    await ingestRows(db, { lag: { linkId: [linkId, linkId], atMs, lagMs: [1, 2], lagBytes: [0, 0] } });
    const deleted = await applyRetention(db, nowMs, { rawHours: 2, minuteRollupDays: 1, hourRollupDays: 1 });
    expect(deleted.lag).toBe(1);
    expect((await db.lagSample.findMany({ where: { linkId } })).map((s) => s.lagMs)).toEqual([2]);
  });
});
