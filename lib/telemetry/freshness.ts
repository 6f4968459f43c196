// How current the newest live values are: "live" while the worker's observations keep arriving,
// "late" after a few missed probe intervals, "stopped" when the worker has clearly stopped observing
// the deployment, "connecting" while the page's subscription (re)connects with values still recent.
// A page that says "Live" over values that stopped moving is the worst thing a console can do in an
// incident. Pure, for the live marks of the graph and the telemetry page and for their tests.

/** The worker's probe interval when nothing says otherwise (MERIDIAN_PROBE_INTERVAL_MS's default). */
export const DEFAULT_PROBE_INTERVAL_MS = 1_000;
/** Missed intervals after which the values are late, and after which observation has stopped. */
export const LATE_AFTER_INTERVALS = 3;
export const STOPPED_AFTER_INTERVALS = 10;

export type TFreshness = "waiting" | "connecting" | "live" | "late" | "stopped";

export type FreshnessInput = {
  /** Whether the page's live subscription is connected. */
  connected: boolean;
  /** The newest snapshot's instant, or undefined before the first one arrived. */
  observedAtMs: number | undefined;
  intervalMs: number | undefined;
  nowMs: number;
};

export function liveFreshness({ connected, observedAtMs, intervalMs, nowMs }: FreshnessInput): {
  freshness: TFreshness;
  ageMs: number;
} {
  if (observedAtMs === undefined) return { freshness: connected ? "waiting" : "connecting", ageMs: 0 };
  const interval = intervalMs ?? DEFAULT_PROBE_INTERVAL_MS;
  const ageMs = Math.max(0, nowMs - observedAtMs);
  if (ageMs > interval * STOPPED_AFTER_INTERVALS) return { freshness: "stopped", ageMs };
  if (ageMs > interval * LATE_AFTER_INTERVALS) return { freshness: "late", ageMs };
  return { freshness: connected ? "live" : "connecting", ageMs };
}
