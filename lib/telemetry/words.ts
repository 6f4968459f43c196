// Telemetry in words: each alert kind and fault kind as the pages and the server's sentences name it.
import type { TAlertKind, TFaultKind } from "./contracts";

export const ALERT_KIND_LABELS: Record<TAlertKind, string> = {
  LAG_OVER_RPO: "Lag over RPO",
  REGION_DOWN: "Region down",
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
