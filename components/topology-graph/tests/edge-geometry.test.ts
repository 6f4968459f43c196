import { describe, expect, it } from "vitest";

import { borderPoint, curvedLink } from "../edge-geometry";

describe("edge geometry", () => {
  const a = { x: 0, y: 0, width: 100, height: 50 };
  const b = { x: 300, y: 0, width: 100, height: 50 };

  it("leaves a box on its border, towards the other box", () => {
    expect(borderPoint(a, { x: 350, y: 25 })).toEqual({ x: 100, y: 25 });
    expect(borderPoint(a, { x: 50, y: 500 })).toEqual({ x: 50, y: 50 });
  });

  it("bends a→b and b→a to opposite sides, with labels apart", () => {
    const there = curvedLink(a, b);
    const back = curvedLink(b, a);
    expect(there.labelX).toBeCloseTo(back.labelX);
    expect(Math.sign(there.labelY - 25)).toBe(-Math.sign(back.labelY - 25));
    expect(Math.abs(there.labelY - back.labelY)).toBeGreaterThan(20);
  });

  it("bends a second parallel link further out", () => {
    expect(Math.abs(curvedLink(a, b, 1).labelY - 25)).toBeGreaterThan(Math.abs(curvedLink(a, b, 0).labelY - 25));
  });
});
