// The contract between Meridian's domain and the world outside (a simulated twin, real PostgreSQL,
// or the local lab): a plain-data topology goes in, observations come out, and every action that
// can change who accepts writes carries a fencing epoch.
import type { LINK_MODES, STEERINGS, TReplicaRole, WRITE_TOPOLOGIES } from "@/lib/enums";

import type { TFaultSpec, TFaultSpecInput } from "./fault-spec";

export type DriverKind = "sim" | "postgres" | "lab";

// ---------------------------------------------------------------------------------------------
// Topology: deliberately plain data, not Prisma types, so drivers stay independent of storage.
// ---------------------------------------------------------------------------------------------

// The model's enums (lib/enums.ts), under the names drivers use.
export type ReplicaRole = TReplicaRole;
export type WriteTopology = (typeof WRITE_TOPOLOGIES)[number];
export type ReplicationMode = (typeof LINK_MODES)[number];
export type SteeringPolicy = (typeof STEERINGS)[number];

export interface TopologyRegion {
  id: string;
  /** Cloud region code, e.g. "us-east-1". */
  code: string;
  latitude: number;
  longitude: number;
  /** Where health probes run from; overrides the routing policy's list for this region. */
  probeLocations?: string[];
}

export interface TopologyCluster {
  id: string;
  writeTopology: WriteTopology;
}

export interface TopologyReplica {
  id: string;
  clusterId: string;
  regionId: string;
  role: ReplicaRole;
  /** Fencing epoch this replica was last promoted (or created) in. */
  epoch: number;
}

export interface TopologyLink {
  id: string;
  sourceReplicaId: string;
  targetReplicaId: string;
  mode: ReplicationMode;
  expectedVolumeGbPerDay: number;
}

export interface HealthCheckSpec {
  intervalSeconds: number;
  timeoutSeconds: number;
  /** Consecutive failed probes before the routing layer marks a region down. */
  failureThreshold: number;
  probeLocations: string[];
  /** How many probe locations must agree a region is down (avoids false positives). */
  quorum: number;
}

export interface RoutingRule {
  id: string;
  regionId: string;
  weight: number;
  /** Lower is preferred (FAILOVER steering). */
  priority: number;
  enabled: boolean;
  /** Drained: kept in the policy but sent no new traffic (maintenance, failback preparation). */
  drained: boolean;
}

export interface RoutingPolicy {
  id: string;
  steering: SteeringPolicy;
  healthCheck: HealthCheckSpec;
  rules: RoutingRule[];
}

export interface DeploymentTopology {
  deploymentId: string;
  regions: TopologyRegion[];
  clusters: TopologyCluster[];
  replicas: TopologyReplica[];
  links: TopologyLink[];
  routingPolicies: RoutingPolicy[];
}

// ---------------------------------------------------------------------------------------------
// Observations
// ---------------------------------------------------------------------------------------------

export interface LinkLagObservation {
  linkId: string;
  /** Time the target needs to apply its backlog plus half the round trip; 0 when caught up. */
  lagMs: number;
  /** Bytes the source committed that the target has not applied yet. */
  lagBytes: number;
}

export interface ProbeObservation {
  regionId: string;
  probeLocation: string;
  healthy: boolean;
  /** Probe round trip; null when the probe got no answer within its timeout. */
  latencyMs: number | null;
}

export interface RegionTrafficObservation {
  regionId: string;
  requestsPerSecond: number;
  /** Fraction of requests failing, 0..1. */
  errorRate: number;
  /** Median user-facing latency; null when the region receives no requests. */
  latencyP50Ms: number | null;
}

export interface ClusterConflictObservation {
  clusterId: string;
  /** Write conflicts detected since the driver started (a counter, like pg_stat_subscription_stats). */
  conflicts: number;
  conflictsPerSecond: number;
}

export interface RoutingObservation {
  policyId: string;
  /** Regions the routing layer has marked down (failureThreshold probes failed, with quorum). */
  unhealthyRegionIds: string[];
  /** Requests no rule could take (every rule disabled or drained). */
  unroutedRequestsPerSecond: number;
}

/** A link whose lag could not be read this time (a server did not answer): a gap, never a zero. */
export interface LinkLagUnknown {
  linkId: string;
  error: string;
}

/** What a real server said about itself (drivers on real servers; the sim has none to report). */
export interface ServerObservation {
  replicaId: string;
  reachable: boolean;
  /** Why it could not be read (connection refused, timeout...); null when reachable. */
  error: string | null;
  /** pg_is_in_recovery(): a standby; null when unreachable. */
  inRecovery: boolean | null;
  /** Bytes of log the server holds: what it committed (primary) or received (standby). */
  walPosition: number | null;
  /** Log written per second (primary), from pg_current_wal_lsn() over time. */
  writeBytesPerSecond: number | null;
  /** If this replica were promoted now: what its cluster's writer committed that it has not received. */
  atRisk: { bytes: number; seconds: number } | null;
}

