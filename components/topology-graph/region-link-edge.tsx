"use client";

// Zoomed out, the links from one region to another as one edge: along the route the layout found
// around the regions (or straight, before it has one), red when the worst of them is over the RPO,
// labelled with that worst lag.
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from "@xyflow/react";

import { borderPoint, type Box } from "./edge-geometry";
import { useGraphActions } from "./graph-actions";
import { toneVar, type EdgeTone } from "./graph-colors";
import type { GraphSelection, RegionLinkEdge, RegionLinkEdgeData } from "./graph-types";
import { worstLagText } from "./live-text";
import { useLiveText } from "./live-values";
import { useNodeBox } from "./use-node-box";

const centre = (box: Box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

export function RegionLinkEdgeView({ id, source, target, data, selected }: EdgeProps<RegionLinkEdge>) {
  const { select, routes, labels } = useGraphActions();
  const sourceBox = useNodeBox(source);
  const targetBox = useNodeBox(target);
  if (!sourceBox || !targetBox || !data) return null;

  const route = routes[id];
  const points =
    route && route.length >= 2
      ? route
      : [borderPoint(sourceBox, centre(targetBox)), borderPoint(targetBox, centre(sourceBox))];
  const path = points.map((point, i) => `${i === 0 ? "M" : "L"} ${point.x} ${point.y}`).join(" ");
  // The label sits on the route's longest straight piece, away from the regions at its ends.
  let at = { x: points[0]!.x, y: points[0]!.y };
  let longest = -1;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length > longest) {
      longest = length;
      at = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    }
  }
  const tone: EdgeTone = !data.measured ? "muted" : data.overRpo ? "bad" : "ok";
  const showLabel = labels || data.overRpo || selected;

  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={`url(#graph-arrow-${tone})`}
        style={{ stroke: toneVar(tone), strokeWidth: selected ? 6 : data.overRpo ? 5 : 3 }}
      />
      {showLabel ? (
        <EdgeLabelRenderer>
          <WorstLagLabel id={id} data={data} selected={!!selected} x={at.x} y={at.y} onSelect={select} />
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

/** The worst lag's label, live text of its own: a tick that moves the lag renders this, not the edge. */
function WorstLagLabel({
  id,
  data,
  selected,
  x,
  y,
  onSelect,
}: {
  id: string;
  data: RegionLinkEdgeData;
  selected: boolean;
  x: number;
  y: number;
  onSelect: (selection: GraphSelection) => void;
}) {
  const lag = useLiveText((live) => worstLagText(live, data.linkIds));
  const count = data.linkIds.length;
  return (
    <button
      type="button"
      data-testid={`region-link-${data.sourceCode}-${data.targetCode}`}
      data-over-rpo={String(data.overRpo)}
      aria-label={`Replication ${data.sourceCode} → ${data.targetCode}: ${count} link${count === 1 ? "" : "s"}, worst lag ${lag}${data.overRpo ? ", over the RPO target" : ""}`}
      onClick={(e) => {
        e.stopPropagation();
        onSelect({ kind: "edge", id });
      }}
      className={`nodrag absolute rounded border-2 bg-white px-1.5 text-[16px] font-semibold tabular-nums dark:bg-slate-900 ${
        data.overRpo
          ? "border-rose-500 text-rose-700 dark:text-rose-300"
          : "border-emerald-500 text-emerald-800 dark:text-emerald-300"
      } ${selected ? "ring-2 ring-sky-500" : ""}`}
      style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)`, pointerEvents: "all" }}
    >
      {lag}
      {count > 1 ? <span className="font-normal"> ×{count}</span> : null}
    </button>
  );
}
