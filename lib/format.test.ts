import { describe, expect, it } from "vitest";

import { formatClientAddress, formatLimit, formatMultiplier, formatUsd } from "./format";

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

describe("formatLimit", () => {
  it("says a field's bounds in its units", () => {
    expect(formatLimit(0, "seconds")).toBe("0 s");
    expect(formatLimit(604_800, "seconds")).toBe("7 days");
    expect(formatLimit(86_400, "seconds")).toBe("1 day");
    expect(formatLimit(300, "seconds")).toBe("5 min");
    expect(formatLimit(3600, "seconds")).toBe("1 h");
    expect(formatLimit(45, "seconds")).toBe("45 s");
    expect(formatLimit(99.99999, "percent")).toBe("99.99999%");
    expect(formatLimit(1_000_000, "gbPerDay")).toBe("1,000,000 GB/day");
    expect(formatLimit(10_000)).toBe("10,000");
  });
});

describe("formatClientAddress", () => {
  it("shows the client's address as people read it, never an expanded or masked one", () => {
    expect(formatClientAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(formatClientAddress("198.51.100.7")).toBe("198.51.100.7");
    expect(formatClientAddress("0000:0000:0000:0000:0000:0000:0000:0001")).toBe("::1");
    expect(formatClientAddress("2001:0db8:0000:0000:0000:0000:0000:0000")).toBe("2001:db8::");
    expect(formatClientAddress("0000:0000:0000:0000:0000:0000:0000:0000")).toBe("an unknown address");
    expect(formatClientAddress(null)).toBe("an unknown address");
    expect(formatClientAddress("::1")).toBe("::1");
  });
});
