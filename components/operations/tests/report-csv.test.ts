import { describe, expect, it } from "vitest";

import { stepDurationMs } from "@/components/operations/step-view";
import { formatCountdown, formatDuration } from "@/lib/format";
import type { TReport } from "@/lib/operations/contracts";

import { approvalWords } from "../policy-words";
import { reportCsv, reportJson } from "../report-csv";

const report: TReport = {
  operationId: "op1",
  runbook: "SWITCHOVER",
  outcome: "SUCCEEDED",
  startedAt: "2026-11-26T10:00:00Z",
  finishedAt: "2026-11-26T10:01:00Z",
  measuredRtoSeconds: 42.1234,
  phases: [
    { phase: "fence", seconds: 1.5 },
    { phase: "catch-up", seconds: 20 },
    { phase: "promote", seconds: 0.25 },
  ],
  measuredDataLossBytes: 0,
  measuredDataLossSeconds: 0,
  estimatedDataLossSeconds: 0.4,
  targets: { rtoSeconds: 300, rpoSeconds: 5 },
  rtoMet: true,
  rpoMet: true,
  newPrimary: { id: "r2", name: "=db-west, 2", regionId: "g2", regionCode: "us-west-2" },
  epoch: 7,
  notes: [],
};

describe("report export", () => {
  it("writes one row per phase, then the summary, with CRLF line ends", () => {
    const lines = reportCsv(report).split("\r\n");
    expect(lines.slice(0, 4)).toEqual(["phase,seconds", "Fence,1.5", "Catch-up,20", "Promote,0.25"]);
    expect(lines).toContain("Measured RTO (total),42.123");
    expect(lines).toContain("RTO met,yes");
    expect(lines).toContain("Epoch,7");
    expect(lines.at(-1)).toBe("");
  });

  it("quotes text with commas and defuses spreadsheet formulas", () => {
    expect(reportCsv(report)).toContain(`New primary,"'=db-west, 2 (us-west-2)"`);
  });

  it("leaves unknown figures empty rather than writing null", () => {
    const csv = reportCsv({ ...report, measuredRtoSeconds: null, rtoMet: null, newPrimary: null, epoch: null });
    expect(csv).toContain("Measured RTO (total),\r\n");
    expect(csv).toContain("RTO met,\r\n");
    expect(csv).toContain("Epoch,\r\n");
  });

  it("adds the ledger's figures where the workload keeps one, and leaves a figure not counted empty", () => {
    expect(reportCsv(report)).not.toContain("Acknowledged writes lost");
    const lines = reportCsv({
      ...report,
      ledger: { writeOutageSeconds: 0.412, lostWrites: { acknowledged: 1234, lost: 0 } },
    }).split("\r\n");
    expect(lines).toContain("Write outage seen by clients (seconds),0.412");
    expect(lines).toContain("Acknowledged writes lost,0");
    expect(lines).toContain("Acknowledged writes counted,1234");
    const notCounted = reportCsv({ ...report, ledger: { writeOutageSeconds: null, lostWrites: null } });
    expect(notCounted).toContain("Acknowledged writes lost,\r\n");
  });

  it("exports the report itself as JSON", () => {
    expect(JSON.parse(reportJson(report))).toEqual(report);
  });
});

describe("operations words", () => {
  it("formats durations and countdowns", () => {
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(12_400)).toBe("12.4 s");
    expect(formatDuration(185_000)).toBe("3 min 05 s");
    expect(formatCountdown(0)).toBe("expired");
    expect(formatCountdown(61_000)).toBe("1 min 01 s left");
  });

  it("ticks a started step and keeps a finished one's recorded duration", () => {
    const now = Date.parse("2026-11-26T10:00:10Z");
    expect(stepDurationMs({ durationMs: null, startedAt: "2026-11-26T10:00:00Z", finishedAt: null }, now)).toBe(10_000);
    expect(
      stepDurationMs(
        { durationMs: 500, startedAt: "2026-11-26T10:00:00Z", finishedAt: "2026-11-26T10:00:00.500Z" },
        now,
      ),
    ).toBe(500);
    expect(stepDurationMs({ durationMs: null, startedAt: null, finishedAt: null }, now)).toBeNull();
  });

  it("says what approvals a policy needs", () => {
    const policy = {
      approvalsRequired: 2,
      approverRole: "APPROVER" as const,
      expiresAfterSeconds: 1800,
      gatedSteps: ["PROMOTE" as const],
      lagToleranceSeconds: 5,
    };
    expect(
      approvalWords(policy, [
        { title: "Promote db-west", gated: true },
        { title: "Fence", gated: false },
      ]),
    ).toBe("2 approvals from Approver within 30 min; also before: Promote db-west");
    expect(approvalWords({ ...policy, approvalsRequired: 0 }, [])).toBe("No approval needed");
  });
});
