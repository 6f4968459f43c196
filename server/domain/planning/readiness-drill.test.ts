// The drill readiness item judges the newest drill Operations ran: untested, failed, stale, missed or passed.
import { describe, expect, it } from "vitest";

import type { TReport } from "@/lib/operations/contracts";
import { db } from "@/server/db";
import { opsEstate, request, runToEnd } from "@/tests/operations-estate";

import { readiness } from "./readiness";
import { drillItem, type LastDrill } from "./readiness-drill";

const report = (measuredRtoSeconds: number, rtoMet: boolean): TReport => ({
  operationId: "x",
  runbook: "DRILL",
  outcome: "SUCCEEDED",
  startedAt: null,
  finishedAt: null,
  measuredRtoSeconds,
  phases: [],
  measuredDataLossBytes: 0,
  measuredDataLossSeconds: 0,
  estimatedDataLossSeconds: 0,
  targets: { rtoSeconds: 600, rpoSeconds: 5 },
  rtoMet,
  rpoMet: true,
  newPrimary: null,
  epoch: 3,
  notes: [],
});
const drill = (over: Partial<LastDrill>): LastDrill => ({
  id: "d",
  status: "SUCCEEDED",
  finishedAt: new Date("2026-11-01T00:00:00Z"),
  failureReason: null,
  report: report(42, true),
  ...over,
});
const NOW = Date.parse("2026-11-26T00:00:00Z");

describe("drill readiness", () => {
  it("passes on a recent drill that met its targets, and says what it measured", () => {
    expect(drillItem(drill({}), NOW)).toMatchObject({
      status: "pass",
      reason: "drilled on 2026-11-01: measured RTO 42 s against 600 s, data loss 0 s against 5 s",
    });
  });

  it("fails on a failed drill or one that missed its targets, and warns once it is older than a quarter", () => {
    expect(drillItem(drill({ status: "FAILED", failureReason: "step 6 failed" }), NOW)).toMatchObject({
      status: "fail",
      reason: expect.stringMatching(/failed: step 6 failed/),
    });
    expect(drillItem(drill({ report: report(900, false) }), NOW)).toMatchObject({
      status: "fail",
      reason: expect.stringMatching(/missed its targets: measured RTO 900 s/),
    });
    expect(drillItem(drill({ finishedAt: new Date("2026-07-01T00:00:00Z") }), NOW)).toMatchObject({
      status: "warn",
      reason: expect.stringMatching(/148 days ago/),
    });
    expect(drillItem(null, NOW)).toMatchObject({ status: "warn", reason: expect.stringMatching(/^no drill recorded/) });
  });

  it("reads the drill Operations ran on the deployment", async () => {
    const estate = await opsEstate();
    const { operationId } = await request(estate.deploymentId, "DRILL");
    await runToEnd(estate.deploymentId, operationId, Date.now(), {}, 600);
    const item = (await readiness(db, estate.deploymentId)).find((i) => i.id === "drill");
    expect(item).toMatchObject({
      status: "pass",
      reason: expect.stringMatching(/^drilled on \d{4}-\d{2}-\d{2}: measured RTO [\d.]+ s against 600 s/),
    });
  });
});
