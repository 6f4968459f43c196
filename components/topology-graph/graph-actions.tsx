"use client";

// What the canvas hands its nodes and edges besides their data: a way for edge labels (buttons of
// their own) to select their edge, as a click on the line does; whether lag labels are drawn; the
// routes the layout found for the zoomed-out graph's edges. Changes only with the layout or a toggle.
import { createContext, useContext } from "react";

import type { GraphSelection } from "./graph-types";
import type { Route } from "./layout";

export type GraphActions = {
  select: (selection: GraphSelection) => void;
  labels: boolean;
  routes: Readonly<Record<string, Route>>;
};

export const GraphActionsContext = createContext<GraphActions>({ select: () => {}, labels: true, routes: {} });

export const useGraphActions = () => useContext(GraphActionsContext);
