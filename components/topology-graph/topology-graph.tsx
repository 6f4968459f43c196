"use client";

// The live topology graph of one deployment: a graph or map view of its regions, stacks, replicas,
// links and routing, live values from the snapshot stream, search, and a side panel per selection.
import { ReactFlowProvider } from "@xyflow/react";
import { useMemo, useState } from "react";

import { LiveMark } from "@/components/telemetry/live-mark";
import { useLiveSnapshot } from "@/components/telemetry/use-live-snapshot";
import type { DeploymentModelData } from "@/components/topology/model-types";

import { buildMapGraph, buildTopologyGraph, mapPlacesOf } from "./build-graph";
import { GraphActionsContext } from "./graph-actions";
import { GraphCanvas } from "./graph-canvas";
import { GRAPH_COLOR_VARS } from "./graph-colors";
import { GraphLegend } from "./graph-legend";
import { GraphSearch, searchNodes } from "./graph-search";
import type { GraphSelection, GraphView } from "./graph-types";
import { indexSnapshot } from "./live-merge";
import { SelectionPanel } from "./selection-panel";
import { ViewToggle } from "./view-toggle";

export function TopologyGraph({ deployment }: { deployment: DeploymentModelData }) {
  const { snapshot, connected } = useLiveSnapshot(deployment.id);
  const [view, setView] = useState<GraphView>("graph");
  const [selection, setSelection] = useState<GraphSelection | null>(null);
  const [query, setQuery] = useState("");

  const graph = useMemo(
    () => (view === "graph" ? buildTopologyGraph(deployment) : buildMapGraph(deployment)),
    [deployment, view],
  );
  const places = useMemo(() => mapPlacesOf(deployment), [deployment]);
  const live = useMemo(() => indexSnapshot(snapshot), [snapshot]);
  const matches = useMemo(() => searchNodes(graph.nodes, query), [graph.nodes, query]);
  const highlighted = useMemo(() => new Set(matches), [matches]);
  const actions = useMemo(() => ({ select: (next: GraphSelection) => setSelection(next) }), []);

  return (
    <ReactFlowProvider>
      <GraphActionsContext.Provider value={actions}>
        <div className="space-y-2">
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <ViewToggle view={view} onChange={setView} />
            <GraphSearch query={query} onQueryChange={setQuery} matches={matches} />
            <LiveMark snapshot={snapshot} connected={connected} className="ml-auto" />
          </div>
          <div
            className={`${GRAPH_COLOR_VARS} relative h-[70vh] min-h-[28rem] overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950`}
            onKeyDown={(e) => {
              if (e.key === "Escape") setSelection(null);
            }}
          >
            <GraphCanvas
              graph={graph}
              view={view}
              places={places}
              live={live}
              selection={selection}
              highlighted={highlighted}
              onSelect={setSelection}
            />
            {selection ? (
              <div className="absolute bottom-2 right-2 top-2 z-10 flex">
                <SelectionPanel
                  deployment={deployment}
                  selection={selection}
                  live={live}
                  snapshot={snapshot}
                  onClose={() => setSelection(null)}
                />
              </div>
            ) : null}
          </div>
          <GraphLegend />
        </div>
      </GraphActionsContext.Provider>
    </ReactFlowProvider>
  );
}
