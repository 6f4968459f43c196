"use client";

// The React Flow canvas of one view: laid-out nodes with live values merged into their data, fit
// to the screen when the layout changes (or centred on the region a zoom went into), with zoom
// controls, an optional MiniMap and (on the map) a graticule.
import {
  Background,
  BackgroundVariant,
  Controls,
  getViewportForBounds,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStoreApi,
  type EdgeChange,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
  type Viewport,
} from "@xyflow/react";

import "@xyflow/react/dist/style.css";

import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type Dispatch,
  type PointerEvent,
  type SetStateAction,
} from "react";

import type { StaticGraph } from "./build-graph";
import { GraphActionsContext } from "./graph-actions";
import { MINIMAP_FILL } from "./graph-colors";
import { GraphMarkers } from "./graph-markers";
import type { Detail } from "./graph-toolbar";
import type { GraphSelection, TopologyEdge, TopologyNode } from "./graph-types";
import { Graticule } from "./graticule";
import { Highlights, HighlightsContext } from "./highlights";
import { LinkEdgeView } from "./link-edge";
import { LiveMerger, type LiveIndex } from "./live-merge";
import { LiveValues, LiveValuesContext } from "./live-values";
import type { MapPlace } from "./map-layout";
import { MapRegionNodeView } from "./map-region-node";
import { PolicyNodeView } from "./policy-node";
import { RegionLinkEdgeView } from "./region-link-edge";
import { RegionNodeView } from "./region-node";
import { RegionSummaryNodeView } from "./region-summary-node";
import { ReplicaNodeView } from "./replica-node";
import { RuleEdgeView } from "./rule-edge";
import { StackNodeView } from "./stack-node";
import { useColorMode } from "./use-color-mode";
import { useGraphLayout, type CanvasKind } from "./use-graph-layout";

// Memoised: a node or edge whose object the live merge kept does not render again on a tick.
const NODE_TYPES = {
  policy: memo(PolicyNodeView),
  region: memo(RegionNodeView),
  mapRegion: memo(MapRegionNodeView),
  stack: memo(StackNodeView),
  replica: memo(ReplicaNodeView),
  regionSummary: memo(RegionSummaryNodeView),
} satisfies NodeTypes;
const EDGE_TYPES = {
  link: memo(LinkEdgeView),
  rule: memo(RuleEdgeView),
  regionLink: memo(RegionLinkEdgeView),
} satisfies EdgeTypes;
/** Above this many nodes only those in view are mounted: panning costs less than drawing 500. */
const VISIBLE_ONLY_ABOVE = 150;
/**
 * A new layout's nodes reach React Flow this many per frame: all of a 1,000-node graph at once
 * (the whole graph fitted, every node in view) mounted in one task of 0.3 – 0.7 s; 120 a frame
 * still left tasks of 100 – 160 ms at 500 nodes (each chunk is measured, then every mounted node's
 * selector runs), 60 about half that (docs/BENCHMARKS.md).
 */
const MOUNT_PER_FRAME = 60;
const FIT_VIEW_OPTIONS = { padding: 0.04, maxZoom: 1.25 };
const FLOW_STYLE = { "--xy-background-color": "transparent" } as CSSProperties;
// A constant, so the memoised MiniMap does not render again on every live tick.
const MINIMAP_STYLE = { width: 140, height: 90 };
/** Semantic zoom on a large graph: past these zooms the regions open, or close again. */
export const OPEN_REGIONS_ABOVE = 1.4;
export const CLOSE_REGIONS_BELOW = 0.3;
const OPENED_ZOOM = 0.8;
const CLOSED_ZOOM = 1;

/** Where a change of detail lands: centred on this node, at this zoom. */
export type Anchor = { id: string; zoom: number };

/** React Flow reports selection as changes; the graph keeps one selected element of its own. */
export function nextSelection(
  current: GraphSelection | null,
  kind: GraphSelection["kind"],
  changes: readonly (NodeChange | EdgeChange)[],
): GraphSelection | null {
  for (const change of changes) if (change.type === "select" && change.selected) return { kind, id: change.id };
  const deselected = changes.some(
    (change) => change.type === "select" && !change.selected && current?.kind === kind && change.id === current.id,
  );
  return deselected ? null : current;
}

