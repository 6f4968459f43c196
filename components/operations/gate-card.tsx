"use client";

// One approval: its status, how many approvals from which role, the time left, what it is bound to,
// who decided what, and the decide form or the server's reason this user cannot decide it.
import { useNow } from "@/components/ui/use-now";
import { formatCountdown, formatDateTime } from "@/lib/format";
import { roleLabel } from "@/lib/identity/words";
import type { TGateView } from "@/lib/operations/contracts";

import { DecideForm } from "./decide-form";
import { GateContext } from "./gate-context";
import { gateTitle } from "./gate-title";
import { StatusBadge } from "./status-badge";

export function GateCard({ gate }: { gate: TGateView }) {
  const now = useNow(1000);
  const approvals = gate.decisions.filter((decision) => decision.decision === "APPROVE").length;
  return (
    <article
      data-testid={`gate-${gate.id}`}
      data-status={gate.status}
      className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-800"
    >
      <header className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold">{gateTitle(gate)}</h3>
        <StatusBadge status={gate.status} />
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {approvals} of {gate.required} approval{gate.required === 1 ? "" : "s"} from {roleLabel(gate.role)}
        </span>
        {gate.status === "OPEN" ? (
          <span
            className="ml-auto text-xs tabular-nums text-amber-700 dark:text-amber-400"
            title={`Expires ${formatDateTime(gate.expiresAt)}`}
          >
            {formatCountdown(Date.parse(gate.expiresAt) - now)}
          </span>
        ) : null}
      </header>
      <GateContext context={gate.context} />
      {gate.reason ? <p className="text-xs text-slate-600 dark:text-slate-400">{gate.reason}</p> : null}
      {gate.decisions.length > 0 ? (
        <ul className="space-y-1 text-sm" aria-label="Decisions">
          {gate.decisions.map((decision) => (
            <li key={`${decision.approverId}-${decision.at}`}>
              <span
                className={
                  decision.decision === "APPROVE"
                    ? "font-medium text-emerald-700 dark:text-emerald-400"
                    : "font-medium text-rose-700 dark:text-rose-400"
                }
              >
                {decision.decision === "APPROVE" ? "Approved" : "Rejected"}
              </span>{" "}
              by {decision.approverName} <span className="text-xs text-slate-500">{formatDateTime(decision.at)}</span>
              {decision.comment ? (
                <span className="text-slate-600 dark:text-slate-400"> — “{decision.comment}”</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {gate.status !== "OPEN" ? null : gate.cannotDecide ? (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="cannot-decide">
          {gate.cannotDecide}
        </p>
      ) : (
        <DecideForm gate={gate} />
      )}
    </article>
  );
}
