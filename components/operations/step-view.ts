// A step as the run timeline reads it: how long it has taken, whether it is under way, its output
// in words; and a replica as the operations pages name it.
import type { TReplicaRef, TStepView } from "@/lib/operations/contracts";

/** A finished step's recorded duration; a started one ticks with `nowMs`; one not started has none. */
export function stepDurationMs(
  step: Pick<TStepView, "durationMs" | "startedAt" | "finishedAt">,
  nowMs: number,
): number | null {
  if (step.durationMs !== null) return step.durationMs;
  if (step.startedAt && !step.finishedAt) return Math.max(0, nowMs - Date.parse(step.startedAt));
  return null;
}

/** Started and not finished: its duration ticks (a WAITING step too: it waits for an approval or lag). */
export const isStepUnderway = (step: Pick<TStepView, "startedAt" | "finishedAt">) =>
  !!step.startedAt && !step.finishedAt;

/** A PENDING step that has started is the one running (the contract has no RUNNING step status). */
export const isStepRunning = (step: Pick<TStepView, "status" | "startedAt" | "finishedAt">) =>
  step.status === "PENDING" && isStepUnderway(step);

export const replicaWords = (replica: Pick<TReplicaRef, "name" | "regionCode">) =>
  `${replica.name} (${replica.regionCode})`;

/** Kept by the engine to undo a step (previous routing rules, stack sizes): not for reading. */
const HIDDEN_OUTPUT = new Set(["previous", "stableSinceMs"]);

/** A step's output as short "key: value" pairs, replica ids shown by name; nested values as compact JSON. */
export function outputPairs(
  output: Record<string, unknown> | null,
  names: ReadonlyMap<string, string> = new Map(),
): [string, string][] {
  if (!output) return [];
  return Object.entries(output)
    .filter(([key]) => !HIDDEN_OUTPUT.has(key))
    .map(([key, value]) => [
      key,
      typeof value === "number"
        ? value.toLocaleString("en-US", { maximumFractionDigits: 3 })
        : typeof value === "string"
          ? (names.get(value) ?? value)
          : JSON.stringify(value),
    ]);
}
