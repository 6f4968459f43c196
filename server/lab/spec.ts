// What the lab runs, as plain data: per lab deployment its regions (with coordinates), its
// clusters (replicas by region, links), its routing policies and the probe locations. It is read
// from Meridian's model (load-spec.ts); tests write one by hand.
import type { Coordinates } from "./distance";

export interface LabRegion extends Coordinates {
  /** The model's region id, when the lab was read from the model. */
  id?: string;
  code: string;
}

export interface LabReplica {
  /** The model's replica id, when the lab was read from the model. */
  id?: string;
  name: string;
  region: string;
  role: "PRIMARY" | "READ_REPLICA" | "MULTI_MASTER";
}

export interface LabLink {
  id?: string;
  source: string;
  target: string;
}

export interface LabCluster {
  id?: string;
  name: string;
  writeTopology: "SINGLE_PRIMARY" | "MULTI_PRIMARY";
  replicas: LabReplica[];
  links: LabLink[];
}

export interface LabRule {
  id?: string;
  region: string;
  weight: number;
  priority: number;
  enabled: boolean;
  drained: boolean;
}

export interface LabHealthCheck {
  intervalSeconds: number;
  timeoutSeconds: number;
  failureThreshold: number;
  probeLocations: string[];
  quorum: number;
}

export interface LabPolicy {
  id?: string;
  name: string;
  steering: "LATENCY" | "GEO" | "WEIGHTED" | "FAILOVER" | "RANDOM" | "HASH";
  healthCheck: LabHealthCheck;
  rules: LabRule[];
}

export interface LabDeploymentSpec {
  slug: string;
  regions: LabRegion[];
  clusters: LabCluster[];
  policies: LabPolicy[];
}

/** The cluster a deployment's routers send clients to: its first single-primary one, else its first. */
export function routedCluster(spec: LabDeploymentSpec): LabCluster | undefined {
  return spec.clusters.find((cluster) => cluster.writeTopology === "SINGLE_PRIMARY") ?? spec.clusters[0];
}

/** A name PostgreSQL accepts as a slot, subscription or publication name. */
export function sqlName(...parts: string[]): string {
  return parts
    .join("_")
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, "_")
    .slice(0, 60);
}

export function regionOf(spec: LabDeploymentSpec, code: string): LabRegion {
  const region = spec.regions.find((candidate) => candidate.code === code);
  if (!region) throw new Error(`lab deployment ${spec.slug} has no region ${code}`);
  return region;
}
