"use client";

// One approval in the inbox: the operation it belongs to, what it is bound to, and the decide form,
// or the server's reason this user cannot decide it.
import Link from "next/link";

import { replicaWords } from "@/components/operations/step-view";
import { useNow } from "@/components/ui/use-now";
import { formatCountdown } from "@/lib/format";
import { roleLabel } from "@/lib/identity/words";
import { type TInboxItem } from "@/lib/operations/contracts";
import { RUNBOOK_LABELS } from "@/lib/operations/words";

import { DecideForm } from "./decide-form";
import { GateContext } from "./gate-context";
import { gateTitle } from "./gate-title";
import { StatusBadge } from "./status-badge";

export function InboxItem({ item }: { item: TInboxItem }) {
  const now = useNow(1000);
  const { gate, operation } = item;
  const approvals = gate.decisions.filter((decision) => decision.decision === "APPROVE").length;
  return (
    <article
      data-testid={`inbox-${gate.id}`}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Link
          href={`/operations/${operation.id}`}
          className="font-semibold text-sky-700 hover:underline dark:text-sky-400"
        >
          {RUNBOOK_LABELS[operation.runbook]} on {operation.deploymentName}
        </Link>
        <StatusBadge status={operation.status} />
        <span className="text-sm text-slate-600 dark:text-slate-400">
          {operation.clusterName}: {replicaWords(operation.source)} → {replicaWords(operation.target)} · requested by{" "}
          {operation.requestedBy}
        </span>
      </header>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{gateTitle(gate)}</span>
        <StatusBadge status={gate.status} />
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {approvals} of {gate.required} from {roleLabel(gate.role)}
        </span>
        {gate.status === "OPEN" ? (
          <span className="ml-auto text-xs tabular-nums text-amber-700 dark:text-amber-400">
            {formatCountdown(Date.parse(gate.expiresAt) - now)}
          </span>
        ) : null}
      </div>
      <GateContext context={gate.context} />
      {item.gate.cannotDecide === null ? (
        <DecideForm gate={gate} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="cannot-decide">
          {item.gate.cannotDecide}
        </p>
      )}
    </article>
  );
}
