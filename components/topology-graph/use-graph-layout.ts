"use client";

// Runs the layout when — and only when — the set of node and edge ids changes (or, on the map, a
// region's coordinates): new snapshots re-render the graph but never reach this hook's effect.
// The graph's layouts run in a worker; the last few are kept, so zooming out and back in again
// finds its layout ready.
import { useEffect, useMemo, useRef, useState } from "react";

import { layoutNodesOf, type StaticGraph } from "./build-graph";
import type { GraphView } from "./graph-types";
import type { LayoutKind, LayoutResult, Route } from "./layout";
import { layoutOffMainThread } from "./layout-client";
import { layoutKey } from "./layout-key";
import { layoutMap, type MapPlace } from "./map-layout";

/** Which layout a canvas wants: the map's, or one of the graph's two. */
export type CanvasKind = GraphView | LayoutKind;
type Laid = { kind: CanvasKind; key: string; boxes: LayoutResult; routes: Record<string, Route> };

const NO_ROUTES: Record<string, Route> = {};
const KEPT = 4;
const recent = new Map<string, Laid>();
function remember(laid: Laid) {
  recent.delete(laid.key);
  recent.set(laid.key, laid);
  for (const key of recent.keys()) if (recent.size > KEPT) recent.delete(key);
}

export function useGraphLayout(
  graph: StaticGraph,
  kind: CanvasKind,
  places: readonly MapPlace[],
): { boxes: LayoutResult | null; routes: Record<string, Route>; key: string | null; error: string | null } {
  // Memoised: the graph re-renders on every live tick, and sorting every id each time costs.
  const key = useMemo(
    () =>
      kind === "map"
        ? `map|${places
            .map((p) => `${p.id}@${p.latitude},${p.longitude}`)
            .sort()
            .join(",")}|${layoutKey([], graph.edges)}`
        : `${kind}|${layoutKey(graph.nodes, graph.edges)}`,
    [kind, places, graph.nodes, graph.edges],
  );
  const latest = useRef({ graph, kind, places });
  useEffect(() => {
    latest.current = { graph, kind, places };
  });

  const [laid, setLaid] = useState<Laid | null>(null);
  const [error, setError] = useState<{ key: string; message: string } | null>(null);
  useEffect(() => {
    let cancelled = false;
    const { graph: current, kind: currentKind, places: currentPlaces } = latest.current;
    const known = recent.get(key);
    const layout = known
      ? Promise.resolve(known)
      : currentKind === "map"
        ? Promise.resolve({ boxes: layoutMap(currentPlaces), routes: NO_ROUTES })
        : layoutOffMainThread(
            currentKind === "graph" ? "graph" : "overview",
            layoutNodesOf(current.nodes),
            current.edges,
          );
    layout.then(
      ({ boxes, routes }) => {
        if (cancelled) return;
        const next = { kind: currentKind, key, boxes, routes };
        remember(next);
        setLaid(next);
      },
      (failure: unknown) => {
        if (!cancelled) setError({ key, message: failure instanceof Error ? failure.message : String(failure) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key]);

  // While a new layout is computed, the previous one of the same kind stays (new nodes wait for it).
  const usable = laid && laid.kind === kind ? laid : null;
  return {
    boxes: usable?.boxes ?? null,
    routes: usable?.routes ?? NO_ROUTES,
    key: usable?.key ?? null,
    error: error?.key === key ? error.message : null,
  };
}
