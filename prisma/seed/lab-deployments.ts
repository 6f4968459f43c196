// The region lab's deployments (driver kind `lab`): real PostgreSQL servers that `npm start` runs
// beside the simulated demo (server/lab/). Their regions are the lab's own (provider LAB), at the
// coordinates of the cloud regions they stand for, so links and probes carry those distances.
import type { TRegionInput } from "@/lib/topology/contracts";

import type { DemoDeployment } from "./demo-deployments";

export const LAB_REGIONS = {
  labUsEast1: {
    provider: "LAB",
    code: "us-east-1",
    displayName: "Lab us-east-1 (N. Virginia)",
    continent: "NORTH_AMERICA",
    latitude: 38.95,
    longitude: -77.45,
  },
  labEuWest1: {
    provider: "LAB",
    code: "eu-west-1",
    displayName: "Lab eu-west-1 (Ireland)",
    continent: "EUROPE",
    latitude: 53.35,
    longitude: -6.26,
  },
  labApSoutheast1: {
    provider: "LAB",
    code: "ap-southeast-1",
    displayName: "Lab ap-southeast-1 (Singapore)",
    continent: "ASIA",
    latitude: 1.35,
    longitude: 103.82,
  },
} satisfies Record<string, TRegionInput>;

const database = (instanceSize: string) => ({
  kind: "DATABASE" as const,
  tier: "FULL" as const,
  instanceCount: 1,
  instanceSize,
});
const rule = (region: LabRegionKey, priority: number) => ({
  region,
  weight: 100,
  priority,
  geoMatch: [],
  enabled: true,
  drained: false,
});
// The lab's router probes every second, 3 failures in a row from a quorum of 2 locations marking a
// region down; the timeout leaves room for the farthest location's round trip (~250 ms) under load.
const healthCheck = {
  healthCheckIntervalSeconds: 1,
  healthCheckTimeoutSeconds: 0.8,
  healthCheckFailureThreshold: 3,
  healthCheckProbeLocations: ["us-east-1", "eu-west-1", "ap-southeast-1"],
  healthCheckQuorum: 2,
};

type LabRegionKey = keyof typeof LAB_REGIONS;

export const LAB_DEPLOYMENTS: (DemoDeployment<LabRegionKey> & { driverKind: "lab" })[] = [
  {
    driverKind: "lab",
    deployment: {
      slug: "lab",
      name: "Region lab",
      description:
        "Real PostgreSQL 18 servers on this machine, one per region: a primary in us-east-1 and hot standbys streaming through relays that add each region pair's distance.",
      drModel: "WARM_STANDBY",
      rtoTargetSeconds: 30,
      rpoTargetSeconds: 1,
      availabilityTargetPct: 99.95,
    },
    regions: [
      { region: "labUsEast1", stack: [database("lab")] },
      { region: "labEuWest1", stack: [database("lab")] },
      { region: "labApSoutheast1", stack: [database("lab")] },
    ],
    cluster: {
      name: "lab-pg",
      engine: "PostgreSQL 18 (streaming replication)",
      writeTopology: "SINGLE_PRIMARY",
      conflictStrategy: "NONE",
      consistencyLevel: "EVENTUAL",
      replicas: [
        { name: "pg-us-east-1", region: "labUsEast1", role: "PRIMARY" },
        { name: "pg-eu-west-1", region: "labEuWest1", role: "READ_REPLICA" },
        { name: "pg-ap-southeast-1", region: "labApSoutheast1", role: "READ_REPLICA" },
      ],
      links: [
        { from: "pg-us-east-1", to: "pg-eu-west-1", mode: "ASYNC", expectedVolumeGbPerDay: 1 },
        { from: "pg-us-east-1", to: "pg-ap-southeast-1", mode: "ASYNC", expectedVolumeGbPerDay: 1 },
      ],
    },
    policies: [
      {
        name: "lab-router",
        layer: "ANYCAST_PROXY",
        product: "LAB",
        steering: "FAILOVER",
        dnsTtlSeconds: 0,
        ...healthCheck,
        rules: [rule("labUsEast1", 1), rule("labEuWest1", 2), rule("labApSoutheast1", 3)],
      },
    ],
  },
  {
    driverKind: "lab",
    deployment: {
      slug: "lab-active-active",
      name: "Region lab, active-active",
      description:
        "Real PostgreSQL 18 servers in us-east-1 and eu-west-1, each taking writes, replicating logically in both directions (origin = none); conflicts counted by PostgreSQL.",
      drModel: "ACTIVE_ACTIVE",
      rtoTargetSeconds: 30,
      rpoTargetSeconds: 1,
      availabilityTargetPct: 99.99,
    },
    regions: [
      { region: "labUsEast1", stack: [database("lab")] },
      { region: "labEuWest1", stack: [database("lab")] },
    ],
    cluster: {
      name: "lab-pg-aa",
      engine: "PostgreSQL 18 (logical replication both ways)",
      writeTopology: "MULTI_PRIMARY",
      conflictStrategy: "LAST_WRITE_WINS",
      consistencyLevel: "EVENTUAL",
      replicas: [
        { name: "aa-us-east-1", region: "labUsEast1", role: "MULTI_MASTER" },
        { name: "aa-eu-west-1", region: "labEuWest1", role: "MULTI_MASTER" },
      ],
      links: [
        { from: "aa-us-east-1", to: "aa-eu-west-1", mode: "ASYNC", expectedVolumeGbPerDay: 1 },
        { from: "aa-eu-west-1", to: "aa-us-east-1", mode: "ASYNC", expectedVolumeGbPerDay: 1 },
      ],
    },
    policies: [
      {
        name: "lab-aa-router",
        layer: "ANYCAST_PROXY",
        product: "LAB",
        steering: "LATENCY",
        dnsTtlSeconds: 0,
        ...healthCheck,
        healthCheckProbeLocations: ["us-east-1", "eu-west-1"],
        rules: [rule("labUsEast1", 1), rule("labEuWest1", 1)],
      },
    ],
  },
];
