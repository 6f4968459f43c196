// Contracts of telemetry: what a browser knows of a deployment right now (the live snapshot the
// observer publishes each tick, stored as a live event and parsed with ZLiveSnapshot when read
// back), history reads, alerts, and the faults an operator may inject into a simulated deployment.
import { z } from "zod";

import { REPLICA_ROLES } from "@/lib/enums";
import { epochMs, id, intIn, orList, recordNumber } from "@/lib/fields";
import { ZDeploymentRef } from "@/lib/topology/contracts";

import { FAULT_FIELDS, FAULT_LABELS } from "./words";

// ---------------------------------------------------------------------------------------------
// The live snapshot
// ---------------------------------------------------------------------------------------------

export const REGION_STATUSES = ["HEALTHY", "DEGRADED", "DOWN"] as const;
export type RegionStatus = (typeof REGION_STATUSES)[number];
/** A deployment at a glance: its worst region, or why there is nothing to judge by (no or old data). */
export const DEPLOYMENT_HEALTHS = [...REGION_STATUSES, "STALE", "NO_DATA"] as const;
export type TDeploymentHealth = (typeof DEPLOYMENT_HEALTHS)[number];

export const ALERT_KINDS = ["LAG_OVER_RPO", "REGION_DOWN", "OBSERVATION_FAILED"] as const;
export type TAlertKind = (typeof ALERT_KINDS)[number];

const ZLiveLink = z.object({
  linkId: z.string(),
  /** The lag RPO is about: how many ms of writes the target has not applied (assess.effectiveLagMs). */
  lagMs: z.number(),
  lagBytes: z.number(),
  overRpo: z.boolean(),
});
export type LiveLink = z.infer<typeof ZLiveLink>;

const ZLiveRegion = z.object({
  regionId: z.string(),
  status: z.enum(REGION_STATUSES),
  healthyProbes: z.number(),
  totalProbes: z.number(),
  requestsPerSecond: z.number(),
  errorRate: z.number(),
  latencyP50Ms: z.number().nullable(),
});
export type LiveRegion = z.infer<typeof ZLiveRegion>;

const ZLiveCluster = z.object({ clusterId: z.string(), conflicts: z.number(), conflictsPerSecond: z.number() });
export type LiveCluster = z.infer<typeof ZLiveCluster>;

const ZLiveReplica = z.object({
  replicaId: z.string(),
  role: z.enum(REPLICA_ROLES),
  epoch: z.number(),
  writable: z.boolean(),
  fenced: z.boolean(),
});
export type LiveReplica = z.infer<typeof ZLiveReplica>;

const ZLiveAlert = z.object({
  id: z.string(),
  kind: z.enum(ALERT_KINDS),
  targetId: z.string(),
  targetLabel: z.string(),
  message: z.string(),
  openedAt: z.string(),
});
export type LiveAlert = z.infer<typeof ZLiveAlert>;

const ZLiveFault = z.object({ id: z.string(), kind: z.string(), summary: z.string(), startedAt: z.string() });
export type LiveFault = z.infer<typeof ZLiveFault>;

/** A real server as it answered the observation (postgres and lab deployments). */
const ZLiveServer = z.object({
  replicaId: z.string(),
  reachable: z.boolean(),
  error: z.string().nullable(),
  inRecovery: z.boolean().nullable(),
  walPosition: z.number().nullable(),
  writeBytesPerSecond: z.number().nullable(),
  /** If this replica were promoted now: bytes and seconds of writes it has not received. */
  atRisk: z.object({ bytes: z.number(), seconds: z.number() }).nullable(),
});
export type LiveServer = z.infer<typeof ZLiveServer>;

const ZLiveLagUnknown = z.object({ linkId: z.string(), error: z.string() });
export type LiveLagUnknown = z.infer<typeof ZLiveLagUnknown>;

const ZLiveDivergence = z.object({
  clusterId: z.string(),
  checkedAtMs: z.number(),
  tables: z.array(
    z.object({
      table: z.string(),
      rows: z.record(z.string(), z.number()),
      checksums: z.record(z.string(), z.string()),
      differs: z.boolean(),
      differingChecks: z.number(),
    }),
  ),
});
export type LiveDivergence = z.infer<typeof ZLiveDivergence>;

export const ZLiveSnapshot = z.object({
  deploymentId: z.string(),
  /** The observation's instant, ms since the epoch. */
  observedAtMs: z.number(),
  /**
   * How often the worker observes: a snapshot older than a few of these is late (liveFreshness).
   * Absent from snapshots published before it was recorded (then DEFAULT_PROBE_INTERVAL_MS).
   */
  intervalMs: z.number().positive().optional(),
  rpoTargetSeconds: z.number(),
  links: z.array(ZLiveLink),
  regions: z.array(ZLiveRegion),
  clusters: z.array(ZLiveCluster),
  replicas: z.array(ZLiveReplica),
  /** The deployment's open alerts: the one source of them for the pages. */
  alerts: z.array(ZLiveAlert),
  /** Its active faults: the one source of them for the pages. */
  faults: z.array(ZLiveFault),
  /** The figures were measured on real servers (postgres, lab), not simulated. */
  measured: z.boolean().optional(),
  /** Real servers only: each server's answer or error, links whose lag could not be read, divergence. */
  servers: z.array(ZLiveServer).optional(),
  lagUnknown: z.array(ZLiveLagUnknown).optional(),
  divergence: z.array(ZLiveDivergence).optional(),
});
export type LiveSnapshot = z.infer<typeof ZLiveSnapshot>;
export const parseLiveSnapshot = (payload: unknown): LiveSnapshot => ZLiveSnapshot.parse(payload);

