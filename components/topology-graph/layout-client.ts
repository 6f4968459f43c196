// Asks the layout worker for boxes. One worker for the page, created on first use; where no
// worker can run (tests in Node, a browser that refuses it) the layout runs here instead.
import type { LayoutEdge, LayoutKind, LayoutNode, OverviewLayout } from "./layout";
import type { LayoutAnswer, LayoutRequest } from "./layout.worker";

/** The name of the performance measure each layout leaves (request to answer). */
export const LAYOUT_MEASURE = "meridian-layout";

let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve: (layout: OverviewLayout) => void; reject: (error: Error) => void }>();

function layoutWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = typeof Worker === "undefined" ? null : new Worker(new URL("./layout.worker.ts", import.meta.url));
  } catch {
    worker = null;
  }
  worker?.addEventListener("message", (event: MessageEvent<LayoutAnswer>) => {
    const answer = event.data;
    const pending = waiting.get(answer.id);
    waiting.delete(answer.id);
    if ("error" in answer) pending?.reject(new Error(answer.error));
    else pending?.resolve(answer.layout);
  });
  worker?.addEventListener("error", (event) => {
    // A worker that cannot load fails every request now and later ones run on the main thread.
    for (const pending of waiting.values()) pending.reject(new Error(event.message || "the layout worker failed"));
    waiting.clear();
    worker = null;
  });
  return worker;
}

export function layoutOffMainThread(
  kind: LayoutKind,
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
): Promise<OverviewLayout> {
  const started = performance.now();
  const request = { kind, nodes: [...nodes], edges: edges.map(({ id, source, target }) => ({ id, source, target })) };
  const target = layoutWorker();
  const laid: Promise<OverviewLayout> = target
    ? new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        target.postMessage({ id, ...request } satisfies LayoutRequest);
      })
    : import("./layout").then(({ layoutOf }) => layoutOf(kind, request.nodes, request.edges));
  // A performance entry per layout, so `npm run bench:graph` can tell what blocked the page meanwhile.
  return laid.finally(() => performance.measure(`${LAYOUT_MEASURE}:${kind}`, { start: started }));
}
