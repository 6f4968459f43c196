// The model's words: how an operator reads each DR model, provider, stack kind, role of a replica,
// routing product... in forms, tables, the graph and sentences the server writes; and each field
// of the model's forms, by the label the form shows and the contract's errors use.
import type { TFieldWords } from "@/lib/fields";

/** Words an operator reads for every value of the model's enums (lib/enums.ts). */
export const LABELS: Record<string, string> = {
  BACKUP_RESTORE: "Backup & restore",
  PILOT_LIGHT: "Pilot light",
  WARM_STANDBY: "Warm standby",
  ACTIVE_ACTIVE: "Active-active",
  AWS: "AWS",
  AZURE: "Azure",
  GCP: "GCP",
  CLOUDFLARE: "Cloudflare",
  ON_PREM: "On-prem",
  LAB: "Lab",
  NORTH_AMERICA: "North America",
  SOUTH_AMERICA: "South America",
  EUROPE: "Europe",
  ASIA: "Asia",
  OCEANIA: "Oceania",
  AFRICA: "Africa",
  COMPUTE: "Compute",
  DATABASE: "Database",
  CACHE: "Cache",
  OBJECT_STORAGE: "Object storage",
  CDN: "CDN",
  FULL: "Full",
  SCALED_DOWN: "Scaled down",
  OFF: "Off",
  SINGLE_PRIMARY: "Single primary",
  MULTI_PRIMARY: "Multi primary",
  NONE: "None",
  LAST_WRITE_WINS: "Last-write-wins",
  CRDT: "CRDT",
  APPLICATION_MERGE: "Application merge",
  STRONG: "Strong",
  BOUNDED_STALENESS: "Bounded staleness",
  SESSION: "Session",
  CONSISTENT_PREFIX: "Consistent prefix",
  EVENTUAL: "Eventual",
  PRIMARY: "Primary",
  READ_REPLICA: "Read replica",
  MULTI_MASTER: "Multi-master",
  ASYNC: "Async",
  SYNC: "Sync",
  DNS: "DNS",
  ANYCAST_PROXY: "Anycast proxy",
  ROUTE53: "AWS Route 53",
  CLOUDFLARE_LB: "Cloudflare LB",
  AZURE_FRONT_DOOR: "Azure Front Door",
  AZURE_TRAFFIC_MANAGER: "Azure Traffic Manager",
  LATENCY: "Latency",
  GEO: "Geo",
  WEIGHTED: "Weighted",
  FAILOVER: "Failover / priority",
  RANDOM: "Random",
  HASH: "Hash",
};

export const label = (value: string) => LABELS[value] ?? value;

/**
 * A compute or database size, in the same words on every page (the Model tab, Plan, cost lines,
 * operation plans, scale-up and restore steps): the count and the size as the model names it,
 * "10 × large", "6 × P2v3" (never the price class it maps to, never an enum name).
 */
export const sizeLabel = (size: { instanceCount: number; instanceSize: string }) =>
  `${size.instanceCount} × ${size.instanceSize}`;

/** The same with its tier, for sentences with no tier column: "10 × large", "3 × large, scaled down", "off". */
export function tieredSizeLabel(size: { tier: string; instanceCount: number; instanceSize: string }): string {
  if (size.tier === "OFF") return "off";
  return size.tier === "SCALED_DOWN" ? `${sizeLabel(size)}, scaled down` : sizeLabel(size);
}

/** The fields of the model's forms: the label above each control is the name its errors use. */
export const DEPLOYMENT_FIELDS = {
  slug: { label: "Slug" },
  name: { label: "Name" },
  description: { label: "Description" },
  drModel: { label: "DR model" },
  rtoTargetSeconds: { label: "RTO target", unit: "seconds" },
  rpoTargetSeconds: { label: "RPO target", unit: "seconds" },
  availabilityTargetPct: { label: "Availability target", unit: "percent" },
  driverKind: { label: "Runs on" },
} as const satisfies Record<string, TFieldWords>;

/** What a deployment's figures come from (its driver kind), as the deployment form and header say it. */
export const DRIVER_KIND_LABELS: Record<string, string> = {
  sim: "Simulated twin",
  postgres: "PostgreSQL servers you run",
  lab: "Region lab (real servers on this machine)",
};

export const REGION_FIELDS = {
  provider: { label: "Provider" },
  code: { label: "Code" },
  displayName: { label: "Display name" },
  continent: { label: "Continent" },
  latitude: { label: "Latitude", unit: "degrees" },
  longitude: { label: "Longitude", unit: "degrees" },
  catalogRegion: { label: "Catalog region" },
} as const satisfies Record<string, TFieldWords>;

export const STACK_FIELDS = {
  region: { label: "Region" },
  kind: { label: "Kind" },
  tier: { label: "Tier" },
  instanceCount: { label: "Instances" },
  instanceSize: { label: "Instance size" },
} as const satisfies Record<string, TFieldWords>;

export const CLUSTER_FIELDS = {
  name: { label: "Name" },
  engine: { label: "Engine" },
  writeTopology: { label: "Write topology" },
  conflictStrategy: { label: "Conflict strategy" },
  consistencyLevel: { label: "Consistency" },
} as const satisfies Record<string, TFieldWords>;

export const REPLICA_FIELDS = {
  cluster: { label: "Cluster" },
  region: { label: "Region" },
  name: { label: "Replica name" },
  role: { label: "Role" },
  endpoint: { label: "Endpoint" },
} as const satisfies Record<string, TFieldWords>;

export const LINK_FIELDS = {
  source: { label: "Source replica" },
  target: { label: "Target replica" },
  mode: { label: "Mode" },
  expectedVolumeGbPerDay: { label: "Expected volume", unit: "gbPerDay" },
} as const satisfies Record<string, TFieldWords>;

export const POLICY_FIELDS = {
  name: { label: "Name" },
  product: { label: "Product" },
  layer: { label: "Layer" },
  steering: { label: "Steering" },
  dnsTtlSeconds: { label: "DNS TTL", unit: "seconds" },
  healthCheckIntervalSeconds: { label: "Health check interval", unit: "seconds" },
  healthCheckTimeoutSeconds: { label: "Health check timeout", unit: "seconds" },
  healthCheckFailureThreshold: { label: "Failures before unhealthy" },
  healthCheckProbeLocations: { label: "Probe locations" },
  probeLocation: { label: "A probe location" },
  healthCheckQuorum: { label: "Quorum" },
} as const satisfies Record<string, TFieldWords>;

export const RULE_FIELDS = {
  policy: { label: "Policy" },
  region: { label: "Region" },
  weight: { label: "Weight" },
  priority: { label: "Priority" },
  geoMatch: { label: "Geo match" },
  geoMatchEntry: { label: "A geo match" },
} as const satisfies Record<string, TFieldWords>;
