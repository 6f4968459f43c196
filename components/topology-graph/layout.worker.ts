// The graph's layout, off the main thread: ELK on 500 nodes takes most of a second, during which
// the page would not answer. One request at a time; each answer carries its request's id.
import { layoutOf, type LayoutEdge, type LayoutKind, type LayoutNode, type OverviewLayout } from "./layout";

export type LayoutRequest = { id: number; kind: LayoutKind; nodes: LayoutNode[]; edges: LayoutEdge[] };
export type LayoutAnswer = { id: number; layout: OverviewLayout } | { id: number; error: string };

// Set after the imports ran: elk's bundle, seeing a worker, installs a handler of its own on
// `onmessage`, which this one replaces (ELK itself runs here, synchronously, in its bundled form).
self.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { id, kind, nodes, edges } = event.data;
  let answer: LayoutAnswer;
  try {
    answer = { id, layout: await layoutOf(kind, nodes, edges) };
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};
