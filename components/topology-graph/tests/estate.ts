// A generated deployment shaped like the API's (just the fields the graph reads): `regions`
// regions with two stack components each and clusters of `perCluster` replicas, the first of each
// the primary feeding the others; and a snapshot of it with every link at `lagMs`.
import type { DeploymentModelData } from "@/components/topology/model-types";
import type { LiveSnapshot } from "@/lib/telemetry/contracts";

export function estate(regions: number, { perCluster = 3 } = {}) {
  const regionIds = Array.from({ length: regions }, (_, r) => `r${r}`);
  const clusterCount = Math.floor(regions / perCluster);
  const clusters = Array.from({ length: clusterCount }, (_, c) => {
    const members = regionIds.slice(c * perCluster, (c + 1) * perCluster);
    const replicas = members.map((regionId, i) => ({
      id: `c${c}-${regionId}`,
      name: `db${c}-${regionId}`,
      regionId,
      role: i === 0 ? "PRIMARY" : "READ_REPLICA",
      epoch: 1,
    }));
    const links = replicas.slice(1).map((replica) => ({
      id: `l-${replica.id}`,
      sourceReplicaId: replicas[0]!.id,
      targetReplicaId: replica.id,
      mode: "ASYNC",
    }));
    return { id: `c${c}`, name: `db${c}`, replicas, links };
  });
  return {
    id: "big",
    name: "Big",
    rpoTargetSeconds: 5,
    regions: regionIds.map((id, r) => ({
      regionId: id,
      region: {
        id,
        code: `zz-${String(r).padStart(3, "0")}`,
        displayName: `Region ${r}`,
        provider: "AWS",
        continent: "EUROPE",
        latitude: (r % 60) - 30,
        longitude: ((r * 7) % 360) - 180,
      },
      stack: ["COMPUTE", "OBJECT_STORAGE"].map((kind) => ({
        id: `s-${id}-${kind}`,
        kind,
        tier: "FULL",
        instanceCount: 2,
        instanceSize: "large",
      })),
    })),
    clusters,
    policies: [],
  } as unknown as DeploymentModelData;
}

export function estateSnapshot(
  deployment: DeploymentModelData,
  { lagMs = 100, lagOf = {} as Record<string, number>, down = [] as string[], rps = 100 } = {},
): LiveSnapshot {
  const links = deployment.clusters.flatMap((cluster) => cluster.links);
  return {
    deploymentId: deployment.id,
    observedAtMs: 1,
    rpoTargetSeconds: deployment.rpoTargetSeconds,
    links: links.map((link) => {
      const lag = lagOf[link.id] ?? lagMs;
      return { linkId: link.id, lagMs: lag, lagBytes: 1000, overRpo: lag > deployment.rpoTargetSeconds * 1000 };
    }),
    regions: deployment.regions.map((placement) => ({
      regionId: placement.regionId,
      status: down.includes(placement.regionId) ? "DOWN" : "HEALTHY",
      healthyProbes: 3,
      totalProbes: 3,
      requestsPerSecond: rps,
      errorRate: 0,
      latencyP50Ms: 20,
    })),
    clusters: [],
    replicas: deployment.clusters.flatMap((cluster) =>
      cluster.replicas.map((replica) => ({
        replicaId: replica.id,
        role: replica.role,
        epoch: 1,
        writable: replica.role === "PRIMARY",
        fenced: false,
      })),
    ),
    alerts: [],
    faults: [],
  } as LiveSnapshot;
}
