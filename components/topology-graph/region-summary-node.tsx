"use client";

// Zoomed out, a region drawn as one node in large type (readable at the zoom that fits 70
// regions): code, health, whether it takes writes, the worst lag into it and its open alerts.
// A region that is down fills red, so an outage shows at any zoom.
import type { NodeProps } from "@xyflow/react";

import { STATUS_BORDER } from "./graph-colors";
import type { RegionSummaryNode } from "./graph-types";
import { HiddenHandles } from "./hidden-handles";
import { useHighlighted } from "./highlights";
import { worstLagText } from "./live-text";
import { useLiveText } from "./live-values";
import { emphasis } from "./status-badges";

const FILL = {
  HEALTHY: "bg-white dark:bg-slate-900",
  DEGRADED: "bg-amber-100 dark:bg-amber-950",
  DOWN: "bg-rose-600 text-white dark:bg-rose-700",
  UNKNOWN: "bg-slate-100 dark:bg-slate-900",
} as const;

export function RegionSummaryNodeView({ id, data, selected }: NodeProps<RegionSummaryNode>) {
  const highlighted = useHighlighted(id);
  const status = data.status ?? "UNKNOWN";
  const down = status === "DOWN";
  return (
    <div
      data-testid={`region-summary-${data.code}`}
      data-status={data.status}
      title={`${data.displayName} · ${data.provider}${data.clusterNames.length ? ` · ${data.clusterNames.join(", ")}` : ""}`}
      className={`flex h-full w-full flex-col justify-center gap-1 rounded-xl border-4 px-2 ${FILL[status]} ${STATUS_BORDER[status]} ${down ? "" : "text-slate-900 dark:text-slate-100"} ${emphasis(selected, highlighted)}`}
    >
      <HiddenHandles kind="regionSummary" />
      <div className="flex items-baseline gap-2">
        <span className="truncate text-[26px] font-bold leading-none tracking-tight">{data.code}</span>
        {data.writer ? (
          <span
            title="Takes writes"
            className={`ml-auto shrink-0 rounded px-1 text-[16px] font-bold leading-snug ${down ? "bg-white text-rose-700" : "bg-emerald-600 text-white"}`}
          >
            W
          </span>
        ) : null}
      </div>
      <div className="flex items-baseline gap-2 text-[16px] font-semibold leading-none tabular-nums">
        <span>{data.status ?? "no data"}</span>
        {data.measured ? <WorstLag linkIds={data.inboundLinkIds} overRpo={data.overRpo && !down} /> : null}
        {data.openAlerts ? (
          <span className="ml-auto shrink-0 rounded bg-rose-700 px-1.5 text-white" title="Open alerts">
            ▲{data.openAlerts}
          </span>
        ) : null}
      </div>
    </div>
  );
}

/** Live text of its own: a tick that moves the lag renders this, not the region. */
function WorstLag({ linkIds, overRpo }: { linkIds: readonly string[]; overRpo: boolean }) {
  const lag = useLiveText((live) => worstLagText(live, linkIds));
  return <span className={overRpo ? "text-rose-700 dark:text-rose-300" : ""}>· {lag}</span>;
}
