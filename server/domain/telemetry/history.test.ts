// readHistory against the real database: keys resolved within the deployment, raw samples for short
// ranges, rollups for long ones, points in time order and within the bound. Samples lie in 2033,
// where no other test file puts any.
import { beforeAll, describe, expect, it } from "vitest";

import { ZHistoryQuery, type THistoryQuery } from "@/lib/telemetry/contracts";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { makeTelemetryEstate, type TelemetryEstate } from "@/tests/telemetry-estate";

import { readHistory } from "./history";
import { MAX_POINTS_PER_SERIES } from "./history-resolution";
import { ingestRows } from "./ingest";
import { DEFAULT_RETENTION } from "./retention";
import { rollupSamples } from "./rollup";

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** The end of the data: "now" for every read below. */
const END = Date.UTC(2033, 0, 20, 0, 0, 0);
const NOW = END + MINUTE;

const read = (query: THistoryQuery, nowMs = NOW) =>
  readHistory(db, ZHistoryQuery.parse(query), { nowMs, retention: DEFAULT_RETENTION });
const lagValue = (link: number, atMs: number) => (link + 1) * 10 + ((atMs / 1000) % 7);

let estate: TelemetryEstate;
let other: TelemetryEstate;

beforeAll(async () => {
  estate = await makeTelemetryEstate(db, { regions: 4, links: 9 }); // 9 links: reads of all of them take the split path
  other = await makeTelemetryEstate(db, { regions: 2, links: 1 });
  const [link0, link1] = estate.linkIds;
  // Two links: one sample a second for the last hour, one every 30 s for the 14 days before.
  const recent = Array.from({ length: 3600 }, (_, i) => END - HOUR + i * 1000);
  const older = Array.from({ length: (14 * DAY) / 30_000 }, (_, i) => END - HOUR - 14 * DAY + i * 30_000);
  const atMs = [...older, ...recent];
  for (const [index, linkId] of [link0!, link1!].entries()) {
    await ingestRows(db, {
      lag: {
        linkId: atMs.map(() => linkId),
        atMs,
        lagMs: atMs.map((t) => lagValue(index, t)),
        lagBytes: atMs.map(() => 0),
      },
    });
  }
  // Traffic of one region, every 10 s over the last hour.
  const trafficAt = Array.from({ length: 360 }, (_, i) => END - HOUR + i * 10_000);
  await ingestRows(db, {
    traffic: {
      deploymentId: trafficAt.map(() => estate.deploymentId),
      regionId: trafficAt.map(() => estate.regionIds[0]!),
      atMs: trafficAt,
      requestsPerSecond: trafficAt.map((_, i) => i),
      errorRate: trafficAt.map(() => 0),
      latencyP50Ms: trafficAt.map(() => null),
    },
  });
  // As the worker would: minute and hour rollups of everything, caught up in windows.
  for (let nowMs = END - 14 * DAY; nowMs <= NOW; nowMs += DAY) {
    await rollupSamples(db, { nowMs, bucketSeconds: 60, retention: DEFAULT_RETENTION });
    await rollupSamples(db, { nowMs, bucketSeconds: 3600, retention: DEFAULT_RETENTION });
  }
  await rollupSamples(db, { nowMs: NOW, bucketSeconds: 60, retention: DEFAULT_RETENTION });
  await rollupSamples(db, { nowMs: NOW, bucketSeconds: 3600, retention: DEFAULT_RETENTION });
}, 120_000);

function expectOrderedAndBounded(result: Awaited<ReturnType<typeof read>>) {
  for (const { points } of result.series) {
    expect(points.length).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
    expect(points.map((p) => p.t)).toEqual([...points.map((p) => p.t)].sort((a, b) => a - b));
    expect(points.every((p) => p.t % (result.resolutionSeconds * 1000) === 0)).toBe(true);
  }
}

