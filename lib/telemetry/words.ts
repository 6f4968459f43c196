// Telemetry in words: each alert kind and fault kind as the pages and the server's sentences name it.
import type { TFieldWords } from "@/lib/fields";
import { formatDuration } from "@/lib/format";

import type { RegionStatus, TAlertKind, TAnnotationKind, TDeploymentHealth, TFaultKind } from "./contracts";
import type { TFreshness } from "./freshness";

export const ALERT_KIND_LABELS: Record<TAlertKind, string> = {
  LAG_OVER_RPO: "Lag over RPO",
  REGION_DOWN: "Region down",
  OBSERVATION_FAILED: "Observation failing",
};
export const alertKindLabel = (kind: string) => ALERT_KIND_LABELS[kind as TAlertKind] ?? kind;

export const FAULT_LABELS: Record<TFaultKind, string> = {
  REGION_OUTAGE: "Region outage",
  LINK_PARTITION: "Link partition",
  ADDED_LATENCY: "Added latency",
  LAG_SPIKE: "Lag spike (slow replay)",
  WRITE_SURGE: "Write surge",
};
export const FAULTS_NOT_HERE =
  "Meridian injects faults only into simulated deployments and the lab, never into servers it does not own.";
/** How a lab region outage stops its servers (`params.clean`): the fault panel's choice and the fault's summary. */
export const OUTAGE_MODES = [
  { clean: 0, label: "Unplanned (kill -9)", summary: "unplanned, kill -9" },
  { clean: 1, label: "Clean shutdown", summary: "clean shutdown" },
] as const;
export const outageModeSummary = (clean: number | undefined) =>
  (OUTAGE_MODES.find((mode) => mode.clean === (clean ?? 0)) ?? OUTAGE_MODES[0]).summary;
export const faultKindLabel = (kind: string) => FAULT_LABELS[kind as TFaultKind] ?? kind;

/** The mark of a deployment whose figures are measured on real PostgreSQL servers, by driver kind. */
export const MEASURED_LABEL = "Measured on real servers";
export const MEASURED_HINT: Record<string, string> = {
  lab: "Figures are read with SQL from the lab's real PostgreSQL servers, not simulated.",
  postgres: "Figures are read with SQL from this deployment's PostgreSQL servers, not simulated.",
};
export const isMeasured = (driverKind: string) => driverKind === "lab" || driverKind === "postgres";

export const SERVER_WORDS = {
  title: "Servers",
  reachable: "Answering",
  unreachable: "Unreachable",
  primary: "Primary (writes)",
  standby: "Standby (in recovery)",
  walPosition: "Log position",
  writeRate: "Log written",
  atRisk: "Lost if promoted now",
  lagUnknown: "Lag unknown",
  diverged: "Diverged",
  divergenceNone: "Regions agree (row counts and checksums)",
  noServers: "No server has answered yet.",
} as const;

/** The live mark: how current the values on the page are, in words (tones: FRESHNESS_TONE). */
export const FRESHNESS_LABELS: Record<TFreshness, string> = {
  waiting: "Waiting for the first values",
  connecting: "Connecting…",
  live: "Live",
  late: "Late",
  stopped: "Not updating",
};

/** "Live", "Late: no new values for 12 s", "Not updating: no new values for 3 min 05 s". */
export function freshnessSentence(freshness: TFreshness, ageMs: number): string {
  const label = FRESHNESS_LABELS[freshness];
  return freshness === "late" || freshness === "stopped"
    ? `${label}: no new values for ${formatDuration(ageMs)}`
    : label;
}

/** The kinds of event drawn over the charts, as their legend names them. */
export const ANNOTATION_KIND_LABELS: Record<TAnnotationKind, string> = {
  fault: "Fault",
  alert: "Alert",
  operation: "Operation",
};

/** The fields of the fault form: the label above each control is the name its errors use. */
export const FAULT_FIELDS = {
  kind: { label: "Fault" },
  target: { label: "Target" },
  outageMode: { label: "How the servers stop" },
  durationSeconds: { label: "Duration", unit: "seconds" },
} as const satisfies Record<string, TFieldWords>;

export const REGION_STATUS_LABELS: Record<RegionStatus, string> = {
  HEALTHY: "Healthy",
  DEGRADED: "Degraded",
  DOWN: "Down",
};

export const HEALTH_LABELS: Record<TDeploymentHealth, string> = {
  ...REGION_STATUS_LABELS,
  STALE: "No recent data",
  NO_DATA: "Not observed yet",
};
