// The readiness checks of the plan, failures first; a failing blocking check stops the request.
import { Card } from "@/components/ui/layout";
import type { TCheck } from "@/lib/operations/contracts";

const rank = (check: TCheck) => (check.ok ? 2 : check.blocking ? 0 : 1);

export function ChecksList({ checks }: { checks: readonly TCheck[] }) {
  const sorted = [...checks].sort((a, b) => rank(a) - rank(b));
  const failing = checks.filter((check) => !check.ok).length;
  return (
    <Card
      title="Checks"
      actions={<span className="text-xs text-slate-500">{failing === 0 ? "all pass" : `${failing} not met`}</span>}
    >
      {checks.length === 0 ? <p className="text-sm text-slate-500">No checks apply to this runbook.</p> : null}
      <ul className="space-y-2" data-testid="plan-checks">
        {sorted.map((check) => {
          const blocks = !check.ok && check.blocking;
          return (
            <li
              key={check.id}
              data-testid={`check-${check.id}`}
              data-ok={String(check.ok)}
              className={`flex gap-3 rounded-md p-1.5 ${blocks ? "bg-rose-50 ring-1 ring-rose-300 dark:bg-rose-950/40 dark:ring-rose-800" : ""}`}
            >
              <span
                className={`mt-0.5 w-14 shrink-0 text-xs font-semibold ${check.ok ? "text-emerald-700 dark:text-emerald-400" : blocks ? "text-rose-700 dark:text-rose-400" : "text-amber-700 dark:text-amber-400"}`}
              >
                {check.ok ? "OK" : blocks ? "Blocks" : "Warning"}
              </span>
              <div>
                <p className="text-sm font-medium">{check.label}</p>
                {check.detail ? <p className="text-xs text-slate-600 dark:text-slate-400">{check.detail}</p> : null}
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
