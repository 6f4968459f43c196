// What a browser knows of a deployment right now: the newest value of every series, the open
// alerts and the active faults. The worker builds one per tick and publishes it as a live event.
export type RegionStatus = "HEALTHY" | "DEGRADED" | "DOWN";

export type LiveLink = {
  linkId: string;
  lagMs: number;
  lagBytes: number;
  /** Lag in seconds of writes: lagBytes over the link's write rate, the figure RPO is about. */
  stalenessSeconds: number;
  overRpo: boolean;
};

export type LiveRegion = {
  regionId: string;
  status: RegionStatus;
  healthyProbes: number;
  totalProbes: number;
  requestsPerSecond: number;
  errorRate: number;
  latencyP50Ms: number | null;
};

export type LiveCluster = { clusterId: string; conflicts: number; conflictsPerSecond: number };

export type LiveReplica = {
  replicaId: string;
  role: "PRIMARY" | "READ_REPLICA" | "MULTI_MASTER";
  epoch: number;
  writable: boolean;
  fenced: boolean;
};

export type LiveAlert = {
  id: string;
  kind: "LAG_OVER_RPO" | "REGION_DOWN";
  targetId: string;
  targetLabel: string;
  message: string;
  openedAt: string;
};

export type LiveFault = { id: string; kind: string; summary: string; startedAt: string };

export type LiveSnapshot = {
  deploymentId: string;
  /** The observation's instant, ms since the epoch. */
  observedAtMs: number;
  rpoTargetSeconds: number;
  links: LiveLink[];
  regions: LiveRegion[];
  clusters: LiveCluster[];
  replicas: LiveReplica[];
  alerts: LiveAlert[];
  faults: LiveFault[];
};

/** Colours by status, shared by the graph, the map and the tables. */
export const STATUS_TONE: Record<RegionStatus, "good" | "warn" | "bad"> = {
  HEALTHY: "good",
  DEGRADED: "warn",
  DOWN: "bad",
};
