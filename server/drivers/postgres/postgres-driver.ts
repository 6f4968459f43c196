// The postgres driver: observes real PostgreSQL servers with SQL. It holds no state of the world
// (the servers are the state); what it exports is only the observer's previous readings (memory.ts).
// Acting on real servers (fence, promote, repoint, routing) is the next issue's; until then each
// action refuses with a sentence rather than pretending.
import { DriverUnavailableError } from "../errors";
import type {
  CatchUpResult,
  ClusterWorld,
  DeploymentTopology,
  Driver,
  DriverCapabilities,
  DriverKind,
  FaultInjector,
  JsonValue,
  Observations,
  ReplicaStatus,
  RepointResult,
  RoutingPolicy,
} from "../types";
import type { ServerDirectory } from "./directory";
import { labFaults } from "./lab-faults";
import { memoryFrom, type PostgresMemory } from "./memory";
import { observeServers } from "./observe";

const capabilities = (canInjectFaults: boolean): DriverCapabilities =>
  Object.freeze({
    canObserve: true,
    canFence: false,
    canPromote: false,
    canDemote: false,
    canRepoint: false,
    canSetRouting: false,
    canInjectFaults,
    hasVirtualClock: false,
    holdsState: false,
  });

export class PostgresDriver implements Driver {
  readonly kind: DriverKind;
  readonly capabilities: DriverCapabilities;
  readonly faults: FaultInjector | null;
  readonly #topology: DeploymentTopology;
  readonly #directory: ServerDirectory;
  #memory: PostgresMemory;

  constructor(input: {
    kind: DriverKind;
    topology: DeploymentTopology;
    directory: ServerDirectory;
    savedState?: unknown;
  }) {
    this.kind = input.kind;
    this.#topology = input.topology;
    this.#directory = input.directory;
    this.#memory = memoryFrom(input.savedState);
    this.faults = input.directory.controls ? labFaults(input.topology, input.directory.controls) : null;
    this.capabilities = capabilities(this.faults !== null);
  }

  async observe(atMs: number): Promise<Observations> {
    const { observations, memory } = await observeServers(this.#topology, this.#directory, this.#memory, atMs);
    this.#memory = memory;
    return observations;
  }

  #refuse(action: string): never {
    throw new DriverUnavailableError(
      `the ${this.kind} driver observes real servers; ${action} on them is not available yet`,
    );
  }

  fence(): Promise<ReplicaStatus> {
    return this.#refuse("fencing");
  }
  unfence(): Promise<ReplicaStatus> {
    return this.#refuse("unfencing");
  }
  promote(): Promise<ReplicaStatus> {
    return this.#refuse("promotion");
  }
  demote(): Promise<ReplicaStatus> {
    return this.#refuse("demotion");
  }
  repoint(): Promise<RepointResult> {
    return this.#refuse("repointing");
  }
  setRouting(): Promise<RoutingPolicy> {
    return this.#refuse("changing routing");
  }
  waitForCatchUp(): Promise<CatchUpResult> {
    return this.#refuse("waiting for catch-up");
  }
  committedPosition(): Promise<number> {
    return this.#refuse("reading positions for an operation");
  }
  appliedPosition(): Promise<number> {
    return this.#refuse("reading positions for an operation");
  }
  /** To come with the actions: pg_is_in_recovery(), the timeline, and the last token in Meridian's schema per server. */
  clusterWorld(): Promise<ClusterWorld> {
    return this.#refuse("reading the world's state to reconcile an operation");
  }

  /** Writers as the model says: the role the servers play is observed (servers[].inRecovery). */
  async writableReplicas(clusterId: string): Promise<string[]> {
    return this.#topology.replicas
      .filter((r) => r.clusterId === clusterId && r.role !== "READ_REPLICA")
      .map((r) => r.id);
  }

  async currentTopology(): Promise<DeploymentTopology> {
    return this.#topology;
  }

  exportState(): JsonValue {
    return this.#memory as unknown as JsonValue;
  }

  /** Connections are pooled per server for the process (pools.ts); a session holds none of its own. */
  async close(): Promise<void> {}
}
