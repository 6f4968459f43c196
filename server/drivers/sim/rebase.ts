// When the model changes under a running twin (a routing weight edited, a replica added), the twin
// carries on with the new topology instead of starting afresh: what the world would keep keeps
// (replication positions, fences, epochs, timelines, faults, the clock). Starting afresh would
// silently lift a fence in the middle of a switchover, and reset every lag to zero.
import { parseTopology } from "../topology-check";
import type { DeploymentTopology } from "../types";
import { createSimState, simStateFromJSON, type SimState } from "./state";

export function rebaseSimState(saved: unknown, topologyInput: DeploymentTopology): SimState {
  const old = simStateFromJSON(saved);
  const topology = parseTopology(topologyInput);
  const next = createSimState(topology, old.options);
  next.clockMs = old.clockMs;

  for (const cluster of topology.clusters) {
    const was = old.clusters[cluster.id];
    if (was)
      next.clusters[cluster.id] = {
        ...structuredClone(was),
        epoch: Math.max(was.epoch, next.clusters[cluster.id]!.epoch),
      };
  }
  for (const replica of topology.replicas) {
    const was = old.replicas[replica.id];
    if (was) {
      next.replicas[replica.id] = { ...was };
      continue;
    }
    // A replica new to the twin joins caught up, as one restored from a fresh base backup would.
    const peers = topology.replicas
      .filter((r) => r.clusterId === replica.clusterId)
      .map((r) => old.replicas[r.id])
      .filter((r) => r !== undefined);
    const head = peers.reduce((best, r) => (r.committedBytes > best.committedBytes ? r : best), {
      committedBytes: 0,
      timeline: next.clusters[replica.clusterId]!.epoch,
      fenced: false,
    });
    next.replicas[replica.id] = { committedBytes: head.committedBytes, timeline: head.timeline, fenced: false };
  }
  for (const link of topology.links) {
    const was = old.topology.links.find((l) => l.id === link.id);
    const sameEnds =
      was && was.sourceReplicaId === link.sourceReplicaId && was.targetReplicaId === link.targetReplicaId;
    next.links[link.id] =
      sameEnds && old.links[link.id]
        ? { ...old.links[link.id]! }
        : {
            appliedBytes: Math.min(
              next.replicas[link.targetReplicaId]!.committedBytes,
              next.replicas[link.sourceReplicaId]!.committedBytes,
            ),
          };
  }
  // Per policy, and per policy and cluster ("policy:cluster") for the routing changes of operations.
  const policies = new Set(topology.routingPolicies.map((p) => p.id));
  for (const [key, epoch] of Object.entries(old.routingEpochs))
    if (policies.has(key.split(":")[0]!)) next.routingEpochs[key] = epoch;
  for (const [clusterId, token] of Object.entries(old.tokens))
    if (next.clusters[clusterId]) next.tokens[clusterId] = token;
  // Faults on targets that no longer exist end with them; the rest go on.
  const exists = new Set([
    ...topology.regions.map((r) => r.id),
    ...topology.links.map((l) => l.id),
    ...topology.clusters.map((c) => c.id),
  ]);
  next.faults = old.faults.filter((fault) =>
    Object.values(fault.target).every((id) => typeof id !== "string" || exists.has(id)),
  );
  return next;
}
