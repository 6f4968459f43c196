// The sim driver: a deterministic digital twin of an estate that cannot run here. All behaviour
// lives in the functions it calls; this class only binds them to the Driver interface.
import type { TFaultSpec, TFaultSpecInput } from "../fault-spec";
import type {
  CatchUpResult,
  ClusterWorld,
  DeploymentTopology,
  Driver,
  DriverCapabilities,
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
import { clearFault, injectFault, listFaults } from "./fault-actions";
import { appliedPosition, committedPosition, repointLink, waitForCatchUp } from "./link-actions";
import { findCluster, isWritable, replicaRuntime, replicasOfCluster } from "./lookup";
import { observeEstate } from "./observe";
import type { SimOptionsInput } from "./options";
import { rebaseSimState } from "./rebase";
import { demoteReplica, fenceReplica, promoteReplica, replicaStatus, unfenceReplica } from "./replica-actions";
import { setRouting } from "./routing-actions";
import { createSimState, simStateFromJSON, simStateToJSON, type SimState } from "./state";

export const SIM_CAPABILITIES: DriverCapabilities = Object.freeze({
  canObserve: true,
  canFence: true,
  canPromote: true,
  canDemote: true,
  canRepoint: true,
  canSetRouting: true,
  canInjectFaults: true,
  hasVirtualClock: true,
  holdsState: true,
});

export class SimDriver implements Driver {
  readonly kind = "sim" as const;
  readonly capabilities = SIM_CAPABILITIES;
  readonly faults: FaultInjector;
  readonly #state: SimState;

  private constructor(state: SimState) {
    this.#state = state;
    this.faults = {
      inject: async (spec: TFaultSpecInput): Promise<TFaultSpec> => injectFault(this.#state, spec),
      clear: async (input) => clearFault(this.#state, input),
      list: async () => listFaults(this.#state),
    };
  }

  static create(topology: DeploymentTopology, options: SimOptionsInput): SimDriver {
    return new SimDriver(createSimState(topology, options));
  }

  /** Resumes a saved twin onto a changed model, keeping what the world would keep (see rebase.ts). */
  static rebase(saved: unknown, topology: DeploymentTopology): SimDriver {
    return new SimDriver(rebaseSimState(saved, topology));
  }

  /** Resumes from a state saved with toJSON (the object or its JSON text). */
  static fromJSON(saved: unknown): SimDriver {
    return new SimDriver(simStateFromJSON(saved));
  }

  toJSON(): SimState {
    return simStateToJSON(this.#state);
  }

  exportState(): JsonValue {
    return JSON.parse(JSON.stringify(this.#state)) as JsonValue;
  }

  async observe(atMs: number): Promise<Observations> {
    return observeEstate(this.#state, atMs);
  }

  async fence(input: ReplicaActionInput): Promise<ReplicaStatus> {
    return fenceReplica(this.#state, input);
  }

  async unfence(input: ReplicaActionInput): Promise<ReplicaStatus> {
    return unfenceReplica(this.#state, input);
  }

  async promote(input: PromoteInput): Promise<ReplicaStatus> {
    return promoteReplica(this.#state, input);
  }

  async demote(input: ReplicaActionInput): Promise<ReplicaStatus> {
    return demoteReplica(this.#state, input);
  }

  async repoint(input: RepointInput): Promise<RepointResult> {
    return repointLink(this.#state, input);
  }

  async setRouting(input: SetRoutingInput): Promise<RoutingPolicy> {
    return setRouting(this.#state, input);
  }

  async waitForCatchUp(input: WaitForCatchUpInput): Promise<CatchUpResult> {
    return waitForCatchUp(this.#state, input);
  }

  async writableReplicas(clusterId: string): Promise<string[]> {
    findCluster(this.#state, clusterId);
    return replicasOfCluster(this.#state, clusterId)
      .filter((replica) => isWritable(this.#state, replica))
      .map((replica) => replica.id);
  }

  async committedPosition(input: ReplicaPositionQuery): Promise<number> {
    return committedPosition(this.#state, input);
  }

  async appliedPosition(input: LinkPositionQuery): Promise<number> {
    return appliedPosition(this.#state, input);
  }

  async clusterWorld(clusterId: string): Promise<ClusterWorld> {
    findCluster(this.#state, clusterId);
    const members = replicasOfCluster(this.#state, clusterId);
    const ids = new Set(members.map((r) => r.id));
    return {
      clusterId,
      lastToken: this.#state.tokens[clusterId] ?? 0,
      replicas: members.map((replica) => ({
        ...replicaStatus(this.#state, replica),
        inRecovery: replica.role === "READ_REPLICA",
        timeline: replicaRuntime(this.#state, replica.id).timeline,
      })),
      links: this.#state.topology.links
        .filter((l) => ids.has(l.sourceReplicaId))
        .map(({ id, sourceReplicaId, targetReplicaId }) => ({ id, sourceReplicaId, targetReplicaId })),
    };
  }

  async currentTopology(): Promise<DeploymentTopology> {
    return structuredClone(this.#state.topology);
  }
}
