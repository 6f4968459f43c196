"use client";

// The newest live snapshot of a deployment. One component per page (the graph, the telemetry
// dashboard) keeps it current with useLiveSnapshot: a subscription that writes each snapshot into
// the React Query cache. Everything else on the page reads that cache entry: with useSnapshot (and
// re-renders with every snapshot: the charts' live ranges), or with useSnapshotPart, only the part
// it shows (and re-renders when that part changes: the alerts, the faults, the servers).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useCallback } from "react";

import { useTRPC } from "@/components/trpc/client";
import type { LiveSnapshot } from "@/lib/telemetry/contracts";

function useSnapshotOptions(deploymentId: string) {
  const trpc = useTRPC();
  return trpc.telemetry.snapshot.queryOptions({ deploymentId }, { staleTime: Infinity, enabled: !!deploymentId });
}

function useSnapshotQuery(deploymentId: string) {
  const options = useSnapshotOptions(deploymentId);
  return { options, query: useQuery(options) };
}

/** Reads the snapshot the page's subscription keeps current; `isPending` until the first read. */
export function useSnapshot(deploymentId: string): { snapshot: LiveSnapshot | undefined; isPending: boolean } {
  const { query } = useSnapshotQuery(deploymentId);
  return { snapshot: query.data ?? undefined, isPending: query.isPending };
}

/**
 * One part of the snapshot the page's subscription keeps current. React Query's `select` shares
 * its result structurally with the last one, so a panel whose part did not change keeps the same
 * object and does not re-render on the tick (a snapshot arrives every second, its time always new).
 * `select` should be stable (module level or memoised), or it runs on every render too.
 */
export function useSnapshotPart<T>(
  deploymentId: string,
  select: (snapshot: LiveSnapshot) => T,
): { part: T | undefined; isPending: boolean } {
  const options = useSnapshotOptions(deploymentId);
  const selectPart = useCallback(
    (snapshot: LiveSnapshot | null) => (snapshot ? select(snapshot) : undefined),
    [select],
  );
  const query = useQuery({ ...options, select: selectPart });
  return { part: query.data, isPending: query.isPending };
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
