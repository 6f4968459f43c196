// Puts the graph together for one render: static nodes and edges, the layout's boxes, the newest
// live values and the UI state (selection, search hits). Positions come only from the layout, so
// a new snapshot changes what nodes show, never where they are.
import type { LiveLink, LiveRegion, LiveReplica, LiveSnapshot } from "@/lib/telemetry/contracts";

import type { GraphSelection, TopologyEdge, TopologyNode } from "./graph-types";
import type { LayoutResult } from "./layout";

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

type UiState = { selection: GraphSelection | null; highlighted: ReadonlySet<string> };

function liveData(node: TopologyNode, live: LiveIndex, highlighted: boolean): TopologyNode["data"] {
  switch (node.type) {
    case "region":
    case "mapRegion": {
      const region = live.regions.get(node.data.regionId);
      return {
        ...node.data,
        highlighted,
        status: region?.status,
        requestsPerSecond: region?.requestsPerSecond,
        errorRate: region?.errorRate,
        openAlerts: live.alertsByTarget.get(node.data.regionId) ?? 0,
      };
    }
    case "replica": {
      const replica = live.replicas.get(node.data.replicaId);
      return replica
        ? {
            ...node.data,
            highlighted,
            role: replica.role,
            epoch: replica.epoch,
            writable: replica.writable,
            fenced: replica.fenced,
          }
        : { ...node.data, highlighted };
    }
    default:
      return { ...node.data, highlighted };
  }
}

/** A region's name for screen readers carries its live status and alerts. */
function ariaLabelOf(node: TopologyNode, data: TopologyNode["data"]): string | undefined {
  if ((node.type !== "region" && node.type !== "mapRegion") || !("status" in data)) return node.ariaLabel;
  const alerts = data.openAlerts ? `, ${data.openAlerts} open alert${data.openAlerts === 1 ? "" : "s"}` : "";
  return `${node.ariaLabel}, ${data.status ?? "no live data"}${alerts}`;
}

/** Nodes with a box from the layout, live values in `data`; nodes the layout has not placed yet wait. */
export function composeNodes(
  nodes: readonly TopologyNode[],
  boxes: LayoutResult | null,
  live: LiveIndex,
  ui: UiState,
): TopologyNode[] {
  if (!boxes) return [];
  const placed: TopologyNode[] = [];
  const present = new Set<string>();
  for (const node of nodes) {
    const box = boxes[node.id];
    // A child waits for its group too: React Flow needs the parent first.
    if (!box || (node.parentId && !present.has(node.parentId))) continue;
    present.add(node.id);
    const data = liveData(node, live, ui.highlighted.has(node.id));
    placed.push({
      ...node,
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      // The size is known (the node draws at its box): saying so keeps React Flow from dropping
      // its measurements, and so re-measuring every node and hiding edges, on each new snapshot.
      measured: { width: box.width, height: box.height },
      draggable: false,
      connectable: false,
      deletable: false,
      selected: ui.selection?.kind === "node" && ui.selection.id === node.id,
      ariaLabel: ariaLabelOf(node, data),
      data,
    } as TopologyNode);
  }
  return placed;
}

export function composeEdges(
  edges: readonly TopologyEdge[],
  nodes: readonly TopologyNode[],
  live: LiveIndex,
  ui: Pick<UiState, "selection">,
): TopologyEdge[] {
  const present = new Set(nodes.map((node) => node.id));
  const composed: TopologyEdge[] = [];
  for (const edge of edges) {
    if (!present.has(edge.source) || !present.has(edge.target) || !edge.data) continue;
    const selected = ui.selection?.kind === "edge" && ui.selection.id === edge.id;
    if (edge.type === "link") {
      const link = live.links.get(edge.data.linkId);
      composed.push({
        ...edge,
        selected,
        deletable: false,
        // Moving dashes draw the eye to a link that is losing more than the RPO allows.
        animated: !!link?.overRpo,
        data: {
          ...edge.data,
          lagMs: link?.lagMs,
          lagBytes: link?.lagBytes,
          overRpo: link?.overRpo,
          openAlerts: live.alertsByTarget.get(edge.data.linkId) ?? 0,
        },
      });
    } else {
      composed.push({ ...edge, selected, deletable: false });
    }
  }
  return composed;
}
