"use client";

// One step of the timeline. A started, unfinished step ticks its duration; a PENDING one that has
// started reads "Running" (the contract has no RUNNING step status).
import { isStepRunning, isStepUnderway, outputSentence, stepDurationMs } from "@/components/operations/step-view";
import { useNow } from "@/components/ui/use-now";
import { formatDateTime, formatDuration } from "@/lib/format";
import { type TStepView } from "@/lib/operations/contracts";
import { PHASE_LABELS } from "@/lib/operations/words";

import { StatusBadge } from "./status-badge";

function LiveDuration({ step }: { step: TStepView }) {
  const now = useNow(1000);
  return <>{formatDuration(stepDurationMs(step, now) ?? 0)}</>;
}

export function StepRow({
  step,
  position,
  names,
  gated,
}: {
  step: TStepView;
  position: number;
  names: ReadonlyMap<string, string>;
  gated: boolean;
}) {
  const running = isStepRunning(step);
  const sentence = outputSentence(step.output, names);
  return (
    <li
      data-testid={`step-${step.index}`}
      data-status={step.status}
      className={`rounded-md border p-2.5 ${running ? "border-sky-300 bg-sky-50/60 dark:border-sky-800 dark:bg-sky-950/30" : "border-slate-200 dark:border-slate-800"}`}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="w-6 text-right text-xs tabular-nums text-slate-500">{position}</span>
        <span className="font-medium">{step.title}</span>
        <span className="text-xs text-slate-500">{PHASE_LABELS[step.phase]}</span>
        {running ? (
          <StatusBadge status={step.status} label="Running" tone="info" />
        ) : (
          <StatusBadge status={step.status} />
        )}
        {gated ? (
          <span className="text-xs font-medium text-amber-700 dark:text-amber-400" data-testid="step-gated">
            approval before this step
          </span>
        ) : null}
        {step.rolledBackAt ? (
          <span className="text-xs font-medium text-violet-700 dark:text-violet-400" data-testid="rolled-back">
            rolled back {formatDateTime(step.rolledBackAt)}
          </span>
        ) : null}
        <span className="ml-auto flex gap-3 text-xs tabular-nums text-slate-600 dark:text-slate-400">
          <span title="Attempts">
            {step.attempts}/{step.maxAttempts} attempts
          </span>
          <span title="Duration" data-testid="step-duration">
            {isStepUnderway(step) ? (
              <LiveDuration step={step} />
            ) : step.durationMs !== null ? (
              formatDuration(step.durationMs)
            ) : (
              "—"
            )}
          </span>
        </span>
      </div>
      {sentence ? (
        <p className="mt-1.5 pl-9 text-xs text-slate-700 dark:text-slate-300" data-testid="step-output">
          {sentence}
        </p>
      ) : null}
      {step.error ? (
        <p className="mt-1.5 pl-9 text-xs text-rose-600 dark:text-rose-400" data-testid="step-error">
          {step.error}
        </p>
      ) : null}
    </li>
  );
}
