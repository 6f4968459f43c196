// The postgres driver: observes real PostgreSQL servers with SQL. It holds no state of the world
// (the servers are the state); what it exports is only the observer's previous readings (memory.ts).
// It acts (fence, promote, repoint, routing) where something can act on the servers' processes and
// routers: the lab's operator (act.ts). Servers run elsewhere are only observed: each action there
// refuses with a sentence rather than pretending.
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
  LinkPositionQuery,
  Observations,
  PromoteInput,
  ReplicaActionInput,
  ReplicaPositionQuery,
  ReplicaStatus,
  RepointInput,
  RepointResult,
  RoutingPolicy,
  SetRoutingInput,
  WaitForCatchUpInput,
} from "../types";
import { LabActing } from "./act";
import type { ServerDirectory } from "./directory";
import { labFaults } from "./lab-faults";
import { memoryFrom, type PostgresMemory } from "./memory";
import { observeServers } from "./observe";

const capabilities = (canInjectFaults: boolean, canAct: boolean): DriverCapabilities =>
  Object.freeze({
    canObserve: true,
    canFence: canAct,
    canPromote: canAct,
    canDemote: canAct,
    canRepoint: canAct,
    canSetRouting: canAct,
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
  readonly #acting: LabActing | null;

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
    const operator = input.directory.operator ?? null;
    this.#acting = operator ? new LabActing(input.topology, input.directory, operator) : null;
    this.capabilities = capabilities(this.faults !== null, this.#acting !== null);
  }

  async observe(atMs: number): Promise<Observations> {
    const { observations, memory } = await observeServers(this.#topology, this.#directory, this.#memory, atMs);
    this.#memory = memory;
    return observations;
  }

  #refuse(action: string): never {
    throw new DriverUnavailableError(
      `the ${this.kind} driver only observes these servers: nothing here can act on their processes, so ${action} is not available`,
    );
  }

  fence(input: ReplicaActionInput): Promise<ReplicaStatus> {
    return this.#acting ? this.#acting.fence(input) : this.#refuse("fencing");
  }
  unfence(input: ReplicaActionInput): Promise<ReplicaStatus> {
    return this.#acting ? this.#acting.unfence(input) : this.#refuse("unfencing");
  }
  promote(input: PromoteInput): Promise<ReplicaStatus> {
    return this.#acting ? this.#acting.promote(input) : this.#refuse("promotion");
  }
  demote(input: ReplicaActionInput): Promise<ReplicaStatus> {
    return this.#acting ? this.#acting.demote(input) : this.#refuse("demotion");
  }
  repoint(input: RepointInput): Promise<RepointResult> {
    return this.#acting ? this.#acting.repoint(input) : this.#refuse("repointing");
  }
  setRouting(input: SetRoutingInput): Promise<RoutingPolicy> {
    return this.#acting ? this.#acting.setRouting(input) : this.#refuse("changing routing");
  }
  waitForCatchUp(input: WaitForCatchUpInput): Promise<CatchUpResult> {
    return this.#acting ? this.#acting.waitForCatchUp(input) : this.#refuse("waiting for catch-up");
  }
  committedPosition(input: ReplicaPositionQuery): Promise<number> {
    return this.#acting ? this.#acting.committedPosition(input) : this.#refuse("reading positions for an operation");
  }
  appliedPosition(input: LinkPositionQuery): Promise<number> {
    return this.#acting ? this.#acting.appliedPosition(input) : this.#refuse("reading positions for an operation");
  }
  /** pg_is_in_recovery(), the timeline, Meridian's tokens and markers, the routers' targets. */
  clusterWorld(clusterId: string): Promise<ClusterWorld> {
    return this.#acting
      ? this.#acting.world(clusterId)
      : this.#refuse("reading the world's state to reconcile an operation");
  }
  prepareSwitchover(input: ReplicaPositionQuery): Promise<{ checkpointMs: number }> {
    return this.#acting ? this.#acting.prepareSwitchover(input) : this.#refuse("preparing a switchover");
  }
  probeWrite(input: ReplicaPositionQuery): Promise<{ position: number; writtenAtMs: number }> {
    return this.#acting ? this.#acting.probeWrite(input) : this.#refuse("a probe write");
  }

  /** Writers as the servers say when the driver acts; otherwise as the model says (servers[].inRecovery is observed). */
  async writableReplicas(clusterId: string): Promise<string[]> {
    if (this.#acting) return this.#acting.writableReplicas(clusterId);
    return this.#topology.replicas
      .filter((r) => r.clusterId === clusterId && r.role !== "READ_REPLICA")
      .map((r) => r.id);
  }

  async currentTopology(): Promise<DeploymentTopology> {
    return this.#acting ? this.#acting.currentTopology() : this.#topology;
  }

  exportState(): JsonValue {
    return this.#memory as unknown as JsonValue;
  }

  /** Connections are pooled per server for the process (pools.ts); a session holds none of its own. */
  async close(): Promise<void> {}
}
