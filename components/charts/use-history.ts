"use client";

// One history read for a chart. A fixed range is read once; a range that ends now is read once
// too, up to when it was chosen, and then follows the live snapshots the page already receives
// (each one appended to the cached history: live-history.ts), so no chart polls.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

import { useSnapshot } from "@/components/telemetry/use-live-snapshot";
import { useTRPC } from "@/components/trpc/client";
import type { TSeries } from "@/lib/telemetry/contracts";

import { appendSnapshot } from "./live-history";
import type { QueryWindow } from "./live-window";

export function useHistory(
  deploymentId: string,
  series: TSeries,
  keys: readonly string[],
  range: { query: QueryWindow; live: boolean },
) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.telemetry.history.queryOptions(
    { deploymentId, series, keys: keys.slice(0, 500), fromMs: range.query.fromMs, toMs: range.query.toMs },
    { placeholderData: keepPreviousData, staleTime: range.live ? Infinity : 60_000, enabled: keys.length > 0 },
  );
  const history = useQuery(options);
  const { snapshot } = useSnapshot(deploymentId);
  const loaded = history.isSuccess && !history.isPlaceholderData;
  useEffect(() => {
    if (!range.live || !snapshot || !loaded) return;
    queryClient.setQueryData(options.queryKey, (cached) =>
      cached ? appendSnapshot(cached, series, snapshot) : cached,
    );
  }, [range.live, snapshot, loaded, queryClient, options.queryKey, series]);
  return history;
}
