"use client";

// Where a node is drawn, for the edges that join it. `useInternalNode` would hand back a new object
// whenever the node's data changes (each live tick moves its lag or status), re-rendering every edge
// at that node; this selector compares the box itself, so an edge renders again only when one of its
// ends moves or resizes (a new layout), or when its own data changes.
import { useStore, type ReactFlowState } from "@xyflow/react";
import { useCallback } from "react";

import type { Box } from "./edge-geometry";

export function boxOfNode(state: ReactFlowState, id: string): Box | null {
  const node = state.nodeLookup.get(id);
  if (!node) return null;
  return {
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
}

export const sameBox = (a: Box | null, b: Box | null) =>
  a === b || (!!a && !!b && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height);

export function useNodeBox(id: string): Box | null {
  return useStore(
    useCallback((state: ReactFlowState) => boxOfNode(state, id), [id]),
    sameBox,
  );
}
