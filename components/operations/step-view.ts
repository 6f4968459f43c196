// Durations, countdowns and replicas as an operator reads them on the operations pages.
import { formatSeconds } from "@/components/ui/format";
import type { TReplicaRef, TStepView } from "@/lib/operations/contracts";

/** "850 ms", "12.4 s", "3 min 05 s", "1 h 12 min": a step's duration at a glance. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${+(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.floor(ms / 1000);
  if (totalSeconds < 3600)
    return `${Math.floor(totalSeconds / 60)} min ${String(totalSeconds % 60).padStart(2, "0")} s`;
  return `${Math.floor(totalSeconds / 3600)} h ${String(Math.floor((totalSeconds % 3600) / 60)).padStart(2, "0")} min`;
}

/** Seconds from estimates and measurements, which are fractional: "0.4 s", "12 s", "3.5 min". */
export function formatSecs(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  // Sub-second data loss is still data loss: show it, never round it to "0 s".
  if (seconds > 0 && seconds < 0.1) return `${+seconds.toPrecision(2)} s`;
  if (seconds < 10) return `${+seconds.toFixed(1)} s`;
  return formatSeconds(Math.round(seconds));
}

/** Time left before an approval expires, or "expired". */
export function formatCountdown(msLeft: number): string {
  if (msLeft <= 0) return "expired";
  const seconds = Math.ceil(msLeft / 1000);
  if (seconds < 60) return `${seconds} s left`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s left`;
  return `${Math.floor(seconds / 3600)} h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, "0")} min left`;
}

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
