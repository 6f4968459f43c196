"use client";

// The Operations landing page: what runs and what ran, the way to plan a new one (operators and
// admins), the approvals waiting for this user, and the approval policies.
import Link from "next/link";

import { useCan } from "@/components/shell/actor-context";
import { PageHeader } from "@/components/ui/layout";

import { ApprovalsLink } from "./approvals-link";
import { OperationsTable } from "./operations-table";

const LINK = "inline-flex h-9 items-center rounded-md px-3.5 text-sm font-medium";

export function OperationsHome() {
  const mayRun = useCan("operations.run");
  return (
    <>
      <PageHeader
        title="Operations"
        description="Switchovers, failbacks, failovers and drills, run step by step with approvals, fencing and a report of measured RTO and data loss."
        actions={
          <>
            <Link
              href="/operations/policies"
              className={`${LINK} text-slate-700 hover:bg-slate-200/60 dark:text-slate-300 dark:hover:bg-slate-800`}
            >
              Approval policies
            </Link>
            <ApprovalsLink
              className={`${LINK} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800`}
            />
            {mayRun ? (
              <Link href="/operations/new" className={`${LINK} bg-sky-600 text-white hover:bg-sky-700`}>
                Plan an operation
              </Link>
            ) : null}
          </>
        }
      />
      <OperationsTable />
    </>
  );
}