function minimapColor(node: TopologyNode): string {
  if (node.type === "region" || node.type === "mapRegion" || node.type === "regionSummary")
    return MINIMAP_FILL[node.data.status ?? "UNKNOWN"];
  if (node.type === "policy") return "#0ea5e9";
  return "rgba(148, 163, 184, 0.45)";
}

const isRegion = (node: TopologyNode) => node.type === "region" || node.type === "regionSummary";

/**
 * How many of a layout's nodes are mounted: all of a small graph; of a large one, a first chunk
 * and one more each frame, so no frame waits for all of them. A live tick (same layout) keeps
 * the count; a new layout starts again. `inViewOnly`: the viewport is set around one region before
 * React Flow takes the nodes, so it draws only those in view: all are handed over at once (in
 * chunks, each would cost React Flow a pass over every node for nothing drawn).
 */
function useMountedCount(key: string | null, total: number, inViewOnly: boolean): number {
  const [mounted, setMounted] = useState<{ key: string | null; count: number }>({ key: null, count: 0 });
  const count = inViewOnly ? total : mounted.key === key ? mounted.count : MOUNT_PER_FRAME;
  useEffect(() => {
    if (count >= total) return;
    const frame = requestAnimationFrame(() => setMounted({ key, count: count + MOUNT_PER_FRAME }));
    return () => cancelAnimationFrame(frame);
  }, [key, count, total]);
  return Math.min(count, total);
}

/** The viewport that fits every node of the layout, mounted yet or not (their boxes are known). */
function fittedViewport(nodes: readonly TopologyNode[], width: number, height: number, minZoom: number) {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const node of nodes) {
    if (node.parentId) continue; // inside its parent's box
    left = Math.min(left, node.position.x);
    top = Math.min(top, node.position.y);
    right = Math.max(right, node.position.x + (node.width ?? 0));
    bottom = Math.max(bottom, node.position.y + (node.height ?? 0));
  }
  const bounds = { x: left, y: top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
  return getViewportForBounds(bounds, width, height, minZoom, FIT_VIEW_OPTIONS.maxZoom, FIT_VIEW_OPTIONS.padding);
}

/** The region whose centre is nearest the middle of the screen. */
function regionAtCentre(nodes: readonly TopologyNode[], viewport: Viewport, width: number, height: number) {
  const x = (width / 2 - viewport.x) / viewport.zoom;
  const y = (height / 2 - viewport.y) / viewport.zoom;
  let best: { id: string; distance: number } | null = null;
  for (const node of nodes) {
    if (!isRegion(node)) continue;
    const distance = Math.hypot(
      node.position.x + (node.width ?? 0) / 2 - x,
      node.position.y + (node.height ?? 0) / 2 - y,
    );
    if (!best || distance < best.distance) best = { id: node.id, distance };
  }
  return best?.id ?? null;
}

/**
 * React Flow marks edges `nopan`, so a drag that starts on one would do nothing: this pans the
 * viewport by hand for such drags. A click without movement still selects the edge.
 */
function usePanFromEdges() {
  const { getViewport, setViewport } = useReactFlow();
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const swallowClick = useRef(false);
  return {
    onPointerDown: (e: PointerEvent<HTMLDivElement>) => {
      if (e.button !== 0 || !(e.target as Element).closest(".react-flow__edge")) return;
      drag.current = { x: e.clientX, y: e.clientY, moved: false };
    },
    onPointerMove: (e: PointerEvent<HTMLDivElement>) => {
      const current = drag.current;
      if (!current) return;
      const dx = e.clientX - current.x;
      const dy = e.clientY - current.y;
      if (!current.moved) {
        if (Math.hypot(dx, dy) < 4) return;
        current.moved = true;
        e.currentTarget.setPointerCapture(e.pointerId);
      }
      const viewport = getViewport();
      void setViewport({ x: viewport.x + dx, y: viewport.y + dy, zoom: viewport.zoom });
      current.x = e.clientX;
      current.y = e.clientY;
    },
    onPointerUp: () => {
      swallowClick.current = !!drag.current?.moved;
      drag.current = null;
    },
    onClickCapture: (e: { stopPropagation: () => void }) => {
      if (swallowClick.current) e.stopPropagation();
      swallowClick.current = false;
    },
  };
}

