// What the lab needs of a running cluster, whichever way it replicates (physical streaming or
// logical in both directions).
import type { LabServer, StopMode } from "./pg-server";
import type { Relay } from "./relay";
import type { LabCluster, LabReplica } from "./spec";

export interface ClusterRuntime {
  readonly cluster: LabCluster;
  readonly servers: Map<string, { replica: LabReplica; server: LabServer }>;
  readonly links: Map<string, { relay: Relay; source: string; target: string }>;
  /** The server that takes writes (single-primary); null for active-active. */
  readonly writer: LabServer | null;
  up(): Promise<void>;
  endOrphans(): Promise<number[]>;
  stopServer(name: string, mode: StopMode): Promise<void>;
  startServer(name: string): Promise<void>;
  down(mode?: StopMode): Promise<void>;
}
