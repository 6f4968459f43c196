"use client";

// Runs the layout when — and only when — the set of node and edge ids changes (or, on the map, a
// region's coordinates): new snapshots re-render the graph but never reach this hook's effect.
import { useEffect, useRef, useState } from "react";

import { layoutNodesOf, type StaticGraph } from "./build-graph";
import type { GraphView } from "./graph-types";
import type { LayoutResult } from "./layout";
import { layoutOffMainThread } from "./layout-client";
import { layoutKey } from "./layout-key";
import { layoutMap, type MapPlace } from "./map-layout";

type Laid = { view: GraphView; key: string; boxes: LayoutResult };

export function useGraphLayout(
  graph: StaticGraph,
  view: GraphView,
  places: readonly MapPlace[],
): { boxes: LayoutResult | null; key: string | null; error: string | null } {
  const key =
    view === "map"
      ? `map|${places
          .map((p) => `${p.id}@${p.latitude},${p.longitude}`)
          .sort()
          .join(",")}|${layoutKey([], graph.edges)}`
      : `graph|${layoutKey(graph.nodes, graph.edges)}`;
  const latest = useRef({ graph, view, places });
  useEffect(() => {
    latest.current = { graph, view, places };
  });

  const [laid, setLaid] = useState<Laid | null>(null);
  const [error, setError] = useState<{ key: string; message: string } | null>(null);
  useEffect(() => {
    let cancelled = false;
    const { graph: current, view: currentView, places: currentPlaces } = latest.current;
    const boxes =
      currentView === "map"
        ? Promise.resolve(layoutMap(currentPlaces))
        : layoutOffMainThread(layoutNodesOf(current.nodes), current.edges);
    boxes.then(
      (result) => {
        if (!cancelled) setLaid({ view: currentView, key, boxes: result });
      },
      (failure: unknown) => {
        if (!cancelled) setError({ key, message: failure instanceof Error ? failure.message : String(failure) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key]);

  // While a new layout is computed, the previous one of the same view stays (new nodes wait for it).
  const usable = laid && laid.view === view ? laid : null;
  return { boxes: usable?.boxes ?? null, key: usable?.key ?? null, error: error?.key === key ? error.message : null };
}
