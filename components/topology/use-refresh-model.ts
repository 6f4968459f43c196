"use client";

// After a model edit: the open deployment and the deployment list (its counts) are stale;
// the region catalog too when a region joins or leaves a deployment.
import { useQueryClient } from "@tanstack/react-query";

import { useTRPC } from "@/components/trpc/client";

export function useRefreshModel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (options: { catalog?: boolean } = {}) =>
    Promise.all([
      queryClient.invalidateQueries(trpc.topology.deployment.pathFilter()),
      queryClient.invalidateQueries(trpc.topology.deployments.pathFilter()),
      options.catalog ? queryClient.invalidateQueries(trpc.topology.regions.pathFilter()) : null,
    ]);
}
