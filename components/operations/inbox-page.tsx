"use client";

// The approvals waiting on people: every open approval this user can see, those they can decide
// first. Refetched every 2 s, so a decision by someone else shows without a reload.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { useTRPC } from "@/components/trpc/client";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { ErrorLine, Loading } from "@/components/ui/query-state";

import { InboxItem } from "./inbox-item";

export function InboxPage() {
  const trpc = useTRPC();
  const inbox = useQuery(trpc.operations.inbox.queryOptions(undefined, { refetchInterval: 2_000 }));
  const items = [...(inbox.data ?? [])].sort(
    (a, b) =>
      Number(a.gate.cannotDecide !== null) - Number(b.gate.cannotDecide !== null) ||
      a.gate.expiresAt.localeCompare(b.gate.expiresAt),
  );
  return (
    <>
      <PageHeader
        title="Approvals"
        description="Operations waiting for a decision. Approving asks for your password again and is bound to the figures shown; if they change, the approval lapses."
        actions={
          <Link href="/operations" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
            ← Operations
          </Link>
        }
      />
      {inbox.isPending ? <Loading what="approvals" /> : null}
      {inbox.isError ? <ErrorLine error={inbox.error} /> : null}
      {inbox.data && items.length === 0 ? <EmptyState title="Nothing waits for your approval" /> : null}
      <ul className="space-y-4" data-testid="inbox">
        {items.map((item) => (
          <li key={item.gate.id}>
            <InboxItem item={item} />
          </li>
        ))}
      </ul>
    </>
  );
}