describe("readHistory", () => {
  it("reads every link of the deployment when no keys are given, raw samples for the last hour", async () => {
    const result = await read({ deploymentId: estate.deploymentId, series: "lag", fromMs: END - HOUR, toMs: END });
    expect(result).toMatchObject({ source: "raw", resolutionSeconds: 5, fromMs: END - HOUR, toMs: END });
    expect(result.series.map((s) => s.key)).toEqual(estate.linkIds);
    const [first, second, third] = result.series;
    expect(first!.points).toHaveLength(720);
    expect(second!.points).toHaveLength(720);
    expect(third!.points).toEqual([]); // a link with no samples is still a series
    expectOrderedAndBounded(result);
    // One 5-second point is a summary of its five samples.
    const t = END - 30 * MINUTE;
    const values = [0, 1, 2, 3, 4].map((i) => lagValue(0, t + i * 1000));
    const point = first!.points.find((p) => p.t === t);
    expect(point).toMatchObject({
      t,
      min: Math.min(...values),
      max: Math.max(...values),
      avg: values.reduce((a, b) => a + b) / 5,
    });
  });

  it("reads 1-minute rollups for a day, merged into 2-minute points", async () => {
    const [link0] = estate.linkIds;
    const result = await read({
      deploymentId: estate.deploymentId,
      series: "lag",
      keys: [link0!],
      fromMs: END - DAY,
      toMs: END,
    });
    expect(result).toMatchObject({ source: "rollup-1m", resolutionSeconds: 120 });
    const [series] = result.series;
    expect(series!.key).toBe(link0);
    expect(series!.points).toHaveLength(720);
    expectOrderedAndBounded(result);
    // Two hours back the samples come every 30 s: a 2-minute point merges two minutes of 2 samples each.
    const t = END - 2 * HOUR;
    const values = [0, 1, 2, 3].map((i) => lagValue(0, t + i * 30_000));
    const minuteRollups = await db.rollup.findMany({
      where: {
        series: "lag",
        key: link0!,
        bucketSeconds: 60,
        bucketStart: { in: [new Date(t), new Date(t + MINUTE)] },
      },
    });
    const point = series!.points.find((p) => p.t === t)!;
    expect(point).toMatchObject({
      min: Math.min(...values),
      max: Math.max(...values),
      avg: values.reduce((a, b) => a + b) / 4,
    });
    expect(point.p50).toBeCloseTo(minuteRollups.reduce((sum, r) => sum + r.p50 * r.count, 0) / 4, 9);
  });

  it("reads 1-minute rollups for three days and 1-hour rollups for a week", async () => {
    const days = await read({ deploymentId: estate.deploymentId, series: "lag", fromMs: END - 3 * DAY, toMs: END });
    expect(days).toMatchObject({ source: "rollup-1m", resolutionSeconds: 300 });
    expect(days.series[0]!.points).toHaveLength(864);
    expectOrderedAndBounded(days);

    const week = await read({ deploymentId: estate.deploymentId, series: "lag", fromMs: END - 7 * DAY, toMs: END });
    expect(week).toMatchObject({ source: "rollup-1h", resolutionSeconds: 3600 });
    expect(week.series[0]!.points).toHaveLength(7 * 24);
    expectOrderedAndBounded(week);
    // The last hour rolled up from its 3,600 one-second samples, exactly.
    const hour = week.series[0]!.points.at(-1)!;
    expect(hour).toMatchObject({ t: END - HOUR });
    const lastHour = Array.from({ length: 3600 }, (_, i) => lagValue(0, END - HOUR + i * 1000));
    expect(hour.avg).toBeCloseTo(lastHour.reduce((a, b) => a + b) / 3600, 9);
    expect(hour).toMatchObject({ min: Math.min(...lastHour), max: Math.max(...lastHour) });
  });

  it("reads rollups for a short range once its raw samples are past retention", async () => {
    const result = await read(
      { deploymentId: estate.deploymentId, series: "lag", fromMs: END - HOUR, toMs: END },
      END + 3 * DAY,
    );
    expect(result).toMatchObject({ source: "rollup-1m", resolutionSeconds: 60 });
    expect(result.series[0]!.points).toHaveLength(60);
  });

  it("keys per-region series by region id, from raw samples and from rollups alike", async () => {
    const region = estate.regionIds[0]!;
    const raw = await read({
      deploymentId: estate.deploymentId,
      series: "traffic",
      keys: [region],
      fromMs: END - HOUR,
      toMs: END,
    });
    expect(raw.source).toBe("raw");
    expect(raw.series).toHaveLength(1);
    expect(raw.series[0]!.key).toBe(region);
    expect(raw.series[0]!.points).toHaveLength(360);
    const rolled = await read({ deploymentId: estate.deploymentId, series: "traffic", fromMs: END - DAY, toMs: END });
    expect(rolled.series.map((s) => s.key).sort()).toEqual([...estate.regionIds].sort());
    const rolledRegion = rolled.series.find((s) => s.key === region)!;
    expect(rolledRegion.points).toHaveLength(30);
    expect(rolledRegion.points.at(-1)).toMatchObject({ t: END - 2 * MINUTE, min: 348, max: 359 });
  });

  it("refuses a key of another deployment, naming it", async () => {
    const foreign = other.linkIds[0]!;
    const attempt = read({
      deploymentId: estate.deploymentId,
      series: "lag",
      keys: [estate.linkIds[0]!, foreign],
      fromMs: END - HOUR,
      toMs: END,
    });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      code: "BAD_REQUEST",
      field: "keys",
      message: expect.stringContaining(`link ${foreign} is not part of`),
    });
    await expect(
      read({
        deploymentId: estate.deploymentId,
        series: "traffic",
        keys: [other.regionIds[0]!],
        fromMs: END - HOUR,
        toMs: END,
      }),
    ).rejects.toThrow(`region ${other.regionIds[0]} is not part of`);
    await expect(
      read({ deploymentId: "no-such-deployment", series: "lag", fromMs: END - HOUR, toMs: END }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
