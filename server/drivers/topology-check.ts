// Checks a topology before a driver acts on it: field types and ranges (zod), then references and
// the single-primary rule, so a driver never starts from a split brain or a dangling id.
import { z } from "zod";

import { InvalidTopologyError } from "./errors";
import type { DeploymentTopology } from "./types";

const ZId = z.string().min(1);
const ZEpoch = z.number().int().nonnegative();

const ZHealthCheck = z.object({
  intervalSeconds: z
    .number()
    .int()
    .min(1, "intervalSeconds must be at least 1")
    .max(3600, "intervalSeconds must be at most 3600"),
  timeoutSeconds: z
    .number()
    .positive("timeoutSeconds must be positive")
    .max(3600, "timeoutSeconds must be at most 3600"),
  failureThreshold: z
    .number()
    .int()
    .min(1, "failureThreshold must be between 1 and 100")
    .max(100, "failureThreshold must be between 1 and 100"),
  probeLocations: z.array(ZId),
  quorum: z.number().int().min(1, "quorum must be at least 1"),
});

export const ZDeploymentTopology = z.object({
  deploymentId: ZId,
  regions: z.array(
    z.object({
      id: ZId,
      code: ZId,
      latitude: z
        .number()
        .min(-90, "latitude must be between -90 and 90")
        .max(90, "latitude must be between -90 and 90"),
      longitude: z
        .number()
        .min(-180, "longitude must be between -180 and 180")
        .max(180, "longitude must be between -180 and 180"),
      probeLocations: z.array(ZId).optional(),
    }),
  ),
  clusters: z.array(z.object({ id: ZId, writeTopology: z.enum(["SINGLE_PRIMARY", "MULTI_PRIMARY"]) })),
  replicas: z.array(
    z.object({
      id: ZId,
      clusterId: ZId,
      regionId: ZId,
      role: z.enum(["PRIMARY", "READ_REPLICA", "MULTI_MASTER"]),
      epoch: ZEpoch,
    }),
  ),
  links: z.array(
    z.object({
      id: ZId,
      sourceReplicaId: ZId,
      targetReplicaId: ZId,
      mode: z.enum(["ASYNC", "SYNC"]),
      expectedVolumeGbPerDay: z.number().nonnegative("expectedVolumeGbPerDay must not be negative"),
    }),
  ),
  routingPolicies: z.array(
    z.object({
      id: ZId,
      steering: z.enum(["LATENCY", "GEO", "WEIGHTED", "FAILOVER", "RANDOM", "HASH"]),
      healthCheck: ZHealthCheck,
      rules: z.array(
        z.object({
          id: ZId,
          regionId: ZId,
          weight: z.number().nonnegative("weight must not be negative"),
          priority: z.number().int(),
          enabled: z.boolean(),
          drained: z.boolean(),
        }),
      ),
    }),
  ),
}) satisfies z.ZodType<DeploymentTopology>;

/** Returns a validated deep copy of the topology or throws InvalidTopologyError naming every problem. */
export function parseTopology(input: unknown): DeploymentTopology {
  const parsed = ZDeploymentTopology.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new InvalidTopologyError(`Invalid topology: ${problems.join("; ")}`);
  }
  const problems = referenceProblems(parsed.data);
  if (problems.length > 0) throw new InvalidTopologyError(`Invalid topology: ${problems.join("; ")}`);
  return parsed.data;
}

function referenceProblems(topology: DeploymentTopology): string[] {
  const problems: string[] = [];
  const regionIds = uniqueIds("region", topology.regions, problems);
  const clusterIds = uniqueIds("cluster", topology.clusters, problems);
  const replicaIds = uniqueIds("replica", topology.replicas, problems);
  uniqueIds("link", topology.links, problems);
  uniqueIds("routing policy", topology.routingPolicies, problems);

  for (const replica of topology.replicas) {
    if (!clusterIds.has(replica.clusterId))
      problems.push(`replica ${replica.id} names unknown cluster ${replica.clusterId}`);
    if (!regionIds.has(replica.regionId))
      problems.push(`replica ${replica.id} names unknown region ${replica.regionId}`);
  }
  const clusterOf = new Map(topology.replicas.map((replica) => [replica.id, replica.clusterId]));
  for (const link of topology.links) {
    for (const end of [link.sourceReplicaId, link.targetReplicaId]) {
      if (!replicaIds.has(end)) problems.push(`link ${link.id} names unknown replica ${end}`);
    }
    if (link.sourceReplicaId === link.targetReplicaId)
      problems.push(`link ${link.id} replicates replica ${link.sourceReplicaId} to itself`);
    if (clusterOf.get(link.sourceReplicaId) !== clusterOf.get(link.targetReplicaId)) {
      problems.push(`link ${link.id} joins replicas of different clusters`);
    }
  }
  for (const cluster of topology.clusters) {
    if (cluster.writeTopology !== "SINGLE_PRIMARY") continue;
    const members = topology.replicas.filter((replica) => replica.clusterId === cluster.id);
    const writers = members.filter((replica) => replica.role !== "READ_REPLICA");
    if (writers.length > 1) {
      problems.push(
        `single-primary cluster ${cluster.id} has ${writers.length} writers (${writers.map((w) => w.id).join(", ")}); at most one is allowed`,
      );
    }
    const multiMasters = members.filter((replica) => replica.role === "MULTI_MASTER");
    if (multiMasters.length > 0)
      problems.push(`single-primary cluster ${cluster.id} has a MULTI_MASTER replica (${multiMasters[0]?.id})`);
  }
  for (const policy of topology.routingPolicies) {
    uniqueIds(`rule of policy ${policy.id}`, policy.rules, problems);
    for (const rule of policy.rules) {
      if (!regionIds.has(rule.regionId))
        problems.push(`rule ${rule.id} of policy ${policy.id} names unknown region ${rule.regionId}`);
    }
  }
  return problems;
}

function uniqueIds(what: string, items: { id: string }[], problems: string[]): Set<string> {
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) problems.push(`${what} id ${item.id} appears twice`);
    ids.add(item.id);
  }
  return ids;
}
