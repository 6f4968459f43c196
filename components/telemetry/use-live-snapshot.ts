"use client";

// The newest live snapshot of a deployment. One component per page (the graph, the telemetry
// dashboard) keeps it current with useLiveSnapshot: a subscription that writes each snapshot into
// the React Query cache. Everything else on the page reads that cache entry with useSnapshot and
// re-renders with it: the alerts, the faults, the charts' live ranges.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";

import { useTRPC } from "@/components/trpc/client";
import type { LiveSnapshot } from "@/lib/telemetry/contracts";

function useSnapshotQuery(deploymentId: string) {
  const trpc = useTRPC();
  const options = trpc.telemetry.snapshot.queryOptions(
    { deploymentId },
    { staleTime: Infinity, enabled: !!deploymentId },
  );
  return { options, query: useQuery(options) };
}

/** Reads the snapshot the page's subscription keeps current; `isPending` until the first read. */
export function useSnapshot(deploymentId: string): { snapshot: LiveSnapshot | undefined; isPending: boolean } {
  const { query } = useSnapshotQuery(deploymentId);
  return { snapshot: query.data ?? undefined, isPending: query.isPending };
}

/** Subscribes to the deployment's live snapshots and reads the newest. */
export function useLiveSnapshot(deploymentId: string): { snapshot: LiveSnapshot | undefined; connected: boolean } {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { options, query } = useSnapshotQuery(deploymentId);
  const subscription = useSubscription(
    trpc.telemetry.live.subscriptionOptions(
      { deploymentId },
      {
        enabled: !!deploymentId,
        onData: (event) => queryClient.setQueryData(options.queryKey, event.data),
      },
    ),
  );
  return { snapshot: query.data ?? undefined, connected: subscription.status === "pending" };
}
