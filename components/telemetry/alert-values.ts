// What an alert's condition measures, as the alert list shows it: the value now (from the live
// snapshot, while the alert is open), the worst it reached (the server's peak from the samples,
// raised by live values seen since), and the threshold. Pure, so it is tested alone.
import { formatLagMs } from "@/lib/format";
import type { LiveSnapshot } from "@/lib/telemetry/contracts";

export type AlertMeasure = { id: string; kind: string; targetId: string; peak?: number | null; details?: unknown };
export type AlertValues = { now: string | null; peak: string | null; threshold: string | null; sinceMs: number | null };

/** The condition's live value in a snapshot: lag in ms, or probe locations failing; null when it has none. */
export function liveValue(alert: AlertMeasure, snapshot: LiveSnapshot | undefined): number | null {
  if (!snapshot) return null;
  if (alert.kind === "LAG_OVER_RPO")
    return snapshot.links.find((link) => link.linkId === alert.targetId)?.lagMs ?? null;
  if (alert.kind === "REGION_DOWN") {
    const region = snapshot.regions.find((one) => one.regionId === alert.targetId);
    return region ? region.totalProbes - region.healthyProbes : null;
  }
  return null;
}

const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);

export function alertValues(alert: AlertMeasure, snapshot: LiveSnapshot | undefined, open: boolean): AlertValues {
  return alertValuesAt(alert, open ? liveValue(alert, snapshot) : null);
}

/** The same, from the condition's live value already read (null for a resolved alert). */
export function alertValuesAt(alert: AlertMeasure, now: number | null): AlertValues {
  const details = (alert.details ?? {}) as Record<string, unknown>;
  const peaks = [num(alert.peak), now].filter((value): value is number => value !== null);
  const peak = peaks.length ? Math.max(...peaks) : null;
  if (alert.kind === "LAG_OVER_RPO") {
    const target = num(details.rpoTargetSeconds);
    return {
      now: now === null ? null : formatLagMs(now),
      peak: peak === null ? null : formatLagMs(peak),
      threshold: target === null ? null : `RPO target ${formatLagMs(target * 1000)}`,
      sinceMs: num(details.sinceMs),
    };
  }
  if (alert.kind === "REGION_DOWN") {
    const probes = num(details.probes);
    const quorum = num(details.quorum);
    const of = (failing: number) => `${failing} of ${probes ?? "?"} probe locations failing`;
    return {
      now: now === null ? null : of(now),
      peak: peak === null ? null : of(peak),
      threshold: quorum === null ? null : `down at ${quorum} failing`,
      sinceMs: null,
    };
  }
  return { now: null, peak: null, threshold: null, sinceMs: null };
}