/** Row counts and checksums of one table across the replicas of an active-active cluster. */
export interface TableDivergence {
  table: string;
  rows: Record<string, number>;
  checksums: Record<string, string>;
  differs: boolean;
  /** Consecutive checks that found the difference (one may be writes in flight). */
  differingChecks: number;
}

export interface DivergenceObservation {
  clusterId: string;
  checkedAtMs: number;
  tables: TableDivergence[];
}

export interface Observations {
  observedAtMs: number;
  lag: LinkLagObservation[];
  health: ProbeObservation[];
  traffic: RegionTrafficObservation[];
  conflicts: ClusterConflictObservation[];
  routing: RoutingObservation[];
  /** Links whose lag could not be read (real servers only). */
  lagUnknown?: LinkLagUnknown[];
  /** Each server as it answered (real servers only). */
  servers?: ServerObservation[];
  /** Active-active clusters compared across regions, the latest check (real servers only). */
  divergence?: DivergenceObservation[];
}

// ---------------------------------------------------------------------------------------------
// Actions. `atMs` is the moment the action happens: drivers never read the clock themselves,
// so the sim stays deterministic and the worker decides what "now" is.
// ---------------------------------------------------------------------------------------------

/**
 * The deadline of one call: the engine aborts it before the worker's lease on the operation runs
 * out (server/domain/operations/engine/lease.ts), so no worker is still inside a call when another
 * takes the operation over. A driver that talks to servers stops there (cancels its query, closes
 * its connection) and throws; one that answers at once (the sim) may ignore it. Absent in driver
 * tests and reads.
 */
export interface CallDeadline {
  signal?: AbortSignal;
}

export interface ReplicaActionInput extends CallDeadline {
  replicaId: string;
  /** Fencing epoch of the operation; refused when older than the cluster's current epoch. */
  epoch: number;
  /**
   * Identifies the attempt (the engine's StepAttempt token, strictly increasing): the world refuses
   * an action whose token is older than the newest it applied for the cluster, so a stale worker's
   * late call cannot undo a newer one. The engine always gives it; absent only in driver tests.
   */
  token?: number;
  atMs: number;
}

export interface PromoteInput extends CallDeadline {
  replicaId: string;
  /** Every promotion takes a new epoch, strictly above the cluster's current one. */
  newEpoch: number;
  /**
   * Identifies the attempt (the engine's StepAttempt token, strictly increasing): the world refuses
   * an action whose token is older than the newest it applied for the cluster, so a stale worker's
   * late call cannot undo a newer one. The engine always gives it; absent only in driver tests.
   */
  token?: number;
  atMs: number;
}

export interface RepointInput extends CallDeadline {
  linkId: string;
  newSourceReplicaId: string;
  /** Optional: also change the receiving end, e.g. to reverse a link for failback. */
  newTargetReplicaId?: string;
  epoch: number;
  /**
   * Identifies the attempt (the engine's StepAttempt token, strictly increasing): the world refuses
   * an action whose token is older than the newest it applied for the cluster, so a stale worker's
   * late call cannot undo a newer one. The engine always gives it; absent only in driver tests.
   */
  token?: number;
  atMs: number;
}

export interface RoutingRuleChange {
  ruleId: string;
  weight?: number;
  priority?: number;
  enabled?: boolean;
  drained?: boolean;
}

export interface SetRoutingInput extends CallDeadline {
  policyId: string;
  /** Epoch of the operation (usually the cluster epoch it established); older changes are refused. */
  epoch: number;
  /**
   * The cluster whose operation moves the traffic. A policy serves every cluster of a deployment,
   * each with its own epochs: given, the change is checked against that cluster's epoch and against
   * the last change made for it, so one cluster's epochs never refuse another's.
   */
  clusterId?: string;
  rules: RoutingRuleChange[];
  /**
   * Identifies the attempt (the engine's StepAttempt token, strictly increasing): the world refuses
   * an action whose token is older than the newest it applied for the cluster, so a stale worker's
   * late call cannot undo a newer one. The engine always gives it; absent only in driver tests.
   */
  token?: number;
  atMs: number;
}

export interface WaitForCatchUpInput extends CallDeadline {
  linkId: string;
  atMs: number;
  /** How long to wait for the target to catch up; 0 (default) checks once. */
  timeoutMs?: number;
}

export interface CatchUpResult {
  linkId: string;
  /** True only when the target applied exactly what the source committed. */
  caughtUp: boolean;
  lagBytes: number;
  committedPosition: number;
  appliedPosition: number;
  /** When the answer holds: the moment of catch-up, or the end of the wait. */
  atMs: number;
}

export interface ReplicaStatus {
  replicaId: string;
  clusterId: string;
  role: ReplicaRole;
  epoch: number;
  fenced: boolean;
  /** Accepts writes: a writer role and not fenced (even when its region is unreachable). */
  writable: boolean;
  committedPosition: number;
}

