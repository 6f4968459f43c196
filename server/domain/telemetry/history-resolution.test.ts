// The resolution rule: which source a range reads and how wide its points are, within the point bound.
import { describe, expect, it } from "vitest";

import { RANGES } from "@/lib/telemetry/contracts";

import { chooseResolution, MAX_POINTS_PER_SERIES, planSegments } from "./history-resolution";
import { DEFAULT_RETENTION } from "./retention";

const NOW = Date.UTC(2033, 0, 1);
const HOUR = 3_600_000;
const DAY = 86_400_000;
const endingNow = (rangeMs: number, nowMs = NOW) => ({
  fromMs: nowMs - rangeMs,
  toMs: nowMs,
  nowMs,
  retention: DEFAULT_RETENTION,
});

describe("chooseResolution", () => {
  it("reads the chart presets from the source the rule names", () => {
    expect(chooseResolution(endingNow(RANGES["5m"]))).toEqual({ source: "raw", stepSeconds: 1 });
    expect(chooseResolution(endingNow(RANGES["1h"]))).toEqual({ source: "raw", stepSeconds: 5 });
    expect(chooseResolution(endingNow(RANGES["24h"]))).toEqual({ source: "rollup-1m", stepSeconds: 120 });
    expect(chooseResolution(endingNow(RANGES["7d"]))).toEqual({ source: "rollup-1h", stepSeconds: 3600 });
    expect(chooseResolution(endingNow(366 * DAY))).toEqual({ source: "rollup-1h", stepSeconds: 43_200 });
  });

  it("switches to 1-minute rollups at 160 minutes and to 1-hour rollups at 160 hours", () => {
    expect(chooseResolution(endingNow(160 * 60_000 - 1000))).toEqual({ source: "raw", stepSeconds: 10 });
    expect(chooseResolution(endingNow(160 * 60_000))).toEqual({ source: "rollup-1m", stepSeconds: 60 });
    expect(chooseResolution(endingNow(160 * HOUR - 1000))).toEqual({ source: "rollup-1m", stepSeconds: 600 });
    expect(chooseResolution(endingNow(160 * HOUR))).toEqual({ source: "rollup-1h", stepSeconds: 3600 });
  });

  it("falls back to a coarser source when the range is older than a source's retention", () => {
    const hourAgo = (endMs: number) => ({
      fromMs: endMs - HOUR,
      toMs: endMs,
      nowMs: NOW,
      retention: DEFAULT_RETENTION,
    });
    expect(chooseResolution(hourAgo(NOW - 47 * HOUR)).source).toBe("raw");
    expect(chooseResolution(hourAgo(NOW - 48 * HOUR))).toEqual({ source: "rollup-1m", stepSeconds: 60 });
    expect(chooseResolution(hourAgo(NOW - 31 * DAY))).toEqual({ source: "rollup-1h", stepSeconds: 3600 });
    expect(
      chooseResolution({ ...hourAgo(NOW - 3 * HOUR), retention: { ...DEFAULT_RETENTION, rawHours: 2 } }).source,
    ).toBe("rollup-1m");
  });

  it("keeps every range at or under the point bound, wherever it starts", () => {
    for (let rangeMs = 1000; rangeMs <= 366 * DAY; rangeMs = Math.ceil(rangeMs * 1.07)) {
      for (const offsetMs of [0, 1, 499, 59_999, 3_599_999]) {
        const fromMs = NOW - rangeMs - offsetMs;
        const toMs = fromMs + rangeMs;
        const { stepSeconds } = chooseResolution({ fromMs, toMs, nowMs: NOW, retention: DEFAULT_RETENTION });
        const stepMs = stepSeconds * 1000;
        const buckets = Math.ceil(toMs / stepMs) - Math.floor(fromMs / stepMs);
        expect(buckets, `range ${rangeMs} ms from ${fromMs}`).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
      }
    }
  });
});

describe("planSegments", () => {
  const H = 3_600_000;
  it("reads what the rollups have not reached from the next finer source, on step boundaries", () => {
    expect(
      planSegments({
        source: "rollup-1h",
        stepSeconds: 3600,
        fromMs: 0,
        toMs: 10 * H + 1,
        coveredToMs: { "rollup-1h": 8 * H, "rollup-1m": 9.5 * H },
      }),
    ).toEqual([
      { source: "rollup-1h", fromMs: 0, toMs: 8 * H },
      { source: "rollup-1m", fromMs: 8 * H, toMs: 9 * H }, // 9.5 h rounds down to the hour step
      { source: "raw", fromMs: 9 * H, toMs: 10 * H + 1 },
    ]);
  });

  it("reads raw samples alone when no rollup exists yet, and the rollup alone when it reaches the end", () => {
    expect(
      planSegments({ source: "rollup-1m", stepSeconds: 120, fromMs: 0, toMs: H, coveredToMs: { "rollup-1m": null } }),
    ).toEqual([{ source: "raw", fromMs: 0, toMs: H }]);
    expect(
      planSegments({ source: "rollup-1m", stepSeconds: 120, fromMs: 0, toMs: H, coveredToMs: { "rollup-1m": 2 * H } }),
    ).toEqual([{ source: "rollup-1m", fromMs: 0, toMs: H }]);
    // Rollups that end before the range begins add nothing.
    expect(
      planSegments({
        source: "rollup-1m",
        stepSeconds: 60,
        fromMs: 2 * H,
        toMs: 3 * H,
        coveredToMs: { "rollup-1m": H },
      }),
    ).toEqual([{ source: "raw", fromMs: 2 * H, toMs: 3 * H }]);
  });
});
