// Which operation this is: runbook, deployment, source → target, status; who asked, why and when;
// and why it failed, when it did.
import Link from "next/link";

import { replicaWords } from "@/components/operations/step-view";
import { formatDateTime } from "@/lib/format";
import { isActive, type TOperationDetail } from "@/lib/operations/contracts";
import { RUNBOOK_LABELS } from "@/lib/operations/words";

import { StatusBadge } from "./status-badge";

export function OperationHeader({ operation }: { operation: TOperationDetail }) {
  const pending = isActive(operation.status) && operation.abortRequested;
  return (
    <header className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold tracking-tight">{RUNBOOK_LABELS[operation.runbook]}</h1>
        <StatusBadge status={operation.status} data-testid="operation-status" />
      </div>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        <Link
          href={`/topology/${operation.deploymentSlug}`}
          className="font-medium text-sky-700 hover:underline dark:text-sky-400"
        >
          {operation.deploymentName}
        </Link>
        <span className="text-slate-500"> · {operation.clusterName} · </span>
        <span data-testid="operation-route">
          {replicaWords(operation.source)} → {replicaWords(operation.target)}
        </span>
      </p>
      <p className="text-xs text-slate-500">
        Requested by {operation.requestedBy} on {formatDateTime(operation.createdAt)}
        {operation.startedAt ? ` · started ${formatDateTime(operation.startedAt)}` : ""}
        {operation.finishedAt ? ` · finished ${formatDateTime(operation.finishedAt)}` : ""}
      </p>
      {operation.reason ? (
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">“{operation.reason}”</p>
      ) : null}
      {pending ? (
        <p role="status" className="text-sm text-amber-800 dark:text-amber-300">
          Abort requested: the run stops after the current step and rolls back what can be undone.
        </p>
      ) : null}
      {operation.failureReason ? (
        <p
          role="alert"
          data-testid="operation-failure"
          className="rounded-md border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:border-rose-800 dark:bg-rose-950/50 dark:text-rose-300"
        >
          {operation.failureReason}
        </p>
      ) : null}
    </header>
  );
}
