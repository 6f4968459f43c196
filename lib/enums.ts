// The model's enumerations as plain values, shared by forms (browser) and the API (server).
// They mirror prisma/schema.prisma; a test checks they stay equal to the generated enums.
export const DR_MODELS = ["BACKUP_RESTORE", "PILOT_LIGHT", "WARM_STANDBY", "ACTIVE_ACTIVE"] as const;
export const PROVIDERS = ["AWS", "AZURE", "GCP", "CLOUDFLARE", "ON_PREM", "LAB"] as const;
export const CONTINENTS = ["NORTH_AMERICA", "SOUTH_AMERICA", "EUROPE", "ASIA", "OCEANIA", "AFRICA"] as const;
export const STACK_KINDS = ["COMPUTE", "DATABASE", "CACHE", "OBJECT_STORAGE", "CDN"] as const;
export const STACK_TIERS = ["FULL", "SCALED_DOWN", "OFF"] as const;
export const WRITE_TOPOLOGIES = ["SINGLE_PRIMARY", "MULTI_PRIMARY"] as const;
export const CONFLICT_STRATEGIES = ["NONE", "LAST_WRITE_WINS", "CRDT", "APPLICATION_MERGE"] as const;
export const CONSISTENCY_LEVELS = ["STRONG", "BOUNDED_STALENESS", "SESSION", "CONSISTENT_PREFIX", "EVENTUAL"] as const;
export const REPLICA_ROLES = ["PRIMARY", "READ_REPLICA", "MULTI_MASTER"] as const;
export const LINK_MODES = ["ASYNC", "SYNC"] as const;
export const ROUTING_LAYERS = ["DNS", "ANYCAST_PROXY"] as const;
export const ROUTING_PRODUCTS = [
  "ROUTE53",
  "CLOUDFLARE_LB",
  "AZURE_FRONT_DOOR",
  "AZURE_TRAFFIC_MANAGER",
  "LAB",
] as const;
export const STEERINGS = ["LATENCY", "GEO", "WEIGHTED", "FAILOVER", "RANDOM", "HASH"] as const;
export const ROLES = ["VIEWER", "OPERATOR", "APPROVER", "ADMIN"] as const;

export type TRole = (typeof ROLES)[number];

/** Words an operator reads, for every enum value shown in the UI. */
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
  VIEWER: "Viewer",
  OPERATOR: "Operator",
  APPROVER: "Approver",
  ADMIN: "Admin",
};

export const label = (value: string) => LABELS[value] ?? value;
