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

/** The canvas's shape the zoomed-out graph is packed for: a 1440-pixel screen, the graph full width. */
export const OVERVIEW_ASPECT = 2;
const COMPONENT_GAP = 28;

const OVERVIEW_OPTIONS = {
  "elk.algorithm": "layered",
  "elk.direction": "DOWN",
  "elk.edgeRouting": "ORTHOGONAL",
  // The packing below keeps components apart; a padding around each would only add to the gaps.
  "elk.padding": "[top=0,left=0,bottom=0,right=0]",
  // Tight: at the fitted view every pixel of spacing costs the regions' names some size.
  "elk.spacing.nodeNode": "20",
  "elk.spacing.edgeNode": "12",
  "elk.spacing.edgeEdge": "8",
  "elk.layered.spacing.nodeNodeBetweenLayers": "28",
  "elk.layered.spacing.edgeNodeBetweenLayers": "12",
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
};

/** The sets of nodes joined by edges (each a cluster's regions), in the nodes' order. */
export function connectedComponents(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): string[][] {
  const parent = new Map(nodes.map((node) => [node.id, node.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  for (const edge of edges)
    if (parent.has(edge.source) && parent.has(edge.target)) parent.set(find(edge.source), find(edge.target));
  const groups = new Map<string, string[]>();
  for (const node of nodes) {
    const root = find(node.id);
    groups.set(root, [...(groups.get(root) ?? []), node.id]);
  }
  return [...groups.values()];
}

type Size = { width: number; height: number };
/**
 * Skyline packing: each box, tallest first, where it sits highest in a strip `stripWidth` wide
 * (a short one may sit under or beside a tall one); each box's offset and the whole size. ELK's own
 * packing of components left half the area empty at 70 regions.
 */
export function packSkyline(sizes: readonly Size[], stripWidth: number, gap: number) {
  const order = sizes.map((_, index) => index).sort((a, b) => sizes[b]!.height - sizes[a]!.height || a - b);
  const offsets: { x: number; y: number }[] = new Array(sizes.length);
  // The skyline: from x on, the strip is filled down to y (the next free y, gap included).
  let skyline = [{ x: 0, y: 0 }];
  let width = 0;
  let height = 0;
  for (const index of order) {
    const size = sizes[index]!;
    let best: { x: number; y: number } | null = null;
    for (const { x } of skyline) {
      if (x > 0 && x + size.width > stripWidth) continue;
      const y = Math.max(
        ...skyline.filter((s, i) => s.x < x + size.width && (skyline[i + 1]?.x ?? Infinity) > x).map((s) => s.y),
      );
      if (!best || y < best.y) best = { x, y };
    }
    const at = best ?? { x: 0, y: Math.max(...skyline.map((s) => s.y)) };
    offsets[index] = at;
    const right = at.x + size.width + gap;
    const bottom = at.y + size.height + gap;
    // Replace the skyline under [at.x, right) by the box's bottom.
    const after = skyline.filter((s) => s.x < right).at(-1)!;
    skyline = [
      ...skyline.filter((s) => s.x < at.x),
      { x: at.x, y: bottom },
      ...(skyline.some((s) => s.x === right) ? [] : [{ x: right, y: after.y }]),
      ...skyline.filter((s) => s.x >= right),
    ];
    width = Math.max(width, at.x + size.width);
    height = Math.max(height, at.y + size.height);
  }
  return { offsets, width, height };
}

/** The packing whose drawing, fitted to a canvas of `aspect` (width / height), is largest. */
export function packForAspect(sizes: readonly Size[], aspect: number, gap: number) {
  const widest = Math.max(0, ...sizes.map((size) => size.width));
  const total = sizes.reduce((sum, size) => sum + size.width + gap, 0);
  let best: ReturnType<typeof packSkyline> | null = null;
  let bestScale = 0;
  // Strip widths from the widest component to all in one row, in 200 steps at most.
  for (let rowWidth = widest; ; rowWidth += Math.max(8, (total - widest) / 200)) {
    const packed = packSkyline(sizes, rowWidth, gap);
    const scale = Math.min(aspect / packed.width, 1 / packed.height);
    if (scale > bestScale) [best, bestScale] = [packed, scale];
    if (rowWidth >= total) break;
  }
  return best ?? packSkyline(sizes, widest, gap);
}

/**
 * The zoomed-out graph: regions only, each cluster's regions laid out together (layered, its
 * primary's region above those it feeds), every edge routed orthogonally around the regions,
 * never through a third one; the clusters then packed in rows to the canvas's shape.
 */
export async function layoutOverview(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
): Promise<OverviewLayout> {
  const known = new Set(nodes.map((node) => node.id));
  const drawn = edges.filter((edge) => known.has(edge.source) && known.has(edge.target) && edge.source !== edge.target);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const components = connectedComponents(nodes, drawn);
  const componentOf = new Map(components.flatMap((ids, index) => ids.map((id) => [id, index] as const)));
  const laidOut: ElkNode[] = await Promise.all(
    components.map((ids, index) =>
      elk.layout({
        id: `component-${index}`,
        layoutOptions: OVERVIEW_OPTIONS,
        children: ids.map((id) => ({ id, width: byId.get(id)!.width, height: byId.get(id)!.height })),
        edges: drawn
          .filter((edge) => componentOf.get(edge.source) === index)
          .map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
      }),
    ),
  );
  const { offsets } = packForAspect(
    laidOut.map((component) => ({ width: component.width ?? 0, height: component.height ?? 0 })),
    OVERVIEW_ASPECT,
    COMPONENT_GAP,
  );
  const boxes: LayoutResult = {};
  const routes: Record<string, Route> = {};
  laidOut.forEach((component, index) => {
    const { x: dx, y: dy } = offsets[index]!;
    for (const child of component.children ?? [])
      boxes[child.id] = {
        x: dx + (child.x ?? 0),
        y: dy + (child.y ?? 0),
        width: child.width ?? 0,
        height: child.height ?? 0,
      };
    for (const edge of (component.edges ?? []) as ElkExtendedEdge[]) {
      const section = edge.sections?.[0];
      if (section)
        routes[edge.id] = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((point) => ({
          x: point.x + dx,
          y: point.y + dy,
        }));
    }
  });
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
