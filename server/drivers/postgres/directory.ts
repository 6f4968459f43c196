import type { RegionTrafficObservation } from "../types";

// Where a postgres driver finds its servers: for each replica of the model, how to connect to the
// PostgreSQL server that is that replica, and for each probe location the route its health probes
// take to each region (for the lab, a relay that adds the location's delay). Plain data: the lab
// hands over its servers and relays, a user's deployment its stored connection details.

export type SslMode = "disable" | "prefer" | "require" | "verify-full";
export const SSL_MODES: readonly SslMode[] = ["disable", "prefer", "require", "verify-full"];

export interface ServerEndpoint {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  sslmode: SslMode;
}

/** A probe location's way to one region's server (host and port of its relay, or the server itself). */
export interface ProbeRoute {
  location: string;
  regionId: string;
  host: string;
  port: number;
}

/** What the faults ask of the lab: links cut, latency added per link, servers stopped and how. */
export interface LabFaultState {
  cutLinks: string[];
  linkLatencyMs: Record<string, number>;
  /** Replica id -> kill -9 (unplanned) or a clean shutdown. */
  stoppedServers: Record<string, "kill" | "clean">;
  /** Servers an outage stopped and that no active fault keeps down: started again (if not running). */
  startServers: string[];
}

/** What acts on the world around the servers: the lab's link relays and processes. */
export interface LabControls {
  /** Brings the lab to this state, changing only what differs (called every session: idempotent). */
  apply(state: LabFaultState): Promise<void>;
}

/** Meridian's marker on a lab server's folder (the lab's markers.ts), as the driver reads it. */
export interface ServerMarkerView {
  token: number;
  fenced: boolean;
  demoted: boolean;
  epoch: number | null;
  checkpointLsn: string | null;
  cleanShutdown: boolean | null;
}

/** A router's pinned target: the region code (null: its rules choose) and the token that set it. */
export interface RouterView {
  policyId: string;
  region: string | null;
  token: number;
}

export type LabMoveAction = "fence" | "unfence" | "demote" | "promote" | "repoint" | "rejoin" | "reclone";

/**
 * What acts on the processes and routers of the lab for an operation: every call carries the
 * attempt's token and is refused by the lab when it is older than the newest it applied.
 */
export interface LabOperator {
  move(input: {
    replicaId: string;
    action: LabMoveAction;
    token: number;
    epoch?: number;
  }): Promise<{ running: boolean; marker: ServerMarkerView | null; recloned?: boolean }>;
  route(input: {
    policyId: string;
    region: string | null;
    token: number;
    /** Region codes taken out of the rules' choice (an active-active drain); their connections close. */
    drained?: string[];
  }): Promise<{ region: string | null; token: number }>;
}

export interface ServerDirectory {
  /** Replica id -> its server; a replica missing here is reported unreachable, with `absentReason`. */
  servers: Record<string, ServerEndpoint>;
  /** Why a replica has no server here (the lab is not running, no connection details entered). */
  absentReason: string;
  /** A reason of one replica's own, where it differs (its stored password does not open). */
  absentReasons?: Record<string, string>;
  /** Every probe route; a region without any is probed by nobody. */
  probes: ProbeRoute[];
  /** The lab's controls, for faults; null for servers run elsewhere. */
  controls: LabControls | null;
  /** The lab's operator: fence, promote, rejoin, route (absent: servers Meridian only observes). */
  operator?: LabOperator | null;
  /** Replica id -> the marker on its folder, when the lab session opened. */
  markers?: Record<string, ServerMarkerView | null>;
  /** The lab's routers' pinned targets, when the session opened. */
  routers?: RouterView[];
  /**
   * The role applications connect as (not Meridian's own): an active-active region's fence refuses
   * it CONNECT and ends its backends, while replication and Meridian's connections stay.
   */
  clientRole?: string;
  /** Client traffic per region as its clients saw it (the lab's workload); else read from the servers. */
  traffic?: RegionTrafficObservation[];
}
