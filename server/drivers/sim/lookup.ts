// Finding things in the sim state by id, with a clear NotFoundError instead of an undefined later.
import { NotFoundError } from "../errors";
import type { RoutingPolicy, TopologyCluster, TopologyLink, TopologyRegion, TopologyReplica } from "../types";
import type { ClusterRuntime, LinkRuntime, ReplicaRuntime, SimState } from "./state";

export function findRegion(state: SimState, regionId: string): TopologyRegion {
  const region = state.topology.regions.find((candidate) => candidate.id === regionId);
  if (!region) throw new NotFoundError("region", regionId);
  return region;
}

export function findCluster(state: SimState, clusterId: string): TopologyCluster {
  const cluster = state.topology.clusters.find((candidate) => candidate.id === clusterId);
  if (!cluster) throw new NotFoundError("cluster", clusterId);
  return cluster;
}

export function findReplica(state: SimState, replicaId: string): TopologyReplica {
  const replica = state.topology.replicas.find((candidate) => candidate.id === replicaId);
  if (!replica) throw new NotFoundError("replica", replicaId);
  return replica;
}

export function findLink(state: SimState, linkId: string): TopologyLink {
  const link = state.topology.links.find((candidate) => candidate.id === linkId);
  if (!link) throw new NotFoundError("replication link", linkId);
  return link;
}

export function findPolicy(state: SimState, policyId: string): RoutingPolicy {
  const policy = state.topology.routingPolicies.find((candidate) => candidate.id === policyId);
  if (!policy) throw new NotFoundError("routing policy", policyId);
  return policy;
}

export function replicaRuntime(state: SimState, replicaId: string): ReplicaRuntime {
  const runtime = state.replicas[replicaId];
  if (!runtime) throw new NotFoundError("replica", replicaId);
  return runtime;
}

export function linkRuntime(state: SimState, linkId: string): LinkRuntime {
  const runtime = state.links[linkId];
  if (!runtime) throw new NotFoundError("replication link", linkId);
  return runtime;
}

export function clusterRuntime(state: SimState, clusterId: string): ClusterRuntime {
  const runtime = state.clusters[clusterId];
  if (!runtime) throw new NotFoundError("cluster", clusterId);
  return runtime;
}

export function replicasOfCluster(state: SimState, clusterId: string): TopologyReplica[] {
  return state.topology.replicas.filter((replica) => replica.clusterId === clusterId);
}

export function isWriterRole(replica: TopologyReplica): boolean {
  return replica.role === "PRIMARY" || replica.role === "MULTI_MASTER";
}

/** Accepts writes as far as the database is concerned; an unreachable region does not change that. */
export function isWritable(state: SimState, replica: TopologyReplica): boolean {
  return isWriterRole(replica) && !replicaRuntime(state, replica.id).fenced;
}
