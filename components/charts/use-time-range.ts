"use client";

// The chosen time range as the charts need it: what to show and what to ask the server for. Ranges
// ending now (5 m, 1 h) move with the clock: their history is asked for once, up to when they were
// chosen, and the live snapshots extend it (use-history.ts); 24 h and 7 d end when they were
// chosen; a custom range is fixed.
import { useState } from "react";

import { useNow } from "@/components/ui/use-now";
import { RANGES } from "@/lib/telemetry/contracts";

import { liveWindow, type QueryWindow } from "./live-window";

export type RangeChoice =
  | { preset: "5m" | "1h" }
  | { preset: "24h" | "7d"; endMs: number }
  | { preset: "custom"; fromMs: number; toMs: number };

export type TimeRange = {
  /** What the charts show. */
  fromMs: number;
  toMs: number;
  /** What is asked of the server: for a live range, the history up to when it was chosen. */
  query: QueryWindow;
  live: boolean;
};

export function useTimeRange(choice: RangeChoice): TimeRange {
  const live = choice.preset === "5m" || choice.preset === "1h";
  const now = useNow(live ? 5_000 : 60_000);
  // When this choice was made: a new choice (or a new mount) reads the history again.
  const [chosen, setChosen] = useState({ choice, atMs: now });
  if (chosen.choice !== choice) setChosen({ choice, atMs: now });
  const chosenAtMs = chosen.choice === choice ? chosen.atMs : now;
  switch (choice.preset) {
    case "5m":
    case "1h": {
      const rangeMs = RANGES[choice.preset];
      return { fromMs: now - rangeMs, toMs: now, query: liveWindow(chosenAtMs, rangeMs), live: true };
    }
    case "custom":
      return {
        fromMs: choice.fromMs,
        toMs: choice.toMs,
        query: { fromMs: Math.floor(choice.fromMs), toMs: Math.ceil(choice.toMs) },
        live: false,
      };
    default: {
      const fromMs = choice.endMs - RANGES[choice.preset];
      return { fromMs, toMs: choice.endMs, query: { fromMs, toMs: choice.endMs }, live: false };
    }
  }
}
