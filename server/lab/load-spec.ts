// The lab's deployments as Meridian's model describes them: every deployment with driver kind
// `lab`, with its regions' coordinates, clusters, replicas, links and routing policies.
import type { Db } from "@/server/db";

import type { LabDeploymentSpec } from "./spec";

/** `only`: these slugs alone (MERIDIAN_LAB_DEPLOYMENTS); empty, every lab deployment. */
export async function loadLabSpecs(db: Db, only: readonly string[] = []): Promise<LabDeploymentSpec[]> {
  const deployments = await db.deployment.findMany({
    where: { driverKind: "lab", ...(only.length ? { slug: { in: [...only] } } : {}) },
    orderBy: { slug: "asc" },
    include: {
      regions: { include: { region: true } },
      clusters: { include: { replicas: true, links: true }, orderBy: { name: "asc" } },
      policies: { include: { rules: true }, orderBy: { name: "asc" } },
    },
  });
  return deployments.map((deployment) => {
    const codeOf = new Map(deployment.regions.map(({ region }) => [region.id, region.code]));
    const code = (regionId: string) => codeOf.get(regionId) ?? regionId;
    return {
      slug: deployment.slug,
      regions: deployment.regions.map(({ region }) => ({
        id: region.id,
        code: region.code,
        latitude: region.latitude,
        longitude: region.longitude,
      })),
      clusters: deployment.clusters.map((cluster) => {
        const nameOf = new Map(cluster.replicas.map((replica) => [replica.id, replica.name]));
        return {
          id: cluster.id,
          name: cluster.name,
          writeTopology: cluster.writeTopology,
          replicas: cluster.replicas.map((replica) => ({
            id: replica.id,
            name: replica.name,
            region: code(replica.regionId),
            role: replica.role,
          })),
          links: cluster.links.map((link) => ({
            id: link.id,
            source: nameOf.get(link.sourceReplicaId) ?? link.sourceReplicaId,
            target: nameOf.get(link.targetReplicaId) ?? link.targetReplicaId,
          })),
        };
      }),
      policies: deployment.policies.map((policy) => ({
        id: policy.id,
        name: policy.name,
        steering: policy.steering,
        healthCheck: {
          intervalSeconds: policy.healthCheckIntervalSeconds,
          timeoutSeconds: policy.healthCheckTimeoutSeconds,
          failureThreshold: policy.healthCheckFailureThreshold,
          probeLocations: policy.healthCheckProbeLocations,
          quorum: policy.healthCheckQuorum,
        },
        rules: policy.rules.map((rule) => ({
          id: rule.id,
          region: code(rule.regionId),
          weight: rule.weight,
          priority: rule.priority,
          enabled: rule.enabled,
          drained: rule.drained,
        })),
      })),
    };
  });
}
