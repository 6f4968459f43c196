// The nodes and edges of the live topology graph: what each carries in `data`. Static facts come
// from the deployment model; live values that change how an element draws (status, alerts, over
// the RPO) are merged in per snapshot; the numbers that move every second are not (live-text.ts).
import type { Edge, Node } from "@xyflow/react";

import type { TReplicaRole } from "@/lib/enums";
import type { RegionStatus } from "@/lib/telemetry/contracts";

/** What every node carries for the search box (whether it is marked is in highlights.tsx). */
type Searchable = { searchText: string };

export type PolicyNodeData = Searchable & {
  policyId: string;
  name: string;
  product: string;
  steering: string;
  layer: string;
};

export type RegionNodeData = Searchable & {
  regionId: string;
  code: string;
  displayName: string;
  provider: string;
  /** Live; absent until the first snapshot names the region. Its traffic is live text (live-text.ts). */
  status?: RegionStatus;
  openAlerts: number;
};

export type StackNodeData = Searchable & {
  componentId: string;
  kind: string;
  tier: "FULL" | "SCALED_DOWN" | "OFF";
  instanceCount: number;
  instanceSize: string;
};

export type ReplicaRole = TReplicaRole;
export type ReplicaNodeData = Searchable & {
  replicaId: string;
  name: string;
  clusterName: string;
  /** The model's role and epoch, replaced by the live ones once a snapshot has them (a failover moves them). */
  role: ReplicaRole;
  epoch: number;
  writable?: boolean;
  fenced?: boolean;
};

export type LinkEdgeData = {
  linkId: string;
  sourceName: string;
  targetName: string;
  mode: "ASYNC" | "SYNC";
  /** 0 for the first link between two nodes in one direction, 1 for the next…: how far its curve bends. */
  lane: number;
  /** Live: does a snapshot have the link? Its lag is live text (live-text.ts). */
  measured: boolean;
  overRpo?: boolean;
  openAlerts: number;
};

export type RuleEdgeData = {
  ruleId: string;
  policyName: string;
  regionCode: string;
  steering: string;
  weight: number;
  priority: number;
  enabled: boolean;
  drained: boolean;
};

/** Zoomed out, a region is one node summing up what it holds (region-summary.ts). */
export type RegionSummaryNodeData = Searchable & {
  regionId: string;
  code: string;
  displayName: string;
  provider: string;
  /** What the summary is made of: the replicas placed in the region and the links into it. */
  replicaIds: string[];
  inboundLinkIds: string[];
  clusterNames: string[];
  /** Does the model make one of its replicas a writer (before any snapshot says)? */
  modelWriter: boolean;
  /** Live, from the snapshot; the worst lag into it is live text (live-text.ts). */
  status?: RegionStatus;
  writer: boolean;
  measured: boolean;
  overRpo: boolean;
  openAlerts: number;
};

/** Zoomed out, every link from one region to another is one edge, carrying the worst lag. */
export type RegionLinkEdgeData = {
  sourceCode: string;
  targetCode: string;
  linkIds: string[];
  /** Live: does a snapshot have one of the links? The worst lag is live text (live-text.ts). */
  measured: boolean;
  overRpo: boolean;
  openAlerts: number;
};

export type PolicyNode = Node<PolicyNodeData, "policy">;
export type RegionNode = Node<RegionNodeData, "region">;
export type MapRegionNode = Node<RegionNodeData, "mapRegion">;
export type StackNode = Node<StackNodeData, "stack">;
export type ReplicaNode = Node<ReplicaNodeData, "replica">;
export type RegionSummaryNode = Node<RegionSummaryNodeData, "regionSummary">;
export type TopologyNode = PolicyNode | RegionNode | MapRegionNode | StackNode | ReplicaNode | RegionSummaryNode;

export type LinkEdge = Edge<LinkEdgeData, "link">;
export type RuleEdge = Edge<RuleEdgeData, "rule">;
export type RegionLinkEdge = Edge<RegionLinkEdgeData, "regionLink">;
export type TopologyEdge = LinkEdge | RuleEdge | RegionLinkEdge;

export type GraphView = "graph" | "map";

/** What the side panel shows: one node or edge, by its id in the graph. */
export type GraphSelection = { kind: "node" | "edge"; id: string };

export const nodeIdOf = {
  policy: (id: string) => `policy:${id}`,
  region: (id: string) => `region:${id}`,
  stack: (id: string) => `stack:${id}`,
  replica: (id: string) => `replica:${id}`,
};
export const edgeIdOf = {
  link: (id: string) => `link:${id}`,
  rule: (id: string) => `rule:${id}`,
  regionLink: (sourceRegionId: string, targetRegionId: string) => `regions:${sourceRegionId}>${targetRegionId}`,
};
