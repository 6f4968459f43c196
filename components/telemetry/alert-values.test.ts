import { describe, expect, it } from "vitest";

import type { LiveSnapshot } from "@/lib/telemetry/contracts";

import { alertValues } from "./alert-values";

const snapshot = {
  links: [{ linkId: "l1", lagMs: 12_400, lagBytes: 0, overRpo: true }],
  regions: [
    {
      regionId: "r1",
      status: "DOWN",
      healthyProbes: 1,
      totalProbes: 5,
      requestsPerSecond: 0,
      errorRate: 1,
      latencyP50Ms: null,
    },
  ],
} as unknown as LiveSnapshot;

describe("alert values", () => {
  const lag = {
    id: "a",
    kind: "LAG_OVER_RPO",
    targetId: "l1",
    peak: 19_100,
    details: { rpoTargetSeconds: 5, sinceMs: 1000 },
  };

  it("shows an open lag alert's lag now, its peak and the RPO target", () => {
    expect(alertValues(lag, snapshot, true)).toEqual({
      now: "12.4 s",
      peak: "19.1 s",
      threshold: "RPO target 5 s",
      sinceMs: 1000,
    });
  });

  it("raises the peak to a live value above the server's", () => {
    expect(alertValues({ ...lag, peak: 8000 }, snapshot, true).peak).toBe("12.4 s");
  });

  it("shows a resolved alert's peak and no live value", () => {
    expect(alertValues(lag, snapshot, false)).toMatchObject({ now: null, peak: "19.1 s" });
  });

  it("counts failing probe locations for a region down", () => {
    const down = { id: "b", kind: "REGION_DOWN", targetId: "r1", peak: 5, details: { probes: 5, quorum: 3 } };
    expect(alertValues(down, snapshot, true)).toEqual({
      now: "4 of 5 probe locations failing",
      peak: "5 of 5 probe locations failing",
      threshold: "down at 3 failing",
      sinceMs: null,
    });
  });
});
