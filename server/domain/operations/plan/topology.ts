// The cluster and replicas a plan acts on, and the topology before and after the runbook, as the
// approvers see it drawn side by side.
import { isRegionRunbook, type TPlanTopology, type TReplicaRef, type TRunbook } from "@/lib/operations/contracts";
import type { PlanningModel } from "@/server/domain/planning/load-model";
import { invalid } from "@/server/errors";

/** The model as a plan reads it (plan/context.ts): the planning model, replicas by name. */
export type Estate = PlanningModel;
export type EstateCluster = Estate["clusters"][number];
export type EstateReplica = EstateCluster["replicas"][number];

export const replicaRef = (replica: EstateReplica): TReplicaRef => ({
  id: replica.id,
  name: replica.name,
  regionId: replica.regionId,
  regionCode: replica.placement.region.code,
});

/** The named cluster, or the deployment's first single-primary one: only those have a primary to move. */
export function pickCluster(estate: Estate, clusterId: string | undefined): EstateCluster {
  const activeActive = (names: string[]) =>
    `${names.length === 1 ? "cluster" : "clusters"} ${names.join(", ")} ${names.length === 1 ? "is" : "are"} multi-primary (active-active): every replica already takes writes, so there is no primary to move`;
  if (clusterId) {
    const cluster = estate.clusters.find((c) => c.id === clusterId);
    if (!cluster) throw invalid("clusterId", `no such cluster in ${estate.name}`);
    if (cluster.writeTopology === "MULTI_PRIMARY") throw invalid("clusterId", activeActive([cluster.name]));
    return cluster;
  }
  const cluster = estate.clusters.find((c) => c.writeTopology === "SINGLE_PRIMARY");
  if (cluster) return cluster;
  if (estate.clusters.length === 0)
    throw invalid("clusterId", `${estate.name} has no database cluster, so there is no primary to move`);
  throw invalid(
    "clusterId",
    `${estate.name} has no single-primary cluster: ${activeActive(estate.clusters.map((c) => c.name))}`,
  );
}

/** The region runbooks' cluster: the named one, or the deployment's first multi-primary (active-active) one. */
export function pickActiveActiveCluster(estate: Estate, clusterId: string | undefined): EstateCluster {
  const cluster = clusterId
    ? estate.clusters.find((c) => c.id === clusterId)
    : estate.clusters.find((c) => c.writeTopology === "MULTI_PRIMARY");
  if (clusterId && !cluster) throw invalid("clusterId", `no such cluster in ${estate.name}`);
  if (!cluster)
    throw invalid(
      "clusterId",
      `${estate.name} has no active-active cluster: a region is drained only where every region takes writes (move a single primary with a switchover)`,
    );
  if (cluster.writeTopology !== "MULTI_PRIMARY")
    throw invalid(
      "clusterId",
      `cluster ${cluster.name} has a single primary: a region is drained only where every region takes writes (move its primary with a switchover)`,
    );
  return cluster;
}

/** The replica taking writes now; two PRIMARY rows are caught by the plan's "single-primary" check. */
export function primaryOf(cluster: EstateCluster): EstateReplica {
  const primary = cluster.replicas.find((r) => r.role === "PRIMARY");
  if (!primary)
    throw invalid(
      "clusterId",
      `cluster ${cluster.name} has no primary replica: nothing takes writes, so there is nothing to move (record the primary in the model first)`,
    );
  return primary;
}

type Move = { source: TReplicaRef; target: TReplicaRef; drainSource: boolean };

/** The cluster and the routing rules, or what they become once `move` has run (null: as they are). */
export function planTopology(estate: Estate, cluster: EstateCluster, move: Move | null): TPlanTopology {
  const roleOf = (replica: EstateReplica) =>
    move?.target.id === replica.id ? "PRIMARY" : move?.source.id === replica.id ? "READ_REPLICA" : replica.role;
  const replicas = cluster.replicas.map((r) => ({
    ...replicaRef(r),
    role: roleOf(r),
    writable: roleOf(r) === "PRIMARY",
  }));
  // As the engine's REPOINT does: every link ends up flowing from the new primary; the one that fed
  // it turns round, so the old primary receives what the new one commits.
  const links = cluster.links.map((l) => {
    if (!move || l.sourceReplicaId === move.target.id)
      return { id: l.id, source: l.sourceReplicaId, target: l.targetReplicaId };
    return {
      id: l.id,
      source: move.target.id,
      target: l.targetReplicaId === move.target.id ? l.sourceReplicaId : l.targetReplicaId,
    };
  });
  const routing = estate.policies.flatMap((policy) => {
    const toRule = move && policy.rules.find((r) => r.regionId === move.target.regionId);
    const fromRule = move && policy.rules.find((r) => r.regionId === move.source.regionId);
    return policy.rules.map((rule) => {
      const base = {
        policy: policy.name,
        region: rule.placement.region.code,
        weight: rule.weight,
        priority: rule.priority,
        drained: rule.drained,
      };
      if (!toRule || !fromRule || toRule === fromRule) return base;
      // As the engine's SHIFT_ROUTING does: the target's region takes the preferred weight and
      // priority of the two, the source's the other; a failover also drains the failed region.
      const pair = [toRule, fromRule];
      if (rule === toRule)
        return {
          ...base,
          weight: Math.max(...pair.map((r) => r.weight)),
          priority: Math.min(...pair.map((r) => r.priority)),
          drained: false,
        };
      if (rule === fromRule)
        return {
          ...base,
          weight: Math.min(...pair.map((r) => r.weight)),
          priority: Math.max(...pair.map((r) => r.priority)),
          drained: move.drainSource,
        };
      return base;
    });
  });
  return { replicas, links, routing };
}

/** A region runbook changes no role or link: the region's routing rules are drained, or open again. */
export function regionTopology(estate: Estate, cluster: EstateCluster, region: TReplicaRef, drained: boolean) {
  const before = planTopology(estate, cluster, null);
  return {
    ...before,
    routing: before.routing.map((rule) => (rule.region === region.regionCode ? { ...rule, drained } : rule)),
  };
}

/** A drill fails back at its end, so it leaves the topology as it found it. */
export function afterRunbook(
  runbook: TRunbook,
  estate: Estate,
  cluster: EstateCluster,
  source: TReplicaRef,
  target: TReplicaRef,
): TPlanTopology {
  if (runbook === "DRILL") return planTopology(estate, cluster, null);
  if (isRegionRunbook(runbook)) return regionTopology(estate, cluster, source, runbook === "DRAIN_REGION");
  return planTopology(estate, cluster, { source, target, drainSource: runbook === "FAILOVER" });
}
