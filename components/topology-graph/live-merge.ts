// Puts the graph together for one render: static nodes and edges, the layout's boxes, the newest
// live values and the selection. Positions come only from the layout, so a new snapshot changes
// what nodes show, never where they are. What the search marks is not here (highlights.tsx).
//
// Only what changes how an element draws is merged here (health, alerts, over the RPO, who writes);
// the numbers that move every second (traffic, lag) are read by their labels from the live values
// (live-values.tsx), so a tick that only moves numbers changes nothing here.
//
// Identity is kept: a node or edge whose own values did not change is the very object of the
// previous render, so React Flow keeps its internal node and memoised components skip it. A tick
// that puts one link over the RPO yields a new object for that edge only.
import type { LiveLink, LiveRegion, LiveReplica, LiveSnapshot } from "@/lib/telemetry/contracts";

import type { GraphSelection, TopologyEdge, TopologyNode } from "./graph-types";
import type { LayoutResult } from "./layout";
import { handlesOf } from "./node-handles";
import { aggregateLinks, summarizeRegion } from "./region-summary";

export type LiveIndex = {
  regions: Map<string, LiveRegion>;
  links: Map<string, LiveLink>;
  replicas: Map<string, LiveReplica>;
  /** Open alerts per target id (a region or a link). */
  alertsByTarget: Map<string, number>;
};

export function indexSnapshot(snapshot: LiveSnapshot | undefined): LiveIndex {
  const alertsByTarget = new Map<string, number>();
  for (const alert of snapshot?.alerts ?? [])
    alertsByTarget.set(alert.targetId, (alertsByTarget.get(alert.targetId) ?? 0) + 1);
  return {
    regions: new Map((snapshot?.regions ?? []).map((region) => [region.regionId, region])),
    links: new Map((snapshot?.links ?? []).map((link) => [link.linkId, link])),
    replicas: new Map((snapshot?.replicas ?? []).map((replica) => [replica.replicaId, replica])),
    alertsByTarget,
  };
}

type UiState = { selection: GraphSelection | null };

/** What was composed last time, by id: the objects a new render reuses when nothing of theirs changed. */
export type Previous<T> = ReadonlyMap<string, T>;

/** Same keys with the same values; one level deep, as node and edge data are flat (arrays in them are the model's own). */
export function sameData(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => key in right && left[key] === right[key]);
}

function liveData(node: TopologyNode, live: LiveIndex): TopologyNode["data"] {
  switch (node.type) {
    case "region":
    case "mapRegion": {
      const region = live.regions.get(node.data.regionId);
      return {
        ...node.data,
        status: region?.status,
        openAlerts: live.alertsByTarget.get(node.data.regionId) ?? 0,
      };
    }
    case "regionSummary":
      return summarizeRegion(node.data, live);
    case "replica": {
      const replica = live.replicas.get(node.data.replicaId);
      return replica
        ? { ...node.data, role: replica.role, epoch: replica.epoch, writable: replica.writable, fenced: replica.fenced }
        : node.data;
    }
    default:
      return node.data;
  }
}

/** A region's name for screen readers carries its live status and alerts. */
function ariaLabelOf(node: TopologyNode, data: TopologyNode["data"]): string | undefined {
  if ((node.type !== "region" && node.type !== "mapRegion" && node.type !== "regionSummary") || !("status" in data))
    return node.ariaLabel;
  const alerts = data.openAlerts ? `, ${data.openAlerts} open alert${data.openAlerts === 1 ? "" : "s"}` : "";
  return `${node.ariaLabel}, ${data.status ?? "no live data"}${alerts}`;
}

