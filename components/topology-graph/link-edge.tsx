"use client";

// A replication link: a curve from source to target replica (or region, on the map), green under
// the RPO target and red over it, labelled with the live lag in time and bytes.
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from "@xyflow/react";

import { curvedLink } from "./edge-geometry";
import { useGraphActions } from "./graph-actions";
import { toneVar, type EdgeTone } from "./graph-colors";
import type { GraphSelection, LinkEdge, LinkEdgeData } from "./graph-types";
import { linkLagText } from "./live-text";
import { useLiveText } from "./live-values";
import { AlertBadge } from "./status-badges";
import { useNodeBox } from "./use-node-box";

export function LinkEdgeView({ id, source, target, data, selected }: EdgeProps<LinkEdge>) {
  const sourceBox = useNodeBox(source);
  const targetBox = useNodeBox(target);
  const { select, labels } = useGraphActions();
  if (!sourceBox || !targetBox || !data) return null;

  const { path, labelX, labelY } = curvedLink(sourceBox, targetBox, data.lane);
  const tone: EdgeTone = !data.measured ? "muted" : data.overRpo ? "bad" : "ok";

  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={`url(#graph-arrow-${tone})`}
        style={{ stroke: toneVar(tone), strokeWidth: selected ? 3.5 : data.overRpo ? 2.5 : 1.75 }}
      />
      {/* Labels off, only a link over the RPO (or the selected one) keeps its label: nothing else covers nodes. */}
      {labels || data.overRpo || selected ? (
        <EdgeLabelRenderer>
          <LagLabel id={id} data={data} selected={!!selected} x={labelX} y={labelY} onSelect={select} />
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

/** The lag label, live text of its own: a tick that moves the lag renders this, not the edge. */
function LagLabel({
  id,
  data,
  selected,
  x,
  y,
  onSelect,
}: {
  id: string;
  data: LinkEdgeData;
  selected: boolean;
  x: number;
  y: number;
  onSelect: (selection: GraphSelection) => void;
}) {
  const lag = useLiveText((live) => linkLagText(live, data.linkId));
  const name = `${data.sourceName} → ${data.targetName}`;
  return (
    <button
      type="button"
      data-testid={`link-label-${data.sourceName}-${data.targetName}`}
      data-over-rpo={String(!!data.overRpo)}
      aria-label={`Replication ${name}: lag ${lag}${data.overRpo ? ", over the RPO target" : ""}`}
      title={`${name} (${data.mode.toLowerCase()})`}
      onClick={(e) => {
        // The pane beneath would otherwise take the click as "select nothing".
        e.stopPropagation();
        onSelect({ kind: "edge", id });
      }}
      className={`nodrag absolute flex items-center gap-1 rounded border bg-white px-1.5 py-0.5 text-[11px] font-medium tabular-nums shadow-sm dark:bg-slate-900 ${
        data.overRpo
          ? "border-rose-500 text-rose-700 dark:border-rose-400 dark:text-rose-300"
          : !data.measured
            ? "border-slate-300 text-slate-500 dark:border-slate-700 dark:text-slate-400"
            : "border-emerald-500 text-emerald-800 dark:border-emerald-500 dark:text-emerald-300"
      } ${selected ? "ring-2 ring-sky-500" : ""}`}
      style={{
        transform: `translate(-50%, -50%) translate(${x}px, ${y}px)`,
        pointerEvents: "all",
        zIndex: 1000,
      }}
    >
      {lag}
      <AlertBadge count={data.openAlerts} />
    </button>
  );
}