export function GraphCanvas({
  graph,
  kind,
  places,
  live,
  selection,
  highlighted,
  onSelect,
  labels,
  minimap,
  anchor,
  zoomSwitches,
  onDetail,
}: {
  graph: StaticGraph;
  kind: CanvasKind;
  places: readonly MapPlace[];
  live: LiveIndex;
  selection: GraphSelection | null;
  highlighted: ReadonlySet<string>;
  onSelect: Dispatch<SetStateAction<GraphSelection | null>>;
  labels: boolean;
  minimap: boolean;
  anchor: Anchor | null;
  zoomSwitches: boolean;
  onDetail: (detail: Detail, anchor: Anchor | null) => void;
}) {
  const colorMode = useColorMode();
  const { boxes, routes, key, error } = useGraphLayout(graph, kind, places);
  // One merger per canvas: it hands back last render's objects for what did not change.
  const [merger] = useState(() => new LiveMerger());
  // The numbers that move every second go to the labels that draw them, not through React Flow:
  // set before paint, so they show in the same frame as what the merge changed.
  const [values] = useState(() => new LiveValues(live));
  useLayoutEffect(() => values.set(live), [values, live]);
  // What the search and the find filter mark, the same way: a key press renders only those nodes.
  const [marks] = useState(() => new Highlights(highlighted));
  useLayoutEffect(() => marks.set(highlighted), [marks, highlighted]);
  const nodes = useMemo(
    () => merger.composeNodes(graph.nodes, boxes, live, { selection }),
    [merger, graph.nodes, boxes, live, selection],
  );
  // Parents come before their children, so any prefix of the nodes can be drawn.
  const centredOnAnchor = !!anchor && !!boxes?.[anchor.id];
  const mountedCount = useMountedCount(key, nodes.length, centredOnAnchor && nodes.length > VISIBLE_ONLY_ABOVE);
  const mounted = useMemo(
    () => (mountedCount >= nodes.length ? nodes : nodes.slice(0, mountedCount)),
    [nodes, mountedCount],
  );
  const edges = useMemo(
    () => merger.composeEdges(graph.edges, mounted, live, { selection }),
    [merger, graph.edges, mounted, live, selection],
  );
  const actions = useMemo(
    () => ({ select: (next: GraphSelection) => onSelect(next), labels, routes }),
    [onSelect, labels, routes],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<TopologyNode>[]) => onSelect((current) => nextSelection(current, "node", changes)),
    [onSelect],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<TopologyEdge>[]) => onSelect((current) => nextSelection(current, "edge", changes)),
    [onSelect],
  );

  // Fit once per layout (a new set of nodes, the other view or detail), never on a live tick; after a
  // change of detail, centre on the region it was made around instead.
  const { setCenter, setViewport } = useReactFlow();
  const store = useStoreApi();
  const placed = nodes.length > 0;
  const latest = useRef({ nodes, anchor });
  useEffect(() => {
    latest.current = { nodes, anchor };
  });
  // Centred on a region: the viewport is set from the layout's box before React Flow receives the
  // nodes (its store takes them in a passive effect, after this one), so only the nodes in view
  // mount, not the whole graph at the previous zoom (700 ms at 500 nodes).
  const centred = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!key || !boxes || !anchor) return;
    const box = boxes[anchor.id];
    if (!box) return;
    const { width, height } = store.getState();
    void setViewport({
      x: width / 2 - (box.x + box.width / 2) * anchor.zoom,
      y: height / 2 - (box.y + box.height / 2) * anchor.zoom,
      zoom: anchor.zoom,
    });
    centred.current = key;
  }, [key, boxes, anchor, store, setViewport]);
  useEffect(() => {
    if (!key || !placed || centred.current === key) return;
    const frame = requestAnimationFrame(() => {
      const { nodes: current, anchor: around } = latest.current;
      const target = around ? current.find((node) => node.id === around.id) : undefined;
      if (target && around)
        void setCenter(target.position.x + (target.width ?? 0) / 2, target.position.y + (target.height ?? 0) / 2, {
          zoom: around.zoom,
        });
      else {
        // Fitted to the layout's boxes, not React Flow's fitView: that fits only what is mounted.
        const { width, height, minZoom } = store.getState();
        void setViewport(fittedViewport(current, width, height, minZoom));
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [key, placed, setCenter, setViewport, store]);

  const onMoveEnd = useCallback(
    (event: MouseEvent | TouchEvent | null, viewport: Viewport) => {
      // Only the user's zoom switches: a fit or a centring of our own (no event) never does, or
      // "everything" on a large graph would fit below CLOSE_REGIONS_BELOW and close at once.
      if (!zoomSwitches || !event) return;
      const { width, height } = store.getState();
      if (kind === "overview" && viewport.zoom > OPEN_REGIONS_ABOVE) {
        const id = regionAtCentre(latest.current.nodes, viewport, width, height);
        onDetail("everything", id ? { id, zoom: OPENED_ZOOM } : null);
      } else if (kind === "graph" && viewport.zoom < CLOSE_REGIONS_BELOW) {
        const id = regionAtCentre(latest.current.nodes, viewport, width, height);
        onDetail("regions", id ? { id, zoom: CLOSED_ZOOM } : null);
      }
    },
    [zoomSwitches, kind, store, onDetail],
  );
  const onNodeClick = useCallback(
    (_event: unknown, node: TopologyNode) => {
      // A click on a region zoomed out opens it, centred, and selects it.
      if (node.type === "regionSummary") onDetail("everything", { id: node.id, zoom: OPENED_ZOOM });
    },
    [onDetail],
  );
  const pan = usePanFromEdges();

  if (error) {
    return (
      <p role="alert" className="p-4 text-sm text-rose-600 dark:text-rose-400">
        The graph could not be laid out: {error}
      </p>
    );
  }

  return (
    <GraphActionsContext.Provider value={actions}>
      <LiveValuesContext.Provider value={values}>
        <HighlightsContext.Provider value={marks}>
          <GraphMarkers />
          {!boxes ? <p className="absolute left-16 top-3 z-10 text-sm text-slate-500">Laying out the graph…</p> : null}
          <div
            className="h-full w-full"
            data-testid="graph-canvas"
            data-detail={kind}
            {...pan}
            // A click would focus the node, and the browser scroll the page (and the canvas) to show all
            // of it: selection comes from the click itself; the keyboard still focuses nodes.
            onMouseDownCapture={(e) => {
              if ((e.target as Element).closest(".react-flow__node")) e.preventDefault();
            }}
          >
            <ReactFlow<TopologyNode, TopologyEdge>
              nodes={mounted}
              edges={edges}
              nodeTypes={NODE_TYPES}
              edgeTypes={EDGE_TYPES}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onNodeClick={onNodeClick}
              onMoveEnd={onMoveEnd}
              nodesDraggable={false}
              nodesConnectable={false}
              edgesReconnectable={false}
              deleteKeyCode={null}
              selectionKeyCode={null}
              multiSelectionKeyCode={null}
              onlyRenderVisibleElements={nodes.length > VISIBLE_ONLY_ABOVE}
              minZoom={0.04}
              maxZoom={2.5}
              colorMode={colorMode}
              style={FLOW_STYLE}
              aria-label={kind === "map" ? "Map of the deployment's regions" : "Topology graph of the deployment"}
            >
              {kind === "map" ? <Graticule /> : <Background variant={BackgroundVariant.Dots} gap={24} size={1} />}
              <Controls
                position="top-left"
                showInteractive={false}
                fitViewOptions={FIT_VIEW_OPTIONS}
                aria-label="Zoom controls"
              />
              {minimap ? (
                <MiniMap<TopologyNode>
                  position="top-right"
                  style={MINIMAP_STYLE}
                  pannable
                  zoomable
                  nodeColor={minimapColor}
                  nodeStrokeWidth={0}
                  ariaLabel="Overview of the whole graph"
                />
              ) : null}
            </ReactFlow>
          </div>
        </HighlightsContext.Provider>
      </LiveValuesContext.Provider>
    </GraphActionsContext.Provider>
  );
}