/** Nodes with a box from the layout, live values in `data`; nodes the layout has not placed yet wait. */
export function composeNodes(
  nodes: readonly TopologyNode[],
  boxes: LayoutResult | null,
  live: LiveIndex,
  ui: UiState,
  previous: Previous<TopologyNode> = new Map(),
): TopologyNode[] {
  if (!boxes) return [];
  const placed: TopologyNode[] = [];
  const present = new Set<string>();
  for (const node of nodes) {
    const box = boxes[node.id];
    // A child waits for its group too: React Flow needs the parent first.
    if (!box || (node.parentId && !present.has(node.parentId))) continue;
    present.add(node.id);
    const before = previous.get(node.id);
    const fresh = liveData(node, live);
    const data = before && sameData(before.data, fresh) ? before.data : fresh;
    const selected = ui.selection?.kind === "node" && ui.selection.id === node.id;
    const ariaLabel = ariaLabelOf(node, data);
    if (
      before &&
      before.data === data &&
      before.selected === selected &&
      before.ariaLabel === ariaLabel &&
      before.parentId === node.parentId &&
      before.position.x === box.x &&
      before.position.y === box.y &&
      before.width === box.width &&
      before.height === box.height
    ) {
      placed.push(before);
      continue;
    }
    placed.push({
      ...node,
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      // The size is known (the node draws at its box): saying so keeps React Flow from dropping
      // its measurements, and so re-measuring every node and hiding edges, on each new snapshot.
      // With its handles too, it measures nothing and mounts only the nodes in view.
      measured: { width: box.width, height: box.height },
      handles: handlesOf(node.type, box.width, box.height),
      draggable: false,
      connectable: false,
      deletable: false,
      selected,
      ariaLabel,
      data,
    } as TopologyNode);
  }
  return placed;
}

function liveEdge(edge: TopologyEdge, live: LiveIndex): Pick<TopologyEdge, "data" | "animated"> {
  if (edge.type === "regionLink" && edge.data) {
    const data = aggregateLinks(edge.data, live);
    return { data, animated: data.overRpo };
  }
  if (edge.type !== "link" || !edge.data) return { data: edge.data, animated: false };
  const link = live.links.get(edge.data.linkId);
  return {
    // Moving dashes draw the eye to a link that is losing more than the RPO allows.
    animated: !!link?.overRpo,
    data: {
      ...edge.data,
      measured: !!link,
      overRpo: link?.overRpo,
      openAlerts: live.alertsByTarget.get(edge.data.linkId) ?? 0,
    },
  };
}

export function composeEdges(
  edges: readonly TopologyEdge[],
  nodes: readonly TopologyNode[],
  live: LiveIndex,
  ui: UiState,
  previous: Previous<TopologyEdge> = new Map(),
): TopologyEdge[] {
  const present = new Set(nodes.map((node) => node.id));
  const composed: TopologyEdge[] = [];
  for (const edge of edges) {
    if (!present.has(edge.source) || !present.has(edge.target) || !edge.data) continue;
    const selected = ui.selection?.kind === "edge" && ui.selection.id === edge.id;
    const before = previous.get(edge.id);
    const fresh = liveEdge(edge, live);
    const data = before && sameData(before.data, fresh.data) ? before.data : fresh.data;
    if (
      before &&
      before.data === data &&
      before.selected === selected &&
      before.animated === fresh.animated &&
      before.source === edge.source &&
      before.target === edge.target
    ) {
      composed.push(before);
      continue;
    }
    composed.push({ ...edge, selected, deletable: false, animated: fresh.animated, data } as TopologyEdge);
  }
  return composed;
}

/** The previous array itself when it holds the very same objects: nothing for React Flow to take in. */
function sameArray<T>(previous: readonly T[], next: T[]): T[] {
  return previous.length === next.length && next.every((item, i) => item === previous[i]) ? (previous as T[]) : next;
}

/**
 * Remembers the last composition so the next one can reuse its objects. One per canvas: a
 * mutable cache read and written only inside the memoised composition, never during layout.
 * When every object is reused, so is the array: React Flow's store then receives nothing new
 * (a changed `nodes` or `edges` prop makes it adopt every node, rebuild its edge lookup and run
 * every node's and edge's store selector again).
 */
export class LiveMerger {
  private nodes: readonly TopologyNode[] = [];
  private edges: readonly TopologyEdge[] = [];
  private nodeById: Previous<TopologyNode> = new Map();
  private edgeById: Previous<TopologyEdge> = new Map();

  composeNodes(...args: [readonly TopologyNode[], LayoutResult | null, LiveIndex, UiState]): TopologyNode[] {
    const composed = sameArray(this.nodes, composeNodes(...args, this.nodeById));
    if (composed !== this.nodes) this.nodeById = new Map(composed.map((node) => [node.id, node]));
    this.nodes = composed;
    return composed;
  }

  composeEdges(...args: [readonly TopologyEdge[], readonly TopologyNode[], LiveIndex, UiState]): TopologyEdge[] {
    const composed = sameArray(this.edges, composeEdges(...args, this.edgeById));
    if (composed !== this.edges) this.edgeById = new Map(composed.map((edge) => [edge.id, edge]));
    this.edges = composed;
    return composed;
  }
}
