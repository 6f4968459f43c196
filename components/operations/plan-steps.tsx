// The runbook's steps in order: what each does, its phase, whether it waits for an approval, how
// long it may take and how often it is tried, and what abort would do to it once it has run.
import { Card } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { formatSeconds } from "@/lib/format";
import { type TPlannedStep } from "@/lib/operations/contracts";
import { PHASE_LABELS, ROLLBACK_LABELS } from "@/lib/operations/words";

const ROLLBACK_TONE = {
  none: "text-slate-500",
  compensate: "text-sky-700 dark:text-sky-400",
  irreversible: "text-rose-700 dark:text-rose-400",
} as const;

export function PlanSteps({
  steps,
  title = "Steps",
  testId = "plan-steps",
}: {
  steps: readonly TPlannedStep[];
  title?: string;
  testId?: string;
}) {
  const total = steps.reduce((sum, step) => sum + step.estimateSeconds, 0);
  return (
    <Card
      title={title}
      actions={
        <span className="text-xs text-slate-500">{`${steps.length} steps · about ${formatSeconds(total)}`}</span>
      }
    >
      <div data-testid={testId}>
        <Table caption="Planned steps">
          <thead>
            <tr>
              <Th className="w-10">#</Th>
              <Th>Step</Th>
              <Th>Phase</Th>
              <Th className="text-right">Timeout</Th>
              <Th className="text-right">Attempts</Th>
              <Th>On abort</Th>
              <Th className="text-right">Estimate</Th>
            </tr>
          </thead>
          <tbody>
            {steps.map((step, position) => (
              <tr key={step.index} data-testid={`plan-step-${step.index}`}>
                <Td className="tabular-nums text-slate-500">{position + 1}</Td>
                <Td>
                  <span className="font-medium">{step.title}</span>
                  {step.gated ? (
                    <span
                      className="ml-2 inline-flex rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800 dark:bg-amber-950 dark:text-amber-300"
                      data-testid="gate-marker"
                    >
                      approval before this step
                    </span>
                  ) : null}
                </Td>
                <Td>{PHASE_LABELS[step.phase]}</Td>
                <Td className="text-right tabular-nums">{formatSeconds(step.timeoutSeconds)}</Td>
                <Td className="text-right tabular-nums">{step.maxAttempts}</Td>
                <Td>
                  <span className={`text-xs font-medium ${ROLLBACK_TONE[step.rollback]}`}>
                    {ROLLBACK_LABELS[step.rollback]}
                  </span>
                  {step.rollbackDescription ? (
                    <div className="text-xs text-slate-500">{step.rollbackDescription}</div>
                  ) : null}
                </Td>
                <Td className="text-right tabular-nums">{formatSeconds(step.estimateSeconds)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </Card>
  );
}
