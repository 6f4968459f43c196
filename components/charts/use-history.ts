"use client";

// One history read for a chart: refetched every few seconds while its range ends now, keeping the
// previous lines on screen while a new window loads.
import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { useTRPC } from "@/components/trpc/client";
import type { TSeries } from "@/lib/telemetry/contracts";

import type { TimeRange } from "./use-time-range";

export function useHistory(deploymentId: string, series: TSeries, keys: readonly string[], range: TimeRange) {
  const trpc = useTRPC();
  return useQuery(
    trpc.telemetry.history.queryOptions(
      { deploymentId, series, keys: keys.slice(0, 500), fromMs: range.query.fromMs, toMs: range.query.toMs },
      {
        refetchInterval: range.refetchIntervalMs,
        placeholderData: keepPreviousData,
        staleTime: range.live ? 0 : 60_000,
        enabled: keys.length > 0,
      },
    ),
  );
}
