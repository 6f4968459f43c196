import { describe, expect, it } from "vitest";

import { formatMultiplier, formatUsd } from "./format";

describe("formatUsd", () => {
  it("rounds only at presentation", () => {
    expect(formatUsd(1234.565)).toBe("$1,234.57");
    expect(formatUsd(1606.0000000000002)).toBe("$1,606.00");
    expect(formatUsd(1234.5, "whole")).toBe("$1,235");
    expect(formatUsd(0.0009, "unitPrice")).toBe("$0.0009");
    expect(formatUsd(0.02, "unitPrice")).toBe("$0.02");
  });

  it("shows negatives, hides float noise and refuses to print nonsense", () => {
    expect(formatUsd(-12.5)).toBe("-$12.50");
    expect(formatUsd(-0.000001)).toBe("$0.00");
    expect(formatUsd(Number.NaN)).toBe("n/a");
    expect(formatUsd(Number.POSITIVE_INFINITY)).toBe("n/a");
  });

  it("formats multipliers", () => {
    expect(formatMultiplier(1.537774)).toBe("1.54x");
    expect(formatMultiplier(null)).toBe("n/a");
  });
});
