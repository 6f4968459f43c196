// The static graph of a deployment (no positions, no live values): which nodes and edges exist
// and what the model says about each. The graph view and the map view each have their own.
import type { DeploymentModelData } from "@/components/topology/model-types";
import { label } from "@/lib/topology/words";

import {
  edgeIdOf,
  nodeIdOf,
  type LinkEdge,
  type MapRegionNode,
  type PolicyNode,
  type RegionNode,
  type ReplicaNode,
  type RuleEdge,
  type StackNode,
  type TopologyEdge,
  type TopologyNode,
} from "./graph-types";
import type { LayoutNode } from "./layout";
import type { MapPlace } from "./map-layout";

/** Sizes the node components draw at; layout and rendering both use them. */
export const NODE_SIZE = {
  policy: { width: 240, height: 64 },
  region: { width: 248, height: 140 },
  mapRegion: { width: 188, height: 68 },
  stack: { width: 224, height: 52 },
  replica: { width: 224, height: 58 },
  regionSummary: { width: 272, height: 72 },
} as const;

export type StaticGraph = { nodes: TopologyNode[]; edges: TopologyEdge[] };

const byCode = (a: { region: { code: string } }, b: { region: { code: string } }) =>
  a.region.code.localeCompare(b.region.code);

function regionData(placement: DeploymentModelData["regions"][number]) {
  const { region } = placement;
  return {
    regionId: region.id,
    code: region.code,
    displayName: region.displayName,
    provider: label(region.provider),
    searchText: `${region.code} ${region.displayName}`.toLowerCase(),
    openAlerts: 0,
  };
}

function replicaNames(deployment: DeploymentModelData) {
  return new Map(
    deployment.clusters.flatMap((cluster) =>
      cluster.replicas.map((replica) => [replica.id, { name: replica.name, regionId: replica.regionId }] as const),
    ),
  );
}

function linkEdges(deployment: DeploymentModelData, endpoint: (replicaId: string) => string | undefined): LinkEdge[] {
  const names = replicaNames(deployment);
  const edges: LinkEdge[] = [];
  const lanes = new Map<string, number>();
  for (const cluster of deployment.clusters) {
    for (const link of cluster.links) {
      const source = endpoint(link.sourceReplicaId);
      const target = endpoint(link.targetReplicaId);
      if (!source || !target || source === target) continue;
      const sourceName = names.get(link.sourceReplicaId)?.name ?? "?";
      const targetName = names.get(link.targetReplicaId)?.name ?? "?";
      // Links between the same two nodes in the same direction (the map view joins regions) fan out.
      const lane = lanes.get(`${source}>${target}`) ?? 0;
      lanes.set(`${source}>${target}`, lane + 1);
      edges.push({
        id: edgeIdOf.link(link.id),
        type: "link",
        source,
        target,
        ariaLabel: `Replication ${sourceName} to ${targetName}`,
        data: { linkId: link.id, sourceName, targetName, mode: link.mode, lane, measured: false, openAlerts: 0 },
      });
    }
  }
  return edges;
}

