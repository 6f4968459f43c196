// Readiness: has the DR plan been tested? The newest drill Operations ran on this deployment, judged
// by the article's rule: drill at least quarterly, because an untested plan is a plan that does not exist.
import { parseReport, type TReport } from "@/lib/operations/contracts";
import type { ReadinessItem } from "@/lib/planning/contracts";
import type { Db } from "@/server/db";

/** "At least quarterly": a drill older than this no longer vouches for the plan. */
export const DRILL_MAX_AGE_DAYS = 92;
const DAY_MS = 86_400_000;

export type LastDrill = {
  id: string;
  status: string;
  finishedAt: Date;
  failureReason: string | null;
  report: TReport | null;
};

export async function lastDrill(db: Db, deploymentId: string): Promise<LastDrill | null> {
  const drill = await db.operation.findFirst({
    where: { deploymentId, runbook: "DRILL", finishedAt: { not: null }, status: { in: ["SUCCEEDED", "FAILED"] } },
    orderBy: { finishedAt: "desc" },
    select: { id: true, status: true, finishedAt: true, failureReason: true, report: true },
  });
  return drill ? { ...drill, finishedAt: drill.finishedAt!, report: parseReport(drill.report) } : null;
}

export function drillItem(drill: LastDrill | null, nowMs = Date.now()): ReadinessItem {
  const base = { id: "drill", title: "Failover drill" };
  if (!drill) {
    return {
      ...base,
      status: "warn",
      reason:
        "no drill recorded: run a failover drill (Operations → Drill) at least quarterly; a DR plan that has not been tested is a plan that does not exist",
    };
  }
  const day = drill.finishedAt.toISOString().slice(0, 10);
  if (drill.status === "FAILED")
    return {
      ...base,
      status: "fail",
      reason: `the last drill, on ${day}, failed: ${drill.failureReason ?? "no reason recorded"}`,
    };
  const ageDays = Math.floor((nowMs - drill.finishedAt.getTime()) / DAY_MS);
  const report = drill.report;
  const measured = report
    ? `measured RTO ${report.measuredRtoSeconds ?? "?"} s against ${report.targets.rtoSeconds} s, data loss ${report.measuredDataLossSeconds} s against ${report.targets.rpoSeconds} s`
    : "no report";
  if (ageDays > DRILL_MAX_AGE_DAYS)
    return {
      ...base,
      status: "warn",
      reason: `the last drill was ${ageDays} days ago (${day}), longer than a quarter: ${measured}`,
    };
  if (report && (report.rtoMet === false || !report.rpoMet))
    return { ...base, status: "fail", reason: `the last drill, on ${day}, missed its targets: ${measured}` };
  return { ...base, status: "pass", reason: `drilled on ${day}: ${measured}` };
}
