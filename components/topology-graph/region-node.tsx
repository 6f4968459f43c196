"use client";

// A region in the graph view: a group holding its stack and replicas, its header carrying the
// live status and open alerts, and (live text of its own) traffic and error rate.
import type { NodeProps } from "@xyflow/react";

import { STATUS_BORDER, STATUS_FILL } from "./graph-colors";
import type { RegionNode } from "./graph-types";
import { HiddenHandles } from "./hidden-handles";
import { useHighlighted } from "./highlights";
import { regionTrafficText } from "./live-text";
import { useLiveText } from "./live-values";
import { AlertBadge, emphasis, StatusBadge } from "./status-badges";

export function RegionNodeView({ id, data, selected }: NodeProps<RegionNode>) {
  const highlighted = useHighlighted(id);
  return (
    <div
      data-testid={`region-node-${data.code}`}
      data-status={data.status}
      className={`h-full w-full rounded-xl ${data.status === "DOWN" || data.status === "DEGRADED" ? "border-4" : "border-2"} ${STATUS_FILL[data.status ?? "UNKNOWN"]} ${STATUS_BORDER[data.status ?? "UNKNOWN"]} ${emphasis(selected, highlighted)}`}
    >
      <HiddenHandles kind="region" />
      <div className="space-y-1 px-3 pt-2 text-slate-900 dark:text-slate-100">
        <div className="flex items-center gap-2">
          <span className="truncate font-mono text-sm font-semibold">{data.code}</span>
          <StatusBadge status={data.status} />
          <span className="ml-auto">
            <AlertBadge count={data.openAlerts} />
          </span>
        </div>
        <p className="truncate text-xs text-slate-600 dark:text-slate-400">
          {data.displayName} · {data.provider}
        </p>
        <Traffic regionId={data.regionId} />
      </div>
    </div>
  );
}

/** Live text of its own: a tick that moves the traffic renders this line, not the region. */
function Traffic({ regionId }: { regionId: string }) {
  const traffic = useLiveText((live) => regionTrafficText(live, regionId, "errors") ?? "no traffic data");
  return <p className="text-xs tabular-nums text-slate-700 dark:text-slate-300">{traffic}</p>;
}
