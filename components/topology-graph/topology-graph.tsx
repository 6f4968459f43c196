"use client";

// The live topology graph of one deployment: a graph or map view of its regions, stacks, replicas,
// links and routing, live values from the snapshot stream, search, and a side panel per selection.
// A large graph opens zoomed out, a region per node (region-summary.ts); zooming in, a click on a
// region or the "Show" control brings everything in it.
import { ReactFlowProvider } from "@xyflow/react";
import { memo, useCallback, useDeferredValue, useMemo, useState } from "react";

import { LiveMark } from "@/components/telemetry/live-mark";
import { MeasuredBadge } from "@/components/telemetry/measured-badge";
import { useLiveSnapshot } from "@/components/telemetry/use-live-snapshot";
import type { DeploymentModelData } from "@/components/topology/model-types";

import { buildMapGraph, buildTopologyGraph, mapPlacesOf } from "./build-graph";
import { GraphCanvas, type Anchor } from "./graph-canvas";
import { GRAPH_COLOR_VARS } from "./graph-colors";
import { findRegions, onlyCluster, type FindFilter } from "./graph-filters";
import { GraphLegend } from "./graph-legend";
import { GraphSearch, searchNodes } from "./graph-search";
import { GraphToolbar, type Detail } from "./graph-toolbar";
import type { GraphSelection, GraphView, RegionSummaryNode } from "./graph-types";
import { indexSnapshot } from "./live-merge";
import { buildOverviewGraph } from "./region-summary";
import { SelectionPanel } from "./selection-panel";
import { ViewToggle } from "./view-toggle";

// Memoised: a snapshot re-renders the graph each second; the controls around it do not change.
// The canvas too: a key press in the search box renders the box at once, the canvas only when the
// deferred search has its hits (each key cost 13 ms more at 500 nodes).
const Canvas = memo(GraphCanvas);
const Views = memo(ViewToggle);
const Search = memo(GraphSearch);
const Toolbar = memo(GraphToolbar);
const Legend = memo(GraphLegend);
// The side panel too: a change of detail or a search leaves it alone (its sparklines measure their
// paths on each render, forcing a layout of the graph just changed: 120 ms at 1,000 nodes).
const Panel = memo(SelectionPanel);

/** Above this many nodes the graph opens zoomed out, and zooming switches between the two. */
export const LARGE_GRAPH = 150;

/** The graph's nodes (policies, regions, their stacks, replicas) without building it. */
export function isLargeGraph(deployment: DeploymentModelData): boolean {
  const nodes =
    deployment.policies.length +
    deployment.regions.reduce((sum, placement) => sum + 1 + placement.stack.length, 0) +
    deployment.clusters.reduce((sum, cluster) => sum + cluster.replicas.length, 0);
  return nodes > LARGE_GRAPH;
}

export function TopologyGraph({ deployment }: { deployment: DeploymentModelData }) {
  const { snapshot, connected } = useLiveSnapshot(deployment.id);
  const [view, setView] = useState<GraphView>("graph");
  const [selection, setSelection] = useState<GraphSelection | null>(null);
  const [query, setQuery] = useState("");
  const [cluster, setCluster] = useState("");
  const [find, setFind] = useState<FindFilter>("none");
  const [minimap, setMinimap] = useState(false);

  const shown = useMemo(() => onlyCluster(deployment, cluster), [deployment, cluster]);
  const detailed = useMemo(() => buildTopologyGraph(shown), [shown]);
  const overview = useMemo(() => buildOverviewGraph(shown), [shown]);
  const large = detailed.nodes.length > LARGE_GRAPH;
  const [detailChoice, setDetail] = useState<Detail | null>(null);
  const detail = detailChoice ?? (large ? "regions" : "everything");
  const [labelChoice, setLabels] = useState<boolean | null>(null);
  const labels = labelChoice ?? !large;
  const [anchor, setAnchor] = useState<Anchor | null>(null);

  const mapGraph = useMemo(() => (view === "map" ? buildMapGraph(shown) : null), [shown, view]);
  const graph = mapGraph ?? (detail === "regions" ? overview : detailed);
  const kind = view === "map" ? "map" : detail === "regions" ? "overview" : "graph";
  const places = useMemo(() => mapPlacesOf(shown), [shown]);
  const live = useMemo(() => indexSnapshot(snapshot), [snapshot]);
  const clusters = useMemo(() => deployment.clusters.map((c) => c.name).sort(), [deployment]);

  // A key press renders the box at once; the search and its highlights follow when there is time.
  const deferredQuery = useDeferredValue(query);
  const matches = useMemo(() => searchNodes(graph.nodes, deferredQuery), [graph.nodes, deferredQuery]);
  const found = useMemo(
    () => findRegions(overview.nodes as RegionSummaryNode[], live, find),
    [overview.nodes, live, find],
  );
  const foundKey = found.join(",");
  const highlighted = useMemo(
    () => new Set([...matches, ...(foundKey ? foundKey.split(",") : [])]),
    [matches, foundKey],
  );

  const closeSelection = useCallback(() => setSelection(null), []);
  const changeDetail = useCallback((next: Detail, around: Anchor | null = null) => {
    setAnchor(around);
    setDetail(next);
  }, []);

  return (
    <ReactFlowProvider>
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <Views view={view} onChange={setView} />
          <Search query={query} onQueryChange={setQuery} matches={matches} />
          <div className="ml-auto flex flex-wrap items-center gap-2">
            <LiveMark snapshot={snapshot} connected={connected} />
            <MeasuredBadge driverKind={deployment.driverKind} />
          </div>
        </div>
        <Toolbar
          detail={detail}
          onDetail={changeDetail}
          clusters={clusters}
          cluster={cluster}
          onCluster={setCluster}
          find={find}
          onFind={setFind}
          labels={labels}
          onLabels={setLabels}
          minimap={minimap}
          onMinimap={setMinimap}
        />
        <div
          className={`${GRAPH_COLOR_VARS} relative h-[70vh] min-h-[28rem] overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950`}
          onKeyDown={(e) => {
            if (e.key === "Escape") setSelection(null);
          }}
        >
          <Canvas
            graph={graph}
            kind={kind}
            places={places}
            live={live}
            selection={selection}
            highlighted={highlighted}
            onSelect={setSelection}
            labels={labels}
            minimap={minimap}
            anchor={anchor}
            zoomSwitches={large && view === "graph"}
            onDetail={changeDetail}
          />
          <div className="pointer-events-none absolute bottom-2 left-2 z-10 rounded bg-white/85 px-2 py-1 dark:bg-slate-950/85">
            <Legend />
          </div>
          {selection ? (
            <div className="absolute bottom-2 right-2 top-2 z-10 flex">
              <Panel
                deployment={deployment}
                selection={selection}
                live={live}
                snapshot={snapshot}
                onClose={closeSelection}
              />
            </div>
          ) : null}
        </div>
      </div>
    </ReactFlowProvider>
  );
}