/** Lag in seconds (the RPO figure) to the millisecond, as plans, gates and readiness read it. */
export const lagSeconds = (link: Pick<LiveLink, "lagMs">) => Math.round(link.lagMs) / 1000;

export const ZLiveInput = ZDeploymentRef.extend({ lastEventId: recordNumber("lastEventId").nullish() });
export const ZAlertsInput = ZDeploymentRef.extend({ includeResolved: z.boolean().default(false) });

// ---------------------------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------------------------
export const SERIES = ["lag", "traffic", "errors", "health", "conflicts"] as const;
export type TSeries = (typeof SERIES)[number];

/** Preset ranges of the charts; "custom" takes fromMs/toMs. */
export const RANGES = { "5m": 5 * 60_000, "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000 } as const;

export const ZHistoryQuery = z
  .object({
    deploymentId: id("deploymentId"),
    series: z.enum(SERIES, { error: `series must be one of ${SERIES.join(", ")}` }),
    /** Link ids for lag, region ids for traffic/errors/health, cluster ids for conflicts; all when empty. */
    keys: z
      .array(z.string().max(100, "a series key is at most 100 characters"))
      .max(500, "keys may hold at most 500 series")
      .default([]),
    fromMs: epochMs("fromMs"),
    toMs: epochMs("toMs"),
  })
  .refine((q) => q.toMs > q.fromMs, { path: ["toMs"], message: "toMs must be after fromMs" })
  .refine((q) => q.toMs - q.fromMs <= 366 * 86_400_000, {
    path: ["fromMs"],
    message: "a range may span at most a year",
  });
export type THistoryQuery = z.input<typeof ZHistoryQuery>;

export type HistoryPoint = { t: number; min: number; p50: number; p95: number; max: number; avg: number };
export type HistorySeries = { key: string; points: HistoryPoint[] };
export type HistoryResult = { resolutionSeconds: number; fromMs: number; toMs: number; series: HistorySeries[] };

/** Events drawn over the charts (as Grafana's annotations): faults, alerts and operations overlapping a range. */
export const ZAnnotationsQuery = z
  .object({ deploymentId: id("deploymentId"), fromMs: epochMs("fromMs"), toMs: epochMs("toMs") })
  .refine((q) => q.toMs > q.fromMs, { path: ["toMs"], message: "toMs must be after fromMs" });
export type TAnnotationsQuery = z.input<typeof ZAnnotationsQuery>;

export const ANNOTATION_KINDS = ["fault", "alert", "operation"] as const;
export type TAnnotationKind = (typeof ANNOTATION_KINDS)[number];
/** One event: a region from startMs to endMs, or from startMs on while it lasts (endMs null). */
export type Annotation = {
  id: string;
  kind: TAnnotationKind;
  title: string;
  detail: string;
  startMs: number;
  endMs: number | null;
};

// ---------------------------------------------------------------------------------------------
// Faults an operator may inject into a simulated deployment, as the fault form and the API take
// them. The driver's own schema (server/drivers/fault-spec.ts) checks the parameters again, with
// the time and id the server adds.
// ---------------------------------------------------------------------------------------------
export const FAULT_KINDS = ["REGION_OUTAGE", "LINK_PARTITION", "ADDED_LATENCY", "LAG_SPIKE", "WRITE_SURGE"] as const;
export type TFaultKind = (typeof FAULT_KINDS)[number];

/** The kinds each driver acts out: the lab cuts and slows its link relays and stops its servers. */
export const FAULT_KINDS_BY_DRIVER: Record<string, readonly TFaultKind[]> = {
  sim: FAULT_KINDS,
  lab: ["REGION_OUTAGE", "LINK_PARTITION", "ADDED_LATENCY"],
  postgres: [],
};
export const faultKindsFor = (driverKind: string): readonly TFaultKind[] => FAULT_KINDS_BY_DRIVER[driverKind] ?? [];

/** Which target each kind takes. */
export const FAULT_TARGET: Record<TFaultKind, "region" | "link" | "regionOrLink" | "cluster"> = {
  REGION_OUTAGE: "region",
  LINK_PARTITION: "link",
  ADDED_LATENCY: "regionOrLink",
  LAG_SPIKE: "link",
  WRITE_SURGE: "cluster",
};

export const ZInjectFault = z.object({
  deploymentId: id("deploymentId"),
  kind: z.enum(FAULT_KINDS, {
    error: `${FAULT_FIELDS.kind.label} must be ${orList(FAULT_KINDS.map((kind) => FAULT_LABELS[kind]))}`,
  }),
  target: z.object({
    regionId: z.string().optional(),
    linkId: z.string().optional(),
    clusterId: z.string().optional(),
  }),
  params: z.record(z.string(), z.number({ error: "fault parameters must be numbers" })).default({}),
  /** Ends by itself after this long; until cleared when absent. */
  durationSeconds: intIn(FAULT_FIELDS.durationSeconds, 1, 86_400).optional(),
});
export type TInjectFault = z.input<typeof ZInjectFault>;

export const ZFaultRef = z.object({ faultId: id("faultId") });
