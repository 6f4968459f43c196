// A small deployment shaped like the API's (just the fields the graph reads) and its snapshots.
import type { DeploymentModelData } from "@/components/topology/model-types";
import type { LiveSnapshot } from "@/lib/telemetry/contracts";

const region = (id: string, code: string, latitude: number, longitude: number) => ({
  regionId: id,
  region: { id, code, displayName: `Region ${code}`, provider: "AWS", continent: "EUROPE", latitude, longitude },
  stack: [{ id: `stack-${id}`, kind: "COMPUTE", tier: "FULL", instanceCount: 3, instanceSize: "large" }],
});

/** Just the fields the graph reads, shaped like the API's deployment. */
export const deployment = {
  id: "dep",
  name: "Demo",
  rpoTargetSeconds: 5,
  regions: [region("r2", "eu-west-1", 53.35, -6.26), region("r1", "us-east-1", 38.95, -77.45)],
  clusters: [
    {
      id: "c1",
      name: "orders",
      replicas: [
        { id: "p", name: "orders-use1", regionId: "r1", role: "PRIMARY", epoch: 3 },
        { id: "s", name: "orders-euw1", regionId: "r2", role: "READ_REPLICA", epoch: 3 },
      ],
      links: [{ id: "l1", sourceReplicaId: "p", targetReplicaId: "s", mode: "ASYNC" }],
    },
  ],
  policies: [
    {
      id: "pol",
      name: "global-lb",
      product: "CLOUDFLARE_LB",
      steering: "WEIGHTED",
      layer: "DNS",
      rules: [
        { id: "ru1", regionId: "r1", weight: 100, priority: 1, enabled: true, drained: false },
        { id: "ru2", regionId: "r2", weight: 0, priority: 2, enabled: true, drained: true },
      ],
    },
  ],
} as unknown as DeploymentModelData;

export const snapshot = (lagMs: number, overRpo: boolean): LiveSnapshot => ({
  deploymentId: "dep",
  observedAtMs: 1,
  rpoTargetSeconds: 5,
  links: [{ linkId: "l1", lagMs, lagBytes: 2048, overRpo }],
  regions: [
    {
      regionId: "r1",
      status: overRpo ? "DEGRADED" : "HEALTHY",
      healthyProbes: 5,
      totalProbes: 6,
      requestsPerSecond: 120,
      errorRate: 0.01,
      latencyP50Ms: 20,
    },
  ],
  clusters: [],
  replicas: [{ replicaId: "s", role: "PRIMARY", epoch: 4, writable: true, fenced: false }],
  alerts: overRpo
    ? [
        {
          id: "a",
          kind: "LAG_OVER_RPO",
          targetId: "l1",
          targetLabel: "orders-use1 → orders-euw1",
          message: "lag",
          openedAt: "2026-01-01T00:00:00Z",
        },
      ]
    : [],
  faults: [],
});
