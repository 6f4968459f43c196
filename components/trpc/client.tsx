"use client";

// The browser's tRPC client: React Query hooks through `useTRPC()`.
import { notifyManager, QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";

import { MAX_BATCH_SIZE } from "@/lib/api-limits";
import type { AppRouter } from "@/server/api/root";

import { makeQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  if (typeof window === "undefined") return makeQueryClient();
  if (!browserQueryClient) {
    // React Query tells its observers in a task of its own (setTimeout 0) by default, so a frame
    // could come between a live snapshot's arrival and its render, and show it a frame late. A
    // microtask still batches (one notification per task) and renders in the task that received it.
    notifyManager.setScheduler(queueMicrotask);
    browserQueryClient = makeQueryClient();
  }
  return browserQueryClient;
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        // Subscriptions stream over server-sent events; EventSource reconnects by itself and
        // tRPC resends the last event id, so the server resumes where the browser left off.
        splitLink({
          condition: (op) => op.type === "subscription",
          true: httpSubscriptionLink({ url: "/api/trpc", transformer: superjson }),
          false: httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: MAX_BATCH_SIZE }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
