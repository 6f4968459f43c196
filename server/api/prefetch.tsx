// Server-side prefetching for pages, as create-t3-app does: a page asks tRPC for what its client
// components will read (the same procedures, the same context and session as over HTTP), and
// HydrateClient hands the results to the browser's React Query cache, so the page renders with its
// data instead of "Loading…". One QueryClient per request (React's cache).
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";

import { makeQueryClient } from "@/components/trpc/query-client";
import { appRouter } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";

export const getQueryClient = cache(makeQueryClient);

const requestContext = cache(async () => createTRPCContext({ headers: await headers() }));

export const trpc = createTRPCOptionsProxy({ ctx: requestContext, router: appRouter, queryClient: getQueryClient });

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

/**
 * A deployment page's data: its model and its newest live snapshot. A deployment that cannot be
 * read is left to the page, which says why in the browser.
 */
export async function prefetchDeployment(idOrSlug: string): Promise<void> {
  const queryClient = getQueryClient();
  const options = trpc.topology.deployment.queryOptions({ idOrSlug });
  await queryClient.prefetchQuery(options);
  const deployment = queryClient.getQueryData(options.queryKey);
  if (deployment)
    await queryClient.prefetchQuery(trpc.telemetry.snapshot.queryOptions({ deploymentId: deployment.id }));
}

/** The overview's data (every deployment at a glance), so the first screen arrives rendered. */
export async function prefetchOverview(): Promise<void> {
  await getQueryClient().prefetchQuery(trpc.overview.deployments.queryOptions());
}
