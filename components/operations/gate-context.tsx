// What an approval is bound to: the figures the approver was shown. If the lag or the topology moves
// beyond the policy's tolerance before the step runs, the approval lapses and is asked for again.
import { formatSeconds, formatUsd } from "@/lib/format";
import type { TGateContext } from "@/lib/operations/contracts";

export function GateContext({ context }: { context: TGateContext }) {
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4" aria-label="What this approval is bound to">
      <div>
        <dt className="text-xs text-slate-500">Lag when asked</dt>
        <dd className="tabular-nums">
          {context.lagSeconds === null ? "not measured" : formatSeconds(context.lagSeconds)}
        </dd>
      </div>
      <div>
        <dt className="text-xs text-slate-500">Data loss if run now</dt>
        <dd className="tabular-nums">{formatSeconds(context.dataLossSeconds)}</dd>
      </div>
      <div>
        <dt className="text-xs text-slate-500">Event cost</dt>
        <dd className="tabular-nums">{formatUsd(context.eventCostUsd)}</dd>
      </div>
      <div>
        <dt className="text-xs text-slate-500">Before</dt>
        <dd>{context.stepTitle ?? "the run"}</dd>
      </div>
    </dl>
  );
}
