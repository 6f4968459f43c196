"use client";

// The newest live snapshot of a deployment, kept current by a subscription that writes each
// snapshot into the React Query cache: every component reading the snapshot query re-renders.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";

import { useTRPC } from "@/components/trpc/client";
import type { LiveSnapshot } from "@/lib/telemetry/contracts";

export function useLiveSnapshot(deploymentId: string): { snapshot: LiveSnapshot | undefined; connected: boolean } {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const snapshotOptions = trpc.telemetry.snapshot.queryOptions(
    { deploymentId },
    { staleTime: Infinity, enabled: !!deploymentId },
  );
  const snapshot = useQuery(snapshotOptions);
  const subscription = useSubscription(
    trpc.telemetry.live.subscriptionOptions(
      { deploymentId },
      {
        enabled: !!deploymentId,
        onData: (event) => queryClient.setQueryData(snapshotOptions.queryKey, event.data),
      },
    ),
  );
  return { snapshot: snapshot.data ?? undefined, connected: subscription.status === "pending" };
}
