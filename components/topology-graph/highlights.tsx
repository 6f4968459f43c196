"use client";

// What the search box and the find filter mark reach the nodes outside React Flow: each node reads
// whether it is marked from this store. A key press leaves every node object as it was, so React
// Flow takes nothing in, and only the nodes it marks or unmarks render again (through the nodes'
// data, each marked node was a new object for React Flow to adopt and its wrapper to render).
import { createContext, useContext, useSyncExternalStore } from "react";

import { ValueStore } from "./value-store";

export class Highlights extends ValueStore<ReadonlySet<string>> {
  constructor(ids: ReadonlySet<string> = new Set()) {
    super(ids);
  }
}

export const HighlightsContext = createContext(new Highlights());

/** Whether the search or the find filter marks this node. */
export function useHighlighted(id: string): boolean {
  const highlights = useContext(HighlightsContext);
  const read = () => highlights.get().has(id);
  return useSyncExternalStore(highlights.subscribe, read, read);
}
