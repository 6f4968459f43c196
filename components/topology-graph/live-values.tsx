"use client";

// The numbers that move every second (traffic, error rates, lag) reach the graph outside React
// Flow: each label that draws one reads it from this store, as the text it shows. A snapshot that
// only moves numbers leaves every node and edge object as it was, so React Flow's store takes
// nothing in, and only the labels whose text changed render again. What changes the shape or
// colour of a node or edge (health, alerts, over the RPO, who writes) stays in its data
// (live-merge.ts), where its accessible name and the minimap read it.
import { createContext, useContext, useSyncExternalStore } from "react";

import { indexSnapshot, type LiveIndex } from "./live-merge";
import { ValueStore } from "./value-store";

export class LiveValues extends ValueStore<LiveIndex> {
  constructor(index: LiveIndex = indexSnapshot(undefined)) {
    super(index);
  }
}

export const LiveValuesContext = createContext(new LiveValues());

/**
 * The text a label draws from the live values. A string compares by value, so a snapshot that
 * leaves it the same ("120 rps" from 120.2 to 120.4) does not render the label again.
 */
export function useLiveText(text: (live: LiveIndex) => string): string {
  const values = useContext(LiveValuesContext);
  const read = () => text(values.get());
  return useSyncExternalStore(values.subscribe, read, read);
}
