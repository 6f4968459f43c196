"use client";

// How many approvals wait for the signed-in user (the server counts with the decision's own rule).
// Polled on purpose, every 15 s and on focus: gates open a few times a day, and the live bus is per
// deployment, so one small indexed read per open console beats a subscription to every deployment.
import { useQuery } from "@tanstack/react-query";

import { useCan } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";

export const APPROVALS_POLL_MS = 15_000;

/** The count, or undefined before the first answer and for those who never decide approvals. */
export function useApprovalsWaiting(): number | undefined {
  const trpc = useTRPC();
  const mayDecide = useCan("approvals.decide");
  const waiting = useQuery(
    trpc.operations.waiting.queryOptions(undefined, { enabled: mayDecide, refetchInterval: APPROVALS_POLL_MS }),
  );
  return mayDecide ? waiting.data?.count : undefined;
}

export function ApprovalsBadge({ count, testId }: { count: number; testId: string }) {
  return (
    <span
      data-testid={testId}
      aria-label={`${count} waiting for you`}
      className={`rounded-full px-1.5 text-xs tabular-nums ${count > 0 ? "bg-amber-500 text-white" : "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200"}`}
    >
      {count}
    </span>
  );
}
