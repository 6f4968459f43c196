// The article's three estates, as plain data: its active-active platform (section 2.3), its AWS
// warm-standby stack (7.1) and its Azure stack (7.2).
import type {
  TClusterInput,
  TDeploymentInput,
  TPolicyInput,
  TRuleInput,
  TStackComponentInput,
} from "@/lib/topology/contracts";

import type { DemoRegionKey } from "./demo-regions";

type Stack = Omit<TStackComponentInput, "deploymentId" | "regionId">;
type ReplicaSpec<K extends string> = {
  name: string;
  region: K;
  role: "PRIMARY" | "READ_REPLICA" | "MULTI_MASTER";
  endpoint?: string;
};
type LinkSpec = { from: string; to: string; mode: "ASYNC" | "SYNC"; expectedVolumeGbPerDay: number };
type RuleSpec<K extends string> = Omit<TRuleInput, "policyId" | "regionId"> & { region: K };

/** An estate as plain data; `K` names its regions (the demo's, or the lab's). */
export type DemoDeployment<K extends string = DemoRegionKey> = {
  deployment: TDeploymentInput;
  regions: { region: K; stack: Stack[] }[];
  cluster: Omit<TClusterInput, "deploymentId"> & { replicas: ReplicaSpec<K>[]; links: LinkSpec[] };
  policies: (Omit<TPolicyInput, "deploymentId"> & { rules: RuleSpec<K>[] })[];
};

const full = (kind: Stack["kind"], instanceCount: number, instanceSize: string): Stack => ({
  kind,
  tier: "FULL",
  instanceCount,
  instanceSize,
});
const scaledDown = (kind: Stack["kind"], instanceCount: number, instanceSize: string): Stack => ({
  kind,
  tier: "SCALED_DOWN",
  instanceCount,
  instanceSize,
});
const rule = (
  region: DemoRegionKey,
  weight: number,
  priority: number,
  geoMatch: string[] = [],
): RuleSpec<DemoRegionKey> => ({
  region,
  weight,
  priority,
  geoMatch,
  enabled: true,
  drained: false,
});

const activeActiveStack = [
  full("COMPUTE", 12, "large"),
  full("DATABASE", 3, "xlarge"),
  full("CACHE", 2, "large"),
  full("OBJECT_STORAGE", 1, "standard"),
];

