// A step as the run timeline reads it: how long it has taken, whether it is under way, its output
// in words; and a replica as the operations pages name it.
import { formatBytes, formatLagMs } from "@/lib/format";
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
const HIDDEN_OUTPUT = new Set(["previous", "scaled", "stableSinceMs"]);

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

type Value = string | number | boolean | null;
/** Each output field a step reports, as a phrase; null leaves it out (an absent drain says nothing). */
const PHRASES: Record<string, (value: Value, name: (v: Value) => string) => string | null> = {
  baseEpoch: (v) => `started at epoch ${v}`,
  epoch: (v) => `now at epoch ${v}`,
  newEpoch: (v) => `now at epoch ${v}`,
  lagMs: (v) => (typeof v === "number" ? `lag was ${formatLagMs(v)}` : null),
  replica: (v, name) => `on ${name(v)}`,
  primary: (v, name) => `new primary ${name(v)}`,
  chosen: (v, name) => `chose ${name(v)}`,
  changedFromPlan: (v) => (v === true ? "not the planned target" : null),
  role: (v) => (typeof v === "string" ? `now ${v.toLowerCase().replaceAll("_", " ")}` : null),
  alreadyDemoted: (v) => (v === true ? "was already demoted" : null),
  alreadyPromoted: (v) => (v === true ? "was already promoted" : null),
  committedPosition: (v) => (typeof v === "number" ? `had committed ${formatBytes(v)} of log` : null),
  repointed: (v) => `${v} replica${v === 1 ? "" : "s"} repointed`,
  rewoundBytes: (v) => (typeof v === "number" && v > 0 ? `${formatBytes(v)} rewound on the old primary` : null),
  lostBytes: (v) =>
    typeof v === "number" ? (v > 0 ? `${formatBytes(v)} not replicated were lost` : "nothing lost") : null,
  to: (v, name) => `traffic to ${name(v)}`,
  drained: (v, name) => (v === null ? null : `${name(v)} drained`),
  policies: (v) => `${v} routing polic${v === 1 ? "y" : "ies"} changed`,
  region: (v, name) => `in ${name(v)}`,
  resized: (v) => `${v} stack${v === 1 ? "" : "s"} resized`,
  restored: (v) => `${v} stack${v === 1 ? "" : "s"} restored`,
  kept: () => null, // the restore's note says what was kept and why
  note: (v) => (typeof v === "string" && v !== "" ? v : null),
  // Each resize in the size words of every page: "compute 3 × large, scaled down → 10 × large".
  sizes: (v) => (typeof v === "string" && v !== "" ? v : null),
  cleared: (v) => `${v} fault${v === 1 ? "" : "s"} cleared`,
  writtenBytes: (v) => (typeof v === "number" ? `${formatBytes(v)} of new writes landed` : null),
  faultId: () => null,
  startPosition: () => null,
  position: () => null,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A step's output as one sentence ("Started at epoch 3; lag was 61 ms"), ids named (replicas and
 * links by name; an id nobody can name is left out rather than shown raw), fields the engine
 * keeps for itself left out.
 */
export function outputSentence(
  output: Record<string, Value> | null,
  names: ReadonlyMap<string, string> = new Map(),
): string | null {
  if (!output) return null;
  const name = (value: Value) => (typeof value === "string" ? (names.get(value) ?? value) : String(value));
  const phrases = Object.entries(output)
    .filter(([key]) => !HIDDEN_OUTPUT.has(key))
    .map(([key, value]) => {
      const phrase = PHRASES[key];
      if (phrase) return phrase(value, name);
      if (value === null || (typeof value === "string" && UUID.test(value) && !names.has(value))) return null;
      // A field without its own words: said plainly, its name split into words.
      const words = key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
      return `${words} ${typeof value === "number" ? value.toLocaleString("en-US", { maximumFractionDigits: 3 }) : name(value)}`;
    })
    .filter((phrase): phrase is string => !!phrase && !UUID.test(phrase));
  if (phrases.length === 0) return null;
  const sentence = phrases.join("; ");
  return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`;
}
