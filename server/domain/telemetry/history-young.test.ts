// A deployment 40 minutes old, charted over every range against the real database: each range shows
// the 40 minutes it has, before any rollup exists and once the rollup jobs have run as the worker
// runs them (the current hour and minute not yet rolled up). Samples lie in 2034, where no other
// test file puts any.
import { beforeAll, describe, expect, it } from "vitest";

import { RANGES, ZHistoryQuery, type THistoryQuery } from "@/lib/telemetry/contracts";
import { db } from "@/server/db";
import { makeTelemetryEstate, type TelemetryEstate } from "@/tests/telemetry-estate";

import { readHistory } from "./history";
import { ingestRows } from "./ingest";
import { DEFAULT_RETENTION } from "./retention";
import { rollupSamples } from "./rollup";

const SECOND = 1000;
const MINUTE = 60_000;
/** "Now": 40 minutes after the first sample, 20 minutes into an hour (so one hour has closed). */
const NOW = Date.UTC(2034, 5, 1, 10, 20, 30);
const FIRST = NOW - 40 * MINUTE;

let estate: TelemetryEstate;

const read = (query: Omit<THistoryQuery, "deploymentId" | "series">) =>
  readHistory(db, ZHistoryQuery.parse({ deploymentId: estate.deploymentId, series: "lag", ...query }), {
    nowMs: NOW,
    retention: DEFAULT_RETENTION,
  });

const ranges = () => ({
  "24 h": { fromMs: NOW - RANGES["24h"], toMs: NOW },
  "7 d": { fromMs: NOW - RANGES["7d"], toMs: NOW },
  "Custom 3 h": { fromMs: NOW - 3 * 3_600_000, toMs: NOW },
  "Custom 8 days": { fromMs: NOW - 8 * 86_400_000, toMs: NOW },
});

/** The instant range of the points of the first link, and their count. */
async function shown(range: { fromMs: number; toMs: number }) {
  const result = await read(range);
  const points = result.series[0]!.points;
  return {
    result,
    count: points.length,
    firstMs: points[0]?.t,
    lastMs: points.at(-1)?.t,
    max: Math.max(...points.map((p) => p.max)),
  };
}

beforeAll(async () => {
  estate = await makeTelemetryEstate(db, { regions: 2, links: 1 });
  const atMs = Array.from({ length: 40 * 60 }, (_, i) => FIRST + i * SECOND);
  await ingestRows(db, {
    lag: {
      linkId: atMs.map(() => estate.linkIds[0]!),
      atMs,
      lagMs: atMs.map((t) => (t - FIRST) / 1000), // climbs 0 → 2399 ms: the newest sample is the largest
      lagBytes: atMs.map(() => 0),
    },
  });
}, 60_000);

describe("history of a deployment 40 minutes old", () => {
  it.each(Object.keys(ranges()))("shows the 40 minutes over %s before any rollup exists", async (name) => {
    const range = ranges()[name as keyof ReturnType<typeof ranges>];
    const { result, count, firstMs, lastMs, max } = await shown(range);
    expect(count, `${name} (${result.source}, ${result.resolutionSeconds} s)`).toBeGreaterThan(0);
    const stepMs = result.resolutionSeconds * 1000;
    // The points span the data: from the bucket of the first sample to the bucket of the last one.
    expect(firstMs).toBe(Math.floor(FIRST / stepMs) * stepMs);
    expect(lastMs).toBe(Math.floor((NOW - SECOND) / stepMs) * stepMs);
    expect(max).toBe(2399); // the newest sample is in the chart
  });
});

describe("history of a deployment 40 minutes old, rolled up as the worker does", () => {
  beforeAll(async () => {
    // 1-minute rollups every 30 s, 1-hour rollups every 10 minutes, up to now.
    for (let t = FIRST; t <= NOW; t += 30 * SECOND) {
      await rollupSamples(db, { nowMs: t, bucketSeconds: 60, retention: DEFAULT_RETENTION });
      if ((t - FIRST) % (10 * MINUTE) === 0)
        await rollupSamples(db, { nowMs: t, bucketSeconds: 3600, retention: DEFAULT_RETENTION });
    }
  }, 60_000);

  it.each(Object.keys(ranges()))("shows the 40 minutes over %s", async (name) => {
    const range = ranges()[name as keyof ReturnType<typeof ranges>];
    const { result, firstMs, lastMs, max } = await shown(range);
    const stepMs = result.resolutionSeconds * 1000;
    expect(firstMs).toBe(Math.floor(FIRST / stepMs) * stepMs);
    expect(lastMs).toBe(Math.floor((NOW - SECOND) / stepMs) * stepMs);
    expect(max).toBe(2399);
  });

  it("reads a week's closed hour from its rollup and the current hour from raw samples, one point per hour", async () => {
    const { result } = await shown(ranges()["7 d"]);
    expect(result).toMatchObject({ source: "rollup-1h", resolutionSeconds: 3600 });
    const hour = Date.UTC(2034, 5, 1, 10);
    expect(result.series[0]!.points.map((p) => p.t)).toEqual([hour - 3_600_000, hour]);
    // 09:40:30 to 10:00 from the 1-hour rollup: 1,170 samples climbing from 0 ms.
    const closed = result.series[0]!.points[0]!;
    expect(closed).toMatchObject({ min: 0, max: 1169 });
    expect(closed.avg).toBeCloseTo(1169 / 2, 9);
    // 10:00 to now from raw samples.
    expect(result.series[0]!.points[1]).toMatchObject({ min: 1170, max: 2399 });
  });
});
