// The run step by step: status, attempts, duration (ticking while a step runs), what each step
// reported (epoch, lag, bytes rewound...) and its error, and which steps abort rolled back.
import { Card } from "@/components/ui/layout";
import type { TPlanLink, TPlannedStep, TPlanReplica, TStepView } from "@/lib/operations/contracts";

import { StepRow } from "./step-row";

export function StepTimeline({
  steps,
  replicas,
  links = [],
  planned,
}: {
  steps: readonly TStepView[];
  replicas: readonly TPlanReplica[];
  links?: readonly TPlanLink[];
  planned: readonly TPlannedStep[];
}) {
  const gated = new Set(planned.filter((step) => step.gated).map((step) => step.index));
  // Ids in step outputs are named: replicas by name and region, links by their two ends.
  const replicaNames = new Map(replicas.map((replica) => [replica.id, `${replica.name} (${replica.regionCode})`]));
  const names = new Map([
    ...replicaNames,
    ...links.map(
      (link) =>
        [
          link.id,
          `the link ${replicaNames.get(link.source) ?? "?"} → ${replicaNames.get(link.target) ?? "?"}`,
        ] as const,
    ),
  ]);
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
