// The run step by step: status, attempts, duration (ticking while a step runs), what each step
// reported (epoch, lag, bytes rewound...) and its error, and which steps abort rolled back.
import { Card } from "@/components/ui/layout";
import type { TPlannedStep, TPlanReplica, TStepView } from "@/lib/operations/contracts";

import { StepRow } from "./step-row";

export function StepTimeline({
  steps,
  replicas,
  planned,
}: {
  steps: readonly TStepView[];
  replicas: readonly TPlanReplica[];
  planned: readonly TPlannedStep[];
}) {
  const gated = new Set(planned.filter((step) => step.gated).map((step) => step.index));
  const names = new Map(replicas.map((replica) => [replica.id, `${replica.name} (${replica.regionCode})`]));
  const done = steps.filter((step) => step.status === "SUCCEEDED").length;
  const skipped = steps.filter((step) => step.status === "SKIPPED").length;
  const undone = steps.filter((step) => step.status === "ROLLED_BACK").length;
  const summary = [
    `${done} of ${steps.length} done`,
    undone ? `${undone} undone` : "",
    skipped ? `${skipped} skipped` : "",
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <Card title="Steps" actions={<span className="text-xs text-slate-500">{summary}</span>}>
      <ol className="space-y-2" data-testid="step-timeline">
        {steps.map((step, position) => (
          <StepRow key={step.index} step={step} position={position + 1} names={names} gated={gated.has(step.index)} />
        ))}
      </ol>
    </Card>
  );
}
