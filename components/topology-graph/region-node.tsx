"use client";

// A region in the graph view: a group holding its stack and replicas, its header carrying the
// live status, traffic, error rate and open alerts.
import type { NodeProps } from "@xyflow/react";

import { formatFraction, formatRps } from "@/lib/format";

import { STATUS_BORDER, STATUS_FILL } from "./graph-colors";
import type { RegionNode } from "./graph-types";
import { HiddenHandles } from "./hidden-handles";
import { AlertBadge, emphasis, StatusBadge } from "./status-badges";

export function RegionNodeView({ data, selected }: NodeProps<RegionNode>) {
  return (
    <div
      data-testid={`region-node-${data.code}`}
      data-status={data.status}
      className={`h-full w-full rounded-xl ${data.status === "DOWN" || data.status === "DEGRADED" ? "border-4" : "border-2"} ${STATUS_FILL[data.status ?? "UNKNOWN"]} ${STATUS_BORDER[data.status ?? "UNKNOWN"]} ${emphasis(selected, data.highlighted)}`}
    >
      <HiddenHandles source={false} />
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
        <p className="text-xs tabular-nums text-slate-700 dark:text-slate-300">
          {data.requestsPerSecond === undefined ? "no traffic data" : formatRps(data.requestsPerSecond)}
          {data.errorRate === undefined ? null : <> · {formatFraction(data.errorRate)} errors</>}
        </p>
      </div>
    </div>
  );
}
