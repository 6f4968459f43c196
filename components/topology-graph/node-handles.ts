// Which handles each kind of node has, and where: `HiddenHandles` draws them, and the live merge
// declares them on each node, where React Flow would otherwise measure them. It mounts every node
// whose handles it has not measured, in view or not, so opening a large graph around one region
// mounted all of it (994 nodes, a 400 ms task) to draw 40. With the size and the handles declared,
// only what is in view mounts, and nothing is measured.
import { Position, type NodeHandle } from "@xyflow/react";

import type { TopologyNode } from "./graph-types";

/** React Flow's stylesheet draws a handle 6 px square, centred on the node's border. */
const HANDLE_SIZE = 6;

type Sides = { source: boolean; target: boolean };

/** What rule edges and links may join: the target is on top, the source below. */
export const HANDLE_SIDES = {
  policy: { source: true, target: false },
  region: { source: false, target: true },
  mapRegion: { source: true, target: true },
  regionSummary: { source: true, target: true },
  replica: { source: true, target: true },
  stack: { source: false, target: false },
} as const satisfies Record<TopologyNode["type"], Sides>;

/** A node's handles relative to its box, where `HiddenHandles` draws them. */
export function handlesOf(kind: TopologyNode["type"], width: number, height: number): NodeHandle[] {
  const { source, target } = HANDLE_SIDES[kind];
  const at = (type: "source" | "target", position: Position, y: number): NodeHandle => ({
    type,
    position,
    x: width / 2 - HANDLE_SIZE / 2,
    y,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  });
  return [
    ...(target ? [at("target", Position.Top, -HANDLE_SIZE / 2)] : []),
    ...(source ? [at("source", Position.Bottom, height - HANDLE_SIZE / 2)] : []),
  ];
}
