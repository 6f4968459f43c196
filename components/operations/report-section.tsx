"use client";

// What the operation measured against the targets: recovery time (with its phases, as a table and a
// chart), data loss measured and estimated, the new primary and its epoch, and the notes. Exported
// as JSON or CSV for the post-incident review.
import { Button } from "@/components/ui/button";
import { downloadText } from "@/components/ui/download";
import { Card } from "@/components/ui/layout";
import { formatUsd } from "@/lib/format";
import type { TOperationPlan, TReport } from "@/lib/operations/contracts";

import { PhaseChart } from "./phase-chart";
import { PhaseTable } from "./phase-table";
import { reportCsv, reportJson } from "./report-csv";
import { ReportSummary } from "./report-summary";

export function ReportSection({
  report,
  operationId,
  plan,
}: {
  report: TReport;
  operationId: string;
  /** The plan it ran from: the estimates the measures are compared with. */
  plan?: TOperationPlan;
}) {
  const file = `meridian-operation-${operationId}-report`;
  const exports = (
    <>
      <Button
        size="sm"
        onClick={() => downloadText(`${file}.json`, reportJson(report), "application/json;charset=utf-8")}
      >
        Export JSON
      </Button>
      <Button size="sm" onClick={() => downloadText(`${file}.csv`, reportCsv(report))}>
        Export CSV
      </Button>
    </>
  );
  return (
    // The test id wraps the whole card, export buttons included.
    <div data-testid="operation-report">
      <Card title="Report" actions={exports}>
        <div className="space-y-6">
          <ReportSummary report={report} />
          {report.phases.length > 0 ? (
            <div className="grid items-start gap-6 xl:grid-cols-2">
              <PhaseTable
                phases={report.phases}
                total={report.measuredRtoSeconds}
                estimate={plan ? { byPhase: plan.estimate.byPhase, rtoSeconds: plan.estimate.rtoSeconds } : undefined}
              />
              <PhaseChart phases={report.phases} />
            </div>
          ) : (
            <p className="text-sm text-slate-500">No phase was measured.</p>
          )}
          {plan ? (
            <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="report-cost">
              Event cost: estimated {formatUsd(plan.eventCost.totalUsd)} in the plan; the twin keeps no bill, so no
              measured cost is shown.
            </p>
          ) : null}
          {report.notes.length > 0 ? (
            <div>
              <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">Notes</h3>
              <ul className="mt-1 list-disc space-y-0.5 pl-4 text-sm">
                {report.notes.map((note, index) => (
                  <li key={`${index}-${note}`}>{note}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      </Card>
    </div>
  );
}
