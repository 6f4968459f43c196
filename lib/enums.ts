// The model's enumerations as plain values, shared by forms (browser) and the API (server).
// They mirror prisma/schema.prisma. Their words are in each context's words.ts.
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
export type TSteering = (typeof STEERINGS)[number];
export type TReplicaRole = (typeof REPLICA_ROLES)[number];
export type TStackTier = (typeof STACK_TIERS)[number];
