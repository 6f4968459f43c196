import { describe, expect, it } from "vitest";

import { quantile, summarize, toRows } from "../chart-data";
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
      { t: 1000, s0: 1 },
      { t: 2000, s0: 2, s1: 20 },
      { t: 3000, s1: 30 },
    ]);
  });

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
