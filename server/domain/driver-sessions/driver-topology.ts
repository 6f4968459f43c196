// The model of a deployment as a driver sees it: plain data, no Prisma types.
import { createHash } from "node:crypto";

import type { Tx } from "@/server/db";
import type { DeploymentTopology } from "@/server/drivers/types";
import type { Prisma } from "@/server/generated/prisma/client";

const DRIVER_INCLUDE = {
  regions: { include: { region: true } },
  clusters: { include: { replicas: true, links: true } },
  policies: { include: { rules: true } },
} as const satisfies Prisma.DeploymentInclude;

/** What the mapping reads: a deployment with (at least) its regions, clusters and policies. */
export type DriverModel = Prisma.DeploymentGetPayload<{ include: typeof DRIVER_INCLUDE }>;

export async function loadDriverTopology(db: Tx, deploymentId: string): Promise<DeploymentTopology> {
  return driverTopologyOf(
    await db.deployment.findUniqueOrThrow({ where: { id: deploymentId }, include: DRIVER_INCLUDE }),
  );
}

/** The model as a driver sees it, from a deployment already read (a plan reads the model once). */
export function driverTopologyOf(deployment: DriverModel): DeploymentTopology {
  const deploymentId = deployment.id;
  return {
    deploymentId,
    regions: deployment.regions.map(({ region }) => ({
      id: region.id,
      code: region.code,
      latitude: region.latitude,
      longitude: region.longitude,
    })),
    clusters: deployment.clusters.map((c) => ({ id: c.id, writeTopology: c.writeTopology })),
    replicas: deployment.clusters.flatMap((c) =>
      c.replicas.map((r) => ({ id: r.id, clusterId: c.id, regionId: r.regionId, role: r.role, epoch: r.epoch })),
    ),
    links: deployment.clusters.flatMap((c) =>
      c.links.map((l) => ({
        id: l.id,
        sourceReplicaId: l.sourceReplicaId,
        targetReplicaId: l.targetReplicaId,
        mode: l.mode,
        expectedVolumeGbPerDay: l.expectedVolumeGbPerDay,
      })),
    ),
    routingPolicies: deployment.policies.map((p) => ({
      id: p.id,
      steering: p.steering,
      healthCheck: {
        intervalSeconds: p.healthCheckIntervalSeconds,
        timeoutSeconds: p.healthCheckTimeoutSeconds,
        failureThreshold: p.healthCheckFailureThreshold,
        probeLocations: p.healthCheckProbeLocations,
        quorum: p.healthCheckQuorum,
      },
      rules: p.rules.map((r) => ({
        id: r.id,
        regionId: r.regionId,
        weight: r.weight,
        priority: r.priority,
        enabled: r.enabled,
        drained: r.drained,
      })),
    })),
  };
}

/** Changes whenever the model changes in a way the driver must know of. */
export function topologyFingerprint(topology: DeploymentTopology): string {
  const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
  const sorted = {
    ...topology,
    regions: byId(topology.regions),
    clusters: byId(topology.clusters),
    replicas: byId(topology.replicas),
    links: byId(topology.links),
    routingPolicies: byId(topology.routingPolicies).map((p) => ({ ...p, rules: byId(p.rules) })),
  };
  return createHash("sha256").update(JSON.stringify(sorted)).digest("hex").slice(0, 16);
}
