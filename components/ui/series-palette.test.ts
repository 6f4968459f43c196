// The chart palette: every pair of series colours stays apart (CIELAB distance, d3-color) and every
// colour reads against its theme's card background (WCAG contrast of graphics, 3:1), in both themes.
import { lab, rgb } from "d3-color";
import { describe, expect, it } from "vitest";

import { PALETTE_SIZE, SERIES_COLOR_VARS } from "./series-palette";

const BACKGROUND = { light: "#ffffff", dark: "#0f172a" } as const; // cards: white, slate-900

function colours(theme: "light" | "dark"): string[] {
  return Array.from({ length: PALETTE_SIZE }, (_, i) => {
    const match = SERIES_COLOR_VARS.match(
      new RegExp(`(?:^| )${theme === "dark" ? "dark:" : ""}\\[--series-${i}:(#[0-9a-f]{6})\\]`),
    );
    if (!match) throw new Error(`no ${theme} colour for series ${i}`);
    return match[1]!;
  });
}

const distance = (a: string, b: string) => {
  const x = lab(a);
  const y = lab(b);
  return Math.hypot(x.l - y.l, x.a - y.a, x.b - y.b);
};

function luminance(colour: string) {
  const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const { r, g, b } = rgb(colour);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
const contrast = (a: string, b: string) => {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
};

describe.each(["light", "dark"] as const)("series palette, %s theme", (theme) => {
  const palette = colours(theme);

  it("has ten different colours, each pair apart by at least 15 (CIELAB ΔE)", () => {
    expect(new Set(palette).size).toBe(PALETTE_SIZE);
    for (let i = 0; i < palette.length; i++)
      for (let j = i + 1; j < palette.length; j++)
        expect(distance(palette[i]!, palette[j]!), `series ${i} and ${j}`).toBeGreaterThanOrEqual(15);
  });

  it("reads against the card background (contrast at least 3:1)", () => {
    for (const [i, colour] of palette.entries())
      expect(contrast(colour, BACKGROUND[theme]), `series ${i}`).toBeGreaterThanOrEqual(3);
  });
});
