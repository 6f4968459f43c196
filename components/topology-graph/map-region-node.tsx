"use client";

// A region on the map view: one compact card at its place, with its live status and traffic.
import type { NodeProps } from "@xyflow/react";

import { STATUS_BORDER } from "./graph-colors";
import type { MapRegionNode } from "./graph-types";
import { HiddenHandles } from "./hidden-handles";
import { useHighlighted } from "./highlights";
import { regionTrafficText } from "./live-text";
import { useLiveText } from "./live-values";
import { AlertBadge, emphasis, StatusBadge } from "./status-badges";

export function MapRegionNodeView({ id, data, selected }: NodeProps<MapRegionNode>) {
  const highlighted = useHighlighted(id);
  return (
    <div
      data-testid={`region-node-${data.code}`}
      data-status={data.status}
      className={`h-full w-full rounded-lg border-2 bg-white px-2 py-1.5 text-slate-900 shadow-sm dark:bg-slate-900 dark:text-slate-100 ${STATUS_BORDER[data.status ?? "UNKNOWN"]} ${emphasis(selected, highlighted)}`}
    >
      <HiddenHandles kind="mapRegion" />
      <div className="flex items-center gap-1.5">
        <span className="truncate font-mono text-xs font-semibold">{data.code}</span>
        <StatusBadge status={data.status} />
        <span className="ml-auto">
          <AlertBadge count={data.openAlerts} />
        </span>
      </div>
      <p className="truncate text-[11px] text-slate-600 dark:text-slate-400">{data.displayName}</p>
      <Traffic regionId={data.regionId} />
    </div>
  );
}

/** Live text of its own: a tick that moves the traffic renders this line, not the region. */
function Traffic({ regionId }: { regionId: string }) {
  const traffic = useLiveText((live) => regionTrafficText(live, regionId, "err") ?? "—");
  return <p className="truncate text-[11px] tabular-nums text-slate-700 dark:text-slate-300">{traffic}</p>;
}