export interface RepointResult {
  link: TopologyLink;
  /** Bytes the target had that its new source never had, discarded to rejoin (as pg_rewind does). */
  rewoundBytes: number;
}

export interface ReplicaPositionQuery {
  replicaId: string;
  atMs: number;
}

export interface LinkPositionQuery {
  linkId: string;
  atMs: number;
}

/**
 * What the world says of one cluster, read from the servers themselves (for PostgreSQL:
 * pg_is_in_recovery(), the timeline, Meridian's fence marker and last token in its small schema on
 * each server, the router's target). The engine reconciles an attempt in doubt against it.
 */
export interface ClusterWorld {
  clusterId: string;
  /** The newest attempt token the world applied for this cluster; 0 when none. */
  lastToken: number;
  replicas: (ReplicaStatus & { inRecovery: boolean; timeline: number })[];
  links: Pick<TopologyLink, "id" | "sourceReplicaId" | "targetReplicaId">[];
}

// ---------------------------------------------------------------------------------------------
// The driver
// ---------------------------------------------------------------------------------------------

export interface DriverCapabilities {
  canObserve: boolean;
  canFence: boolean;
  canPromote: boolean;
  canDemote: boolean;
  canRepoint: boolean;
  canSetRouting: boolean;
  canInjectFaults: boolean;
  /** Time is simulated: waiting (waitForCatchUp) moves the driver's clock instead of blocking. */
  hasVirtualClock: boolean;
  /** State must be persisted by the caller (exportState) to survive a worker restart. */
  holdsState: boolean;
}

export interface FaultInjector {
  /** Validates with ZFaultSpec and the topology; returns the fault as stored. */
  inject(spec: TFaultSpecInput): Promise<TFaultSpec>;
  /** Ends a fault at atMs; cleared is false when it had already ended or never existed (retry-safe). */
  clear(input: { faultId: string; atMs: number }): Promise<{ cleared: boolean }>;
  /** Faults active now or scheduled to start later. */
  list(): Promise<TFaultSpec[]>;
  /**
   * A driver without state of its own (real servers) is handed every stored active fault at each
   * session instead, and brings the world to what they describe; faults past their end ask nothing,
   * and those cleared a short while ago (`recentlyEnded`) undo what they did (a stopped server starts).
   */
  reconcile?(faults: TFaultSpec[], atMs: number, recentlyEnded?: TFaultSpec[]): Promise<void>;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface Driver {
  readonly kind: DriverKind;
  readonly capabilities: DriverCapabilities;
  /** Present exactly when capabilities.canInjectFaults. */
  readonly faults: FaultInjector | null;

  observe(atMs: number): Promise<Observations>;

  /** Stop a replica accepting writes. */
  fence(input: ReplicaActionInput): Promise<ReplicaStatus>;
  /** Let the current-epoch writer accept writes again; refused if another replica is writable. */
  unfence(input: ReplicaActionInput): Promise<ReplicaStatus>;
  /** Make a replica a writer at newEpoch; in a single-primary cluster refused while another replica is writable. */
  promote(input: PromoteInput): Promise<ReplicaStatus>;
  /** Turn a replica into a read replica. */
  demote(input: ReplicaActionInput): Promise<ReplicaStatus>;
  repoint(input: RepointInput): Promise<RepointResult>;
  setRouting(input: SetRoutingInput): Promise<RoutingPolicy>;

  waitForCatchUp(input: WaitForCatchUpInput): Promise<CatchUpResult>;
  /** Ids of replicas that accept writes now (for invariant checks). */
  writableReplicas(clusterId: string): Promise<string[]>;
  /** LSN-like: bytes of log the replica holds (for a writer, what it committed). */
  committedPosition(input: ReplicaPositionQuery): Promise<number>;
  /** LSN-like: how far into its source's log the link's target has applied. */
  appliedPosition(input: LinkPositionQuery): Promise<number>;

  /**
   * Optional, drivers of real servers: the preparation of a planned switchover before its fence
   * (PostgreSQL: a CHECKPOINT on the primary, so its shutdown checkpoint is short; warm connections).
   */
  prepareSwitchover?(input: ReplicaPositionQuery): Promise<{ checkpointMs: number }>;
  /** Optional, drivers of real servers: one probe write on the replica's server; its position after it. */
  probeWrite?(input: ReplicaPositionQuery): Promise<{ position: number; writtenAtMs: number }>;

  /** What the world says of a cluster now, for reconciling an attempt in doubt. */
  clusterWorld(clusterId: string): Promise<ClusterWorld>;
  /** The topology as the driver now sees it (roles, epochs, link ends, routing rules). */
  currentTopology(): Promise<DeploymentTopology>;
  /** JSON-safe state to persist when capabilities.holdsState; null otherwise. */
  exportState(): JsonValue | null;
  /** Lets go of what the driver holds open (connections) when its session ends; absent when it holds nothing. */
  close?(): Promise<void>;
}
