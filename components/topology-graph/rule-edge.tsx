"use client";

// A routing rule from its policy to a region: "p 1 · w 100" with only the figures its policy's
// steering acts on; dashed and grey while the region is drained or the rule disabled.
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from "@xyflow/react";

import type { TSteering } from "@/lib/enums";
import { PRIORITY_ACTS, WEIGHT_ACTS } from "@/lib/topology/steering";

import { useGraphActions } from "./graph-actions";
import { toneVar } from "./graph-colors";
import type { RuleEdge } from "./graph-types";

export function ruleLabel(data: {
  steering: string;
  weight: number;
  priority: number;
  enabled: boolean;
  drained: boolean;
}): string {
  const steering = data.steering as TSteering;
  // Only the figures the steering acts on (lib/topology/steering.ts); none for random or hash.
  const figure = [PRIORITY_ACTS[steering] ? `p ${data.priority}` : "", WEIGHT_ACTS[steering] ? `w ${data.weight}` : ""]
    .filter(Boolean)
    .join(" · ");
  const state = !data.enabled ? "disabled" : data.drained ? "drained" : "";
  return [figure, state].filter(Boolean).join(" · ");
}

export function RuleEdgeView({
  id,
  data,
  selected,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
}: EdgeProps<RuleEdge>) {
  const { select, labels } = useGraphActions();
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  if (!data) return null;
  const off = data.drained || !data.enabled;
  const text = ruleLabel(data);

  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={`url(#graph-arrow-${off ? "muted" : "rule"})`}
        style={{
          stroke: toneVar(off ? "muted" : "rule"),
          strokeWidth: selected ? 3 : 1.5,
          strokeDasharray: off ? "6 5" : undefined,
        }}
      />
      {labels || selected ? (
        <EdgeLabelRenderer>
          <button
            type="button"
            aria-label={`Routing rule ${data.policyName} to ${data.regionCode}: ${text}`}
            onClick={(e) => {
              // The pane beneath would otherwise take the click as "select nothing".
              e.stopPropagation();
              select({ kind: "edge", id });
            }}
            className={`nodrag absolute rounded border bg-white px-1 py-px font-mono text-[10px] dark:bg-slate-900 ${
              off
                ? "border-dashed border-slate-400 text-slate-500 dark:border-slate-600 dark:text-slate-400"
                : "border-sky-500 text-sky-800 dark:border-sky-500 dark:text-sky-300"
            } ${selected ? "ring-2 ring-sky-500" : ""}`}
            style={{
              transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
              pointerEvents: "all",
              zIndex: 999,
            }}
          >
            {text}
          </button>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}
