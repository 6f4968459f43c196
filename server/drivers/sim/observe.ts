// One observation of the whole estate at atMs, after the model has been advanced there.
import type { Observations } from "../types";
import { conflictRatePerSecond } from "./conflicts";
import { observeHealth } from "./health";
import { observeLinkLag } from "./lag";
import { clusterRuntime } from "./lookup";
import { advanceTo } from "./replication";
import type { SimState } from "./state";
import { observeTraffic } from "./traffic";

export function observeEstate(state: SimState, atMs: number): Observations {
  const observedAtMs = advanceTo(state, atMs);
  const { traffic, routing } = observeTraffic(state, observedAtMs);
  return {
    observedAtMs,
    lag: state.topology.links.map((link) => observeLinkLag(state, link, observedAtMs)),
    health: observeHealth(state, observedAtMs),
    traffic,
    // Every cluster, so a single-primary one reads as a steady zero rather than a gap.
    conflicts: state.topology.clusters.map((cluster) => ({
      clusterId: cluster.id,
      conflicts: Math.floor(clusterRuntime(state, cluster.id).conflictsExpected),
      conflictsPerSecond: conflictRatePerSecond(state, cluster, observedAtMs),
    })),
    routing,
  };
}
