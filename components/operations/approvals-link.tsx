"use client";

// The way to the approvals inbox, with how many approvals this user can decide now.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { useTRPC } from "@/components/trpc/client";

export function ApprovalsLink({ className }: { className: string }) {
  const trpc = useTRPC();
  const inbox = useQuery(trpc.operations.inbox.queryOptions(undefined, { refetchInterval: 5_000 }));
  const count = (inbox.data ?? []).filter(
    (item) => item.gate.cannotDecide === null && item.gate.status === "OPEN",
  ).length;
  return (
    <Link href="/operations/approvals" className={`${className} gap-2`}>
      Approvals
      {inbox.data ? (
        <span
          data-testid="approvals-count"
          className={`rounded-full px-1.5 text-xs tabular-nums ${count > 0 ? "bg-amber-500 text-white" : "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200"}`}
        >
          {count}
        </span>
      ) : null}
    </Link>
  );
}