export const DEMO_DEPLOYMENTS: DemoDeployment[] = [
  {
    deployment: {
      slug: "global-platform",
      name: "Global platform",
      description:
        "Active-active across Asia-Pacific, Europe and US East behind a latency-routed global load balancer.",
      drModel: "ACTIVE_ACTIVE",
      rtoTargetSeconds: 30,
      rpoTargetSeconds: 1,
      availabilityTargetPct: 99.99,
    },
    regions: [
      { region: "awsApSoutheast1", stack: activeActiveStack },
      { region: "awsEuWest1", stack: activeActiveStack },
      { region: "awsUsEast1", stack: activeActiveStack },
    ],
    cluster: {
      name: "orders-global",
      engine: "DynamoDB Global Tables",
      writeTopology: "MULTI_PRIMARY",
      conflictStrategy: "LAST_WRITE_WINS",
      consistencyLevel: "EVENTUAL",
      replicas: [
        { name: "orders-apse1", region: "awsApSoutheast1", role: "MULTI_MASTER" },
        { name: "orders-euw1", region: "awsEuWest1", role: "MULTI_MASTER" },
        { name: "orders-use1", region: "awsUsEast1", role: "MULTI_MASTER" },
      ],
      // Multi-directional async replication: every pair, both ways.
      links: [
        { from: "orders-apse1", to: "orders-euw1", mode: "ASYNC", expectedVolumeGbPerDay: 150 },
        { from: "orders-euw1", to: "orders-apse1", mode: "ASYNC", expectedVolumeGbPerDay: 150 },
        { from: "orders-euw1", to: "orders-use1", mode: "ASYNC", expectedVolumeGbPerDay: 200 },
        { from: "orders-use1", to: "orders-euw1", mode: "ASYNC", expectedVolumeGbPerDay: 200 },
        { from: "orders-apse1", to: "orders-use1", mode: "ASYNC", expectedVolumeGbPerDay: 150 },
        { from: "orders-use1", to: "orders-apse1", mode: "ASYNC", expectedVolumeGbPerDay: 150 },
      ],
    },
    policies: [
      {
        name: "global-lb",
        layer: "ANYCAST_PROXY",
        product: "CLOUDFLARE_LB",
        steering: "LATENCY",
        dnsTtlSeconds: 30,
        healthCheckIntervalSeconds: 15,
        healthCheckTimeoutSeconds: 5,
        healthCheckFailureThreshold: 3,
        healthCheckProbeLocations: ["us-east", "us-west", "eu-west", "eu-central", "ap-southeast", "ap-northeast"],
        healthCheckQuorum: 3,
        rules: [rule("awsApSoutheast1", 100, 1), rule("awsEuWest1", 100, 1), rule("awsUsEast1", 100, 1)],
      },
    ],
  },
  {
    deployment: {
      slug: "commerce-aws",
      name: "Commerce on AWS",
      description:
        "Warm standby: us-east-1 primary, eu-west-1 scaled-down secondary, Aurora Global Database, Route 53.",
      drModel: "WARM_STANDBY",
      rtoTargetSeconds: 600,
      rpoTargetSeconds: 5,
      availabilityTargetPct: 99.95,
    },
    regions: [
      {
        region: "awsUsEast1",
        stack: [
          full("COMPUTE", 10, "large"),
          full("DATABASE", 2, "xlarge"),
          full("CACHE", 2, "large"),
          full("OBJECT_STORAGE", 1, "standard"),
          full("CDN", 1, "standard"),
        ],
      },
      {
        region: "awsEuWest1",
        stack: [
          scaledDown("COMPUTE", 3, "large"),
          full("DATABASE", 1, "xlarge"),
          scaledDown("CACHE", 1, "large"),
          full("OBJECT_STORAGE", 1, "standard"),
        ],
      },
    ],
    cluster: {
      name: "aurora-global",
      engine: "Aurora PostgreSQL (Global Database)",
      writeTopology: "SINGLE_PRIMARY",
      conflictStrategy: "NONE",
      consistencyLevel: "EVENTUAL",
      replicas: [
        { name: "aurora-use1", region: "awsUsEast1", role: "PRIMARY", endpoint: "aurora-use1.cluster.local:5432" },
        { name: "aurora-euw1", region: "awsEuWest1", role: "READ_REPLICA", endpoint: "aurora-euw1.cluster.local:5432" },
      ],
      // The article's worked figure: 1 TB/day between two regions.
      links: [{ from: "aurora-use1", to: "aurora-euw1", mode: "ASYNC", expectedVolumeGbPerDay: 1000 }],
    },
    policies: [
      {
        name: "route53-latency",
        layer: "DNS",
        product: "ROUTE53",
        steering: "LATENCY",
        dnsTtlSeconds: 60,
        healthCheckIntervalSeconds: 30,
        healthCheckTimeoutSeconds: 10,
        healthCheckFailureThreshold: 3,
        healthCheckProbeLocations: ["us-east-1", "us-west-1", "eu-west-1", "ap-southeast-1"],
        healthCheckQuorum: 2,
        rules: [rule("awsUsEast1", 100, 1), rule("awsEuWest1", 100, 2)],
      },
    ],
  },
  {
    deployment: {
      slug: "saas-azure",
      name: "SaaS on Azure",
      description:
        "Warm standby: East US primary, West Europe secondary, Azure SQL auto-failover group, Front Door with Traffic Manager as DNS backup.",
      drModel: "WARM_STANDBY",
      rtoTargetSeconds: 900,
      rpoTargetSeconds: 5,
      availabilityTargetPct: 99.95,
    },
    regions: [
      {
        region: "azureEastUs",
        stack: [
          full("COMPUTE", 6, "P2v3"),
          full("DATABASE", 1, "GP_Gen5_8"),
          full("CACHE", 1, "P1"),
          full("OBJECT_STORAGE", 1, "RA-GRS"),
        ],
      },
      {
        region: "azureWestEurope",
        stack: [
          scaledDown("COMPUTE", 2, "P2v3"),
          full("DATABASE", 1, "GP_Gen5_8"),
          scaledDown("CACHE", 1, "P1"),
          full("OBJECT_STORAGE", 1, "RA-GRS"),
        ],
      },
    ],
    cluster: {
      name: "azure-sql",
      engine: "Azure SQL (auto-failover group)",
      writeTopology: "SINGLE_PRIMARY",
      conflictStrategy: "NONE",
      consistencyLevel: "EVENTUAL",
      replicas: [
        { name: "sql-eastus", region: "azureEastUs", role: "PRIMARY" },
        { name: "sql-westeurope", region: "azureWestEurope", role: "READ_REPLICA" },
      ],
      links: [{ from: "sql-eastus", to: "sql-westeurope", mode: "ASYNC", expectedVolumeGbPerDay: 300 }],
    },
    policies: [
      {
        name: "front-door",
        layer: "ANYCAST_PROXY",
        product: "AZURE_FRONT_DOOR",
        steering: "FAILOVER",
        dnsTtlSeconds: 30,
        healthCheckIntervalSeconds: 10,
        healthCheckTimeoutSeconds: 5,
        healthCheckFailureThreshold: 3,
        healthCheckProbeLocations: ["eastus", "westus", "northeurope", "westeurope", "southeastasia"],
        healthCheckQuorum: 3,
        rules: [rule("azureEastUs", 100, 1), rule("azureWestEurope", 100, 2)],
      },
      {
        name: "traffic-manager-backup",
        layer: "DNS",
        product: "AZURE_TRAFFIC_MANAGER",
        steering: "FAILOVER",
        dnsTtlSeconds: 30,
        healthCheckIntervalSeconds: 30,
        healthCheckTimeoutSeconds: 10,
        healthCheckFailureThreshold: 3,
        healthCheckProbeLocations: ["eastus", "westus", "northeurope", "westeurope"],
        healthCheckQuorum: 2,
        rules: [rule("azureEastUs", 100, 1), rule("azureWestEurope", 100, 2)],
      },
    ],
  },
];
