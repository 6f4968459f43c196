import { describe, expect, it } from "vitest";

import { InvalidFaultError } from "./errors";
import { parseFaultSpec, ZFaultSpec } from "./fault-spec";

const surge = (multiplier: unknown) => ({
  id: "surge-1",
  kind: "WRITE_SURGE",
  target: { clusterId: "orders" },
  params: { multiplier },
  startedAtMs: 1000,
});

function messageOf(input: unknown): string {
  try {
    parseFaultSpec(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidFaultError);
    return (error as Error).message;
  }
  throw new Error("expected the fault to be refused");
}

describe("fault specs", () => {
  it("accepts a valid write surge and fills defaults for optional params", () => {
    expect(parseFaultSpec(surge(10))).toMatchObject({ kind: "WRITE_SURGE", params: { multiplier: 10 } });
    const spike = parseFaultSpec({ id: "s", kind: "LAG_SPIKE", target: { linkId: "l" }, startedAtMs: 0 });
    expect(spike).toMatchObject({ params: { applyRateFactor: 0 } });
    const outage = parseFaultSpec({ id: "o", kind: "REGION_OUTAGE", target: { regionId: "r" }, startedAtMs: 0 });
    expect(outage.params).toEqual({});
  });

  it("refuses a multiplier out of range, naming the field and the rule", () => {
    expect(messageOf(surge(0))).toContain("multiplier must be between 1 and 100");
    expect(messageOf(surge(101))).toContain("multiplier must be between 1 and 100");
    expect(messageOf(surge(undefined))).toContain("multiplier is required");
    expect(messageOf(surge("ten"))).toContain("multiplier must be a number");
  });

  it("refuses unknown kinds, ambiguous targets, reversed times and out-of-range factors", () => {
    expect(messageOf({ ...surge(2), kind: "METEOR" })).toContain("kind must be one of REGION_OUTAGE");
    expect(
      messageOf({
        id: "l",
        kind: "ADDED_LATENCY",
        target: { regionId: "r", linkId: "x" },
        params: { addedLatencyMs: 50 },
        startedAtMs: 0,
      }),
    ).toContain("target must name exactly one of regionId or linkId");
    expect(messageOf({ ...surge(2), endsAtMs: 500 })).toContain("endsAtMs must be after startedAtMs");
    expect(
      messageOf({
        id: "s",
        kind: "LAG_SPIKE",
        target: { linkId: "l" },
        params: { applyRateFactor: 1 },
        startedAtMs: 0,
      }),
    ).toContain("applyRateFactor must be at least 0 and below 1");
    expect(
      messageOf({
        id: "l",
        kind: "ADDED_LATENCY",
        target: { linkId: "x" },
        params: { addedLatencyMs: 0 },
        startedAtMs: 0,
      }),
    ).toContain("addedLatencyMs must be between 1 and 600000");
  });

  it("refuses misspelt parameters instead of ignoring them", () => {
    expect(messageOf({ ...surge(2), params: { multipler: 2 } })).toMatch(/multipler/);
  });

  it("is exported as a zod schema the API can reuse", () => {
    expect(ZFaultSpec.safeParse(surge(5)).success).toBe(true);
    expect(ZFaultSpec.safeParse(surge(500)).success).toBe(false);
  });
});

describe("injecting faults into the sim", () => {
  it("refuses bad params and unknown targets, and keeps nothing of a refused fault", async () => {
    const { startedSim } = await import("./sim/fixtures");
    const driver = await startedSim();
    await expect(driver.faults.inject(surge(1000) as never)).rejects.toThrow("multiplier must be between 1 and 100");
    await expect(driver.faults.inject({ ...surge(2), target: { clusterId: "nope" } } as never)).rejects.toThrow(
      'cluster "nope" is not in this deployment',
    );
    expect(await driver.faults.list()).toEqual([]);
  });
});
