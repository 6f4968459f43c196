"use client";

// Lets edge labels (buttons of their own) select their edge, as a click on the line does.
import { createContext, useContext } from "react";

import type { GraphSelection } from "./graph-types";

export const GraphActionsContext = createContext<{ select: (selection: GraphSelection) => void }>({ select: () => {} });

export const useGraphActions = () => useContext(GraphActionsContext);
