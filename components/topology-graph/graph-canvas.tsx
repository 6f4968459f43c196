"use client";

// The React Flow canvas of one view: laid-out nodes with live values merged into their data, fit
// to the screen when the layout changes, with zoom controls, a MiniMap and (on the map) a graticule.
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
  type EdgeChange,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
} from "@xyflow/react";

import "@xyflow/react/dist/style.css";

import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useState,
  type CSSProperties,
  type Dispatch,
  type SetStateAction,
} from "react";

import type { StaticGraph } from "./build-graph";
import { MINIMAP_FILL } from "./graph-colors";
import { GraphMarkers } from "./graph-markers";
import type { GraphSelection, GraphView, TopologyEdge, TopologyNode } from "./graph-types";
import { Graticule } from "./graticule";
import { LinkEdgeView } from "./link-edge";
import { LiveMerger, type LiveIndex } from "./live-merge";
import type { MapPlace } from "./map-layout";
import { MapRegionNodeView } from "./map-region-node";
import { PolicyNodeView } from "./policy-node";
import { RegionNodeView } from "./region-node";
import { ReplicaNodeView } from "./replica-node";
import { RuleEdgeView } from "./rule-edge";
import { StackNodeView } from "./stack-node";
import { useColorMode } from "./use-color-mode";
import { useGraphLayout } from "./use-graph-layout";

// Memoised: a node or edge whose object the live merge kept does not render again on a tick.
const NODE_TYPES = {
  policy: memo(PolicyNodeView),
  region: memo(RegionNodeView),
  mapRegion: memo(MapRegionNodeView),
  stack: memo(StackNodeView),
  replica: memo(ReplicaNodeView),
} satisfies NodeTypes;
const EDGE_TYPES = { link: memo(LinkEdgeView), rule: memo(RuleEdgeView) } satisfies EdgeTypes;
/** Above this many nodes only those in view are mounted: panning costs less than drawing 500. */
const VISIBLE_ONLY_ABOVE = 150;
const FIT_VIEW_OPTIONS = { padding: 0.08, maxZoom: 1.25 };
const FLOW_STYLE = { "--xy-background-color": "transparent" } as CSSProperties;

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
  if (node.type === "region" || node.type === "mapRegion") return MINIMAP_FILL[node.data.status ?? "UNKNOWN"];
  if (node.type === "policy") return "#0ea5e9";
  return "rgba(148, 163, 184, 0.45)";
}

export function GraphCanvas({
  graph,
  view,
  places,
  live,
  selection,
  highlighted,
  onSelect,
}: {
  graph: StaticGraph;
  view: GraphView;
  places: readonly MapPlace[];
  live: LiveIndex;
  selection: GraphSelection | null;
  highlighted: ReadonlySet<string>;
  onSelect: Dispatch<SetStateAction<GraphSelection | null>>;
}) {
  const colorMode = useColorMode();
  const { boxes, key, error } = useGraphLayout(graph, view, places);
  // One merger per canvas (and view): it hands back last render's objects for what did not change.
  const [merger] = useState(() => new LiveMerger());
  const nodes = useMemo(
    () => merger.composeNodes(graph.nodes, boxes, live, { selection, highlighted }),
    [merger, graph.nodes, boxes, live, selection, highlighted],
  );
  const edges = useMemo(
    () => merger.composeEdges(graph.edges, nodes, live, { selection }),
    [merger, graph.edges, nodes, live, selection],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<TopologyNode>[]) => onSelect((current) => nextSelection(current, "node", changes)),
    [onSelect],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<TopologyEdge>[]) => onSelect((current) => nextSelection(current, "edge", changes)),
    [onSelect],
  );

  // Fit once per layout (a new set of nodes, or the other view), never on a live tick.
  const { fitView } = useReactFlow();
  const initialized = useNodesInitialized();
  useEffect(() => {
    if (initialized && key) void fitView(FIT_VIEW_OPTIONS);
  }, [initialized, key, fitView]);

  if (error) {
    return (
      <p role="alert" className="p-4 text-sm text-rose-600 dark:text-rose-400">
        The graph could not be laid out: {error}
      </p>
    );
  }

  return (
    <>
      <GraphMarkers />
      {!boxes ? <p className="absolute left-16 top-3 z-10 text-sm text-slate-500">Laying out the graph…</p> : null}
      <ReactFlow<TopologyNode, TopologyEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesReconnectable={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        onlyRenderVisibleElements={nodes.length > VISIBLE_ONLY_ABOVE}
        minZoom={0.04}
        maxZoom={2.5}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        colorMode={colorMode}
        style={FLOW_STYLE}
        aria-label={view === "map" ? "Map of the deployment's regions" : "Topology graph of the deployment"}
      >
        {view === "map" ? <Graticule /> : <Background variant={BackgroundVariant.Dots} gap={24} size={1} />}
        <Controls
          position="top-left"
          showInteractive={false}
          fitViewOptions={FIT_VIEW_OPTIONS}
          aria-label="Zoom controls"
        />
        <MiniMap<TopologyNode>
          position="bottom-right"
          style={{ width: 160, height: 110 }}
          pannable
          zoomable
          nodeColor={minimapColor}
          nodeStrokeWidth={0}
          ariaLabel="Overview of the whole graph"
        />
      </ReactFlow>
    </>
  );
}
