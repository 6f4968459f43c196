// Faults on the lab: the fault panel's kinds acted out on real processes. A link partition cuts
// the link's relay, added latency slows it, a region outage stops the region's servers (kill -9,
// or a clean shutdown when the fault asks for one) and starts them again when it ends. The driver
// holds no fault state of its own: every session hands it the stored faults and it brings the lab
// to what they describe (idempotently), so a fault ends however the session that made it ended.
import { InvalidFaultError } from "../errors";
import { parseFaultSpec, type TFaultSpec, type TFaultSpecInput } from "../fault-spec";
import type { DeploymentTopology, FaultInjector } from "../types";
import type { LabControls, LabFaultState } from "./directory";

const isActive = (fault: TFaultSpec, atMs: number) =>
  fault.startedAtMs <= atMs && (fault.endsAtMs === undefined || fault.endsAtMs > atMs);

/**
 * What the stored faults ask of the lab at `atMs` (a fault past its end asks nothing). `ended` are
 * faults cleared a short while ago: the servers their outages stopped are started again. Only
 * those: a server stopped for another reason (an operation) is not a fault's to restart.
 */
export function desiredLabState(
  topology: DeploymentTopology,
  faults: TFaultSpec[],
  atMs: number,
  ended: TFaultSpec[] = [],
): LabFaultState {
  const state: LabFaultState = { cutLinks: [], linkLatencyMs: {}, stoppedServers: {}, startServers: [] };
  const linksOfRegion = (regionId: string) => {
    const replicas = new Set(topology.replicas.filter((r) => r.regionId === regionId).map((r) => r.id));
    return topology.links.filter((l) => replicas.has(l.sourceReplicaId) || replicas.has(l.targetReplicaId));
  };
  for (const fault of faults) {
    if (!isActive(fault, atMs)) continue;
    if (fault.kind === "LINK_PARTITION") state.cutLinks.push(fault.target.linkId);
    if (fault.kind === "ADDED_LATENCY") {
      const links = fault.target.linkId
        ? topology.links.filter((l) => l.id === fault.target.linkId)
        : linksOfRegion(fault.target.regionId!);
      for (const link of links)
        state.linkLatencyMs[link.id] = (state.linkLatencyMs[link.id] ?? 0) + fault.params.addedLatencyMs;
    }
    if (fault.kind === "REGION_OUTAGE") {
      for (const replica of topology.replicas.filter((r) => r.regionId === fault.target.regionId)) {
        // A clean shutdown only when every fault stopping it asks for one.
        const mode = fault.params.clean === 1 ? "clean" : "kill";
        state.stoppedServers[replica.id] = state.stoppedServers[replica.id] === "kill" ? "kill" : mode;
      }
    }
  }
  state.cutLinks = [...new Set(state.cutLinks)].sort();
  const outagesOver = [...ended, ...faults.filter((f) => !isActive(f, atMs))].filter((f) => f.kind === "REGION_OUTAGE");
  const regionsBack = new Set(outagesOver.map((f) => (f.kind === "REGION_OUTAGE" ? f.target.regionId : "")));
  state.startServers = topology.replicas
    .filter((r) => regionsBack.has(r.regionId) && !state.stoppedServers[r.id])
    .map((r) => r.id)
    .sort();
  return state;
}

const LAB_FAULT_KINDS = new Set(["LINK_PARTITION", "ADDED_LATENCY", "REGION_OUTAGE"]);

export function labFaults(topology: DeploymentTopology, controls: LabControls): FaultInjector {
  const known = new Map<string, TFaultSpec>();
  let ended: TFaultSpec[] = [];
  const apply = (atMs: number) => controls.apply(desiredLabState(topology, [...known.values()], atMs, ended));
  return {
    async inject(input: TFaultSpecInput) {
      const spec = parseFaultSpec(input);
      if (!LAB_FAULT_KINDS.has(spec.kind))
        throw new InvalidFaultError(
          `the lab acts out link partitions, added latency and region outages, not ${spec.kind}`,
        );
      known.set(spec.id, spec);
      await apply(Date.now());
      return spec;
    },
    async clear({ faultId, atMs }) {
      const fault = known.get(faultId);
      const had = known.delete(faultId);
      if (fault) ended = [...ended, fault];
      await apply(atMs);
      return { cleared: had };
    },
    async list() {
      return [...known.values()];
    },
    async reconcile(faults, atMs, recentlyEnded = []) {
      known.clear();
      for (const fault of faults) if (LAB_FAULT_KINDS.has(fault.kind)) known.set(fault.id, fault);
      ended = recentlyEnded;
      await apply(atMs);
    },
  };
}