/** Policies on top; each region a group holding its stack and the replicas placed in it. */
export function buildTopologyGraph(deployment: DeploymentModelData): StaticGraph {
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  const codeOf = new Map(deployment.regions.map((placement) => [placement.regionId, placement.region.code]));

  for (const policy of deployment.policies) {
    nodes.push({
      id: nodeIdOf.policy(policy.id),
      type: "policy",
      position: { x: 0, y: 0 },
      ariaLabel: `Routing policy ${policy.name}`,
      data: {
        policyId: policy.id,
        name: policy.name,
        product: label(policy.product),
        steering: policy.steering,
        layer: label(policy.layer),
        searchText: policy.name.toLowerCase(),
      },
    } satisfies PolicyNode);
  }

  const replicasByRegion = new Map<string, ReplicaNode[]>();
  for (const cluster of [...deployment.clusters].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const replica of cluster.replicas) {
      const node: ReplicaNode = {
        id: nodeIdOf.replica(replica.id),
        type: "replica",
        parentId: nodeIdOf.region(replica.regionId),
        extent: "parent",
        position: { x: 0, y: 0 },
        ariaLabel: `Replica ${replica.name} of ${cluster.name}`,
        data: {
          replicaId: replica.id,
          name: replica.name,
          clusterName: cluster.name,
          role: replica.role,
          epoch: replica.epoch,
          searchText: `${replica.name} ${cluster.name}`.toLowerCase(),
        },
      };
      replicasByRegion.set(replica.regionId, [...(replicasByRegion.get(replica.regionId) ?? []), node]);
    }
  }

  for (const placement of [...deployment.regions].sort(byCode)) {
    const regionNodeId = nodeIdOf.region(placement.regionId);
    nodes.push({
      id: regionNodeId,
      type: "region",
      position: { x: 0, y: 0 },
      ariaLabel: `Region ${placement.region.code}`,
      data: regionData(placement),
    } satisfies RegionNode);
    for (const component of placement.stack) {
      nodes.push({
        id: nodeIdOf.stack(component.id),
        type: "stack",
        parentId: regionNodeId,
        extent: "parent",
        position: { x: 0, y: 0 },
        ariaLabel: `${label(component.kind)} in ${placement.region.code}`,
        data: {
          componentId: component.id,
          kind: label(component.kind),
          tier: component.tier,
          instanceCount: component.instanceCount,
          instanceSize: component.instanceSize,
          searchText: `${component.kind} ${label(component.kind)} ${placement.region.code}`.toLowerCase(),
        },
      } satisfies StackNode);
    }
    nodes.push(...(replicasByRegion.get(placement.regionId) ?? []));
  }

  for (const policy of deployment.policies) {
    for (const rule of policy.rules) {
      edges.push({
        id: edgeIdOf.rule(rule.id),
        type: "rule",
        source: nodeIdOf.policy(policy.id),
        target: nodeIdOf.region(rule.regionId),
        ariaLabel: `Routing rule ${policy.name} to ${codeOf.get(rule.regionId) ?? "region"}`,
        data: {
          ruleId: rule.id,
          policyName: policy.name,
          regionCode: codeOf.get(rule.regionId) ?? "?",
          steering: policy.steering,
          weight: rule.weight,
          priority: rule.priority,
          enabled: rule.enabled,
          drained: rule.drained,
        },
      } satisfies RuleEdge);
    }
  }

  edges.push(...linkEdges(deployment, (replicaId) => nodeIdOf.replica(replicaId)));
  return { nodes, edges };
}

/**
 * Regions, each a small node at its place, with links drawn between the regions of their replicas,
 * and the routing policies with their rules to the regions, as the graph view draws them.
 */
export function buildMapGraph(deployment: DeploymentModelData): StaticGraph {
  const nodes: TopologyNode[] = [...deployment.regions].sort(byCode).map((placement): MapRegionNode => ({
    id: nodeIdOf.region(placement.regionId),
    type: "mapRegion",
    position: { x: 0, y: 0 },
    ariaLabel: `Region ${placement.region.code}`,
    data: regionData(placement),
  }));
  const names = replicaNames(deployment);
  const edges = linkEdges(deployment, (replicaId) => {
    const regionId = names.get(replicaId)?.regionId;
    return regionId ? nodeIdOf.region(regionId) : undefined;
  });
  // Rule edges end at nodeIdOf.region(...), the id of a region on the map as in the graph.
  const routing = buildTopologyGraph(deployment);
  return {
    nodes: [...routing.nodes.filter((node) => node.type === "policy"), ...nodes],
    edges: [...routing.edges.filter((edge) => edge.type === "rule"), ...edges],
  };
}

/** What the ELK layout needs of the graph view's nodes. */
export function layoutNodesOf(nodes: readonly TopologyNode[]): LayoutNode[] {
  return nodes.map((node) => {
    const size = NODE_SIZE[node.type];
    return node.type === "region"
      ? { id: node.id, group: true, ...size }
      : { id: node.id, parentId: node.parentId, ...size };
  });
}

/** Degrees north of its regions a policy is placed at on the map. */
const POLICY_LIFT_DEGREES = 22;

/** What the map layout needs: where each region is, and each policy: above the regions it routes to. */
export function mapPlacesOf(deployment: DeploymentModelData): MapPlace[] {
  const regions = deployment.regions.map((placement) => ({
    id: nodeIdOf.region(placement.regionId),
    latitude: placement.region.latitude,
    longitude: placement.region.longitude,
    ...NODE_SIZE.mapRegion,
  }));
  const at = new Map(deployment.regions.map((placement) => [placement.regionId, placement.region]));
  const policies = deployment.policies.map((policy) => {
    const targets = policy.rules.flatMap((rule) => at.get(rule.regionId) ?? []);
    const all = targets.length > 0 ? targets : [...at.values()];
    const longitude = all.length ? all.reduce((sum, region) => sum + region.longitude, 0) / all.length : 0;
    const latitude = Math.min(80, Math.max(...all.map((region) => region.latitude), 0) + POLICY_LIFT_DEGREES);
    return { id: nodeIdOf.policy(policy.id), latitude, longitude, ...NODE_SIZE.policy };
  });
  return [...policies, ...regions];
}
