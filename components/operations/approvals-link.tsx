"use client";

// The way to the approvals inbox, with how many approvals this user can decide now.
import Link from "next/link";

import { ApprovalsBadge, useApprovalsWaiting } from "./approvals-badge";

export function ApprovalsLink({ className }: { className: string }) {
  const count = useApprovalsWaiting();
  return (
    <Link href="/operations/approvals" className={`${className} gap-2`}>
      Approvals
      {count !== undefined ? <ApprovalsBadge count={count} testId="approvals-count" /> : null}
    </Link>
  );
}
