import { describe, expect, it } from "vitest";

import { quantile, summarize, timeTickFormat, timeTicks, toRows } from "../chart-data";
import { liveWindow } from "../live-window";

const point = (t: number, value: number) => ({ t, min: value, p50: value, p95: value * 2, max: value * 3, avg: value });

describe("chart data", () => {
  it("puts series side by side by instant, inside the range", () => {
    const rows = toRows(
      [
        { key: "a", points: [point(1000, 1), point(2000, 2), point(9000, 9)] },
        { key: "b", points: [point(2000, 20), point(3000, 30)] },
      ],
      "p50",
      0,
      5000,
    );
    expect(rows).toEqual([
      { t: 1000, s0: 1, s1: null },
      { t: 2000, s0: 2, s1: 20 },
      { t: 3000, s0: null, s1: 30 },
    ]);
  });

  it("breaks a line where samples are missing: an explicit null after the last point before a gap", () => {
    // One point every 5 s, then nothing for 40 s (a frozen observer), then again every 5 s.
    const times = [0, 5, 10, 15, 55, 60, 65].map((s) => s * 1000);
    const rows = toRows([{ key: "a", points: times.map((t) => point(t, t / 1000)) }], "avg", 0, 70_000, 5000);
    expect(rows.map((row) => [row.t, row.s0])).toEqual([
      [0, 0],
      [5000, 5],
      [10_000, 10],
      [15_000, 15],
      [20_000, null], // the gap: Recharts (connectNulls off) stops the line here
      [55_000, 55],
      [60_000, 60],
      [65_000, 65],
    ]);
  });

  it("does not break a line for a lost sample, and bridges another series' instants without showing them", () => {
    // Series a every 2 s with one sample lost at 6 s; series b at odd seconds.
    const a = [0, 2, 4, 8, 10].map((s) => point(s * 1000, s));
    const b = [3].map((s) => point(s * 1000, 100));
    const rows = toRows(
      [
        { key: "a", points: a },
        { key: "b", points: b },
      ],
      "avg",
      0,
      10_000,
      1000,
    );
    expect(rows.every((row) => row.s0 !== null)).toBe(true);
    expect(rows.find((row) => row.t === 3000)).toEqual({ t: 3000, s0: 3, b0: 1, s1: 100, d1: 1 }); // a bridged, b alone
  });

  it("marks a point between gaps to be drawn as a dot, as a line of one point draws nothing", () => {
    const points = [0, 1000, 2000, 60_000].map((t) => point(t, 1));
    const rows = toRows([{ key: "a", points }], "avg", 0, 120_000, 1000);
    expect(rows.filter((row) => row.d0 === 1).map((row) => row.t)).toEqual([60_000]);
  });
});

describe("time ticks", () => {
  const local = (t: number) => new Date(t);
  it("fall at round local times over every preset, whatever instant the range starts at", () => {
    const odd = Date.UTC(2026, 11, 2, 13, 7, 23, 456);
    const cases: [number, (d: Date) => boolean][] = [
      [5 * 60_000, (d) => d.getSeconds() === 0 && d.getMilliseconds() === 0],
      [3_600_000, (d) => d.getMinutes() % 5 === 0 && d.getSeconds() === 0],
      [86_400_000, (d) => d.getMinutes() === 0 && d.getHours() % 3 === 0],
      [7 * 86_400_000, (d) => d.getHours() === 0 && d.getMinutes() === 0],
    ];
    for (const [rangeMs, round] of cases) {
      const ticks = timeTicks(odd - rangeMs, odd);
      expect(ticks.length, `${rangeMs} ms range`).toBeGreaterThanOrEqual(4);
      expect(ticks.length).toBeLessThanOrEqual(12);
      for (const t of ticks) {
        expect(round(local(t)), `${local(t).toString()} over ${rangeMs} ms`).toBe(true);
        expect(t).toBeGreaterThanOrEqual(odd - rangeMs);
        expect(t).toBeLessThanOrEqual(odd);
      }
      // Evenly spaced (a day tick may be an hour off across a daylight-saving change).
      const spacing = ticks.slice(1).map((t, i) => t - ticks[i]!);
      expect(Math.max(...spacing) - Math.min(...spacing)).toBeLessThanOrEqual(3_600_000);
    }
  });

  it("read with seconds under a minute apart, as times under a day, as dates beyond", () => {
    const t = new Date(2026, 11, 2, 13, 5, 30).getTime();
    expect(timeTickFormat(15_000)(t)).toMatch(/13:05:30|1:05:30/);
    expect(timeTickFormat(600_000)(t)).toMatch(/13:05|1:05/);
    expect(timeTickFormat(86_400_000)(t)).toMatch(/Dec|12/);
  });
});

describe("chart summaries", () => {
  it("summarises a series: median of medians, p95 of p95s, the largest maximum", () => {
    const points = Array.from({ length: 20 }, (_, i) => point(i * 1000, i + 1));
    expect(summarize(points)).toEqual({ p50: 10, p95: 38, max: 60, latest: 20 });
    expect(summarize([], 0, 1)).toBeNull();
    expect(quantile([5, 1, 3], 0.5)).toBe(3);
  });

  it("asks once for a live range, up to the moment it was chosen", () => {
    const chosenAt = 60_000 * 16_666_667 + 123;
    expect(liveWindow(chosenAt, 5 * 60_000)).toEqual({ fromMs: chosenAt - 5 * 60_000, toMs: chosenAt });
  });
});
