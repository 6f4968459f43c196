// The run step by step: status, attempts, duration (ticking while a step runs), what each step
// reported (epoch, lag, bytes rewound...) and its error, and which steps abort rolled back.
import type { TStepView } from "@/lib/operations/contracts";
import { Card } from "@/components/ui/layout";
import { StepRow } from "./step-row";

export function StepTimeline({ steps }: { steps: readonly TStepView[] }) {
  const done = steps.filter((step) => step.status === "SUCCEEDED" || step.status === "SKIPPED").length;
  return (
    <Card title="Steps" actions={<span className="text-xs text-slate-500">{`${done} of ${steps.length} done`}</span>}>
      <ol className="space-y-2" data-testid="step-timeline">
        {steps.map((step, position) => (
          <StepRow key={step.index} step={step} position={position + 1} />
        ))}
      </ol>
    </Card>
  );
}
