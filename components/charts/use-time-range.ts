"use client";

// The chosen time range as the charts need it: what to show, what to ask the server for, and how
// often to ask again. Ranges ending now (5 m, 1 h) move with the clock and refetch by themselves;
// 24 h and 7 d end when they were chosen; a custom range is fixed.
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
  /** What is asked of the server (a little wider for live ranges, so the key holds between refetches). */
  query: QueryWindow;
  refetchIntervalMs: number | false;
  live: boolean;
};

const REFETCH_MS = { "5m": 5_000, "1h": 15_000 } as const;

export function useTimeRange(choice: RangeChoice): TimeRange {
  const live = choice.preset === "5m" || choice.preset === "1h";
  const now = useNow(live ? 5_000 : 60_000);
  switch (choice.preset) {
    case "5m":
    case "1h": {
      const rangeMs = RANGES[choice.preset];
      return {
        fromMs: now - rangeMs,
        toMs: now,
        query: liveWindow(now, rangeMs),
        refetchIntervalMs: REFETCH_MS[choice.preset],
        live: true,
      };
    }
    case "custom":
      return {
        fromMs: choice.fromMs,
        toMs: choice.toMs,
        query: { fromMs: Math.floor(choice.fromMs), toMs: Math.ceil(choice.toMs) },
        refetchIntervalMs: false,
        live: false,
      };
    default: {
      const fromMs = choice.endMs - RANGES[choice.preset];
      return {
        fromMs,
        toMs: choice.endMs,
        query: { fromMs, toMs: choice.endMs },
        refetchIntervalMs: false,
        live: false,
      };
    }
  }
}
