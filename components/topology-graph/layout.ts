// The graph view's layout: a pure function from nodes and edges to boxes, computed by elkjs
// (layered, top to bottom, region groups as compound nodes). It never sees live values, so a lag
// tick cannot move a node; callers re-run it only when the set of node and edge ids changes.
import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";
import ELK from "elkjs/lib/elk.bundled.js";

export type LayoutNode = {
  id: string;
  /** The group this node sits in; its box is then relative to the group's top-left corner. */
  parentId?: string;
  /** A group (a region): sized by ELK around its children, at least `width` × `height`. */
  group?: boolean;
  width: number;
  height: number;
};
export type LayoutEdge = { id: string; source: string; target: string };
export type NodeBox = { x: number; y: number; width: number; height: number };
/** A box per node id; children's positions are relative to their group, as React Flow wants them. */
export type LayoutResult = Record<string, NodeBox>;

/** Room at the top of a group for its header (code, status, traffic). */
export const GROUP_HEADER_HEIGHT = 104;
const GROUP_PADDING = 12;

const elk = new ELK();

// Kept apart so the page can compute it without loading ELK (which runs in the layout worker).
export { layoutKey } from "./layout-key";

/** Groups per row: wide deployments wrap into rows instead of one line thousands of pixels long. */
export function groupsPerRow(groupCount: number): number {
  return Math.max(4, Math.ceil(Math.sqrt(groupCount * 2)));
}

export async function layoutGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Promise<LayoutResult> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const topOf = (id: string): string | undefined => {
    let node = byId.get(id);
    while (node?.parentId && byId.has(node.parentId)) node = byId.get(node.parentId);
    return node?.id;
  };

  const childrenOf = new Map<string, LayoutNode[]>();
  for (const node of nodes) {
    if (node.parentId && byId.has(node.parentId))
      childrenOf.set(node.parentId, [...(childrenOf.get(node.parentId) ?? []), node]);
  }
  const topLevel = nodes.filter((node) => !node.parentId || !byId.has(node.parentId));
  const leaves = topLevel.filter((node) => !node.group);
  const groups = topLevel.filter((node) => node.group);
  const perRow = groupsPerRow(groups.length);
  const row = new Map<string, number>([
    ...leaves.map((node) => [node.id, 0] as const),
    ...groups.map((node, index) => [node.id, 1 + Math.floor(index / perRow)] as const),
  ]);

  // Edges between neighbouring rows order the nodes within each row; longer ones would only widen
  // the drawing with bend points nobody draws (the graph draws its own edges). Edges inside one
  // group stay in it.
  const rootEdges = new Map<string, ElkExtendedEdge>();
  const innerEdges = new Map<string, ElkExtendedEdge[]>();
  for (const edge of edges) {
    const source = topOf(edge.source);
    const target = topOf(edge.target);
    if (!source || !target) continue;
    if (source === target) {
      const sourceNode = byId.get(edge.source);
      const targetNode = byId.get(edge.target);
      if (source !== edge.source && sourceNode?.parentId === targetNode?.parentId && sourceNode?.parentId) {
        const parent = sourceNode.parentId;
        innerEdges.set(parent, [
          ...(innerEdges.get(parent) ?? []),
          { id: edge.id, sources: [edge.source], targets: [edge.target] },
        ]);
      }
      continue;
    }
    if (Math.abs((row.get(source) ?? 0) - (row.get(target) ?? 0)) !== 1) continue;
    const id = `${source}->${target}`;
    if (!rootEdges.has(id)) rootEdges.set(id, { id, sources: [source], targets: [target] });
  }

  const leafOf = (node: LayoutNode): ElkNode => ({ id: node.id, width: node.width, height: node.height });
  const groupOf = (node: LayoutNode): ElkNode => ({
    id: node.id,
    layoutOptions: {
      "elk.partitioning.partition": String(row.get(node.id)),
      // One layer to the right: children without edges between them stack in a column, in order.
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.separateConnectedComponents": "false",
      "elk.padding": `[top=${GROUP_HEADER_HEIGHT},left=${GROUP_PADDING},bottom=${GROUP_PADDING},right=${GROUP_PADDING}]`,
      "elk.spacing.nodeNode": "10",
      "elk.layered.spacing.nodeNodeBetweenLayers": "24",
      "elk.layered.crossingMinimization.forceNodeModelOrder": "true",
      "elk.nodeSize.constraints": "MINIMUM_SIZE",
      "elk.nodeSize.minimum": `(${node.width}, ${node.height})`,
    },
    children: (childrenOf.get(node.id) ?? []).map(leafOf),
    edges: innerEdges.get(node.id) ?? [],
  });

  const graph: ElkNode = {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "DOWN",
      // Policies in the first row, then the regions, `perRow` to a row.
      "elk.partitioning.activate": "true",
      "elk.separateConnectedComponents": "false",
      "elk.spacing.nodeNode": "48",
      "elk.layered.spacing.nodeNodeBetweenLayers": "72",
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
    },
    children: [
      ...leaves.map((node) => ({ ...leafOf(node), layoutOptions: { "elk.partitioning.partition": "0" } })),
      ...groups.map(groupOf),
    ],
    edges: [...rootEdges.values()],
  };

  const laidOut = await elk.layout(graph);
  const result: LayoutResult = {};
  const collect = (elkNode: ElkNode) => {
    for (const child of elkNode.children ?? []) {
      result[child.id] = { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 };
      collect(child);
    }
  };
  collect(laidOut);
  return result;
}

/** An edge's drawn route, start to end through its bends, in the coordinates of the whole graph. */
export type Route = { x: number; y: number }[];
export type OverviewLayout = { boxes: LayoutResult; routes: Record<string, Route> };

/**
 * The zoomed-out graph: regions only, each cluster's regions laid out together (layered, its
 * primary's region above those it feeds), the groups packed into rows near the screen's shape,
 * and every edge routed orthogonally around the regions, never through a third one.
 */
export async function layoutOverview(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
): Promise<OverviewLayout> {
  const known = new Set(nodes.map((node) => node.id));
  const laidOut = await elk.layout({
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "DOWN",
      "elk.edgeRouting": "ORTHOGONAL",
      "elk.separateConnectedComponents": "true",
      "elk.aspectRatio": "1.7",
      // Tight: at the fitted view every pixel of spacing costs the regions' names some size.
      "elk.spacing.nodeNode": "20",
      "elk.spacing.componentComponent": "28",
      "elk.spacing.edgeNode": "12",
      "elk.spacing.edgeEdge": "8",
      "elk.layered.spacing.nodeNodeBetweenLayers": "36",
      "elk.layered.spacing.edgeNodeBetweenLayers": "12",
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
    },
    children: nodes.map((node) => ({ id: node.id, width: node.width, height: node.height })),
    edges: edges
      .filter((edge) => known.has(edge.source) && known.has(edge.target) && edge.source !== edge.target)
      .map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  });
  const boxes: LayoutResult = {};
  for (const child of laidOut.children ?? [])
    boxes[child.id] = { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 };
  const routes: Record<string, Route> = {};
  for (const edge of (laidOut.edges ?? []) as ElkExtendedEdge[]) {
    const section = edge.sections?.[0];
    if (section) routes[edge.id] = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
  }
  return { boxes, routes };
}

/** "graph": regions holding their stacks and replicas; "overview": regions only, edges routed. */
export type LayoutKind = "graph" | "overview";

export async function layoutOf(
  kind: LayoutKind,
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
): Promise<OverviewLayout> {
  return kind === "overview" ? layoutOverview(nodes, edges) : { boxes: await layoutGraph(nodes, edges), routes: {} };
}
