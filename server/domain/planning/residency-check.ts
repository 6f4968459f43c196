// Whether a deployment keeps its data residency rules: data of a region group must not leave it.
import type { PlanningModel } from "./load-model";

export type ResidencyFinding = { rule: string; breaches: string[]; unknownRegionIds: string[] };

/**
 * A rule breaks when a link carries data from a replica inside the group to one outside it, or when
 * a cluster with replicas inside the group keeps another replica outside it (that replica holds the
 * group's data, however it got there).
 */
export function residencyFindings(model: PlanningModel): ResidencyFinding[] {
  const codeOf = new Map(model.regions.map((placement) => [placement.regionId, placement.region.code]));
  const code = (regionId: string) => codeOf.get(regionId) ?? regionId;
  const replicas = model.clusters.flatMap((cluster) =>
    cluster.replicas.map((replica) => ({ ...replica, clusterName: cluster.name })),
  );
  const replicaById = new Map(replicas.map((replica) => [replica.id, replica]));

  return model.residencyRules.map((rule) => {
    const group = new Set(rule.regionIds);
    const inside = (regionId: string) => group.has(regionId);
    const breaches: string[] = [];
    for (const cluster of model.clusters) {
      for (const link of cluster.links) {
        const source = replicaById.get(link.sourceReplicaId);
        const target = replicaById.get(link.targetReplicaId);
        if (source && target && inside(source.regionId) && !inside(target.regionId)) {
          breaches.push(
            `link ${source.name} → ${target.name} copies data from ${code(source.regionId)} to ${code(target.regionId)}`,
          );
        }
      }
      if (cluster.replicas.some((replica) => inside(replica.regionId))) {
        for (const replica of cluster.replicas.filter((r) => !inside(r.regionId))) {
          breaches.push(
            `replica ${replica.name} of cluster ${cluster.name} sits in ${code(replica.regionId)}, outside the group`,
          );
        }
      }
    }
    return { rule: rule.name, breaches, unknownRegionIds: rule.regionIds.filter((regionId) => !codeOf.has(regionId)) };
  });
}
