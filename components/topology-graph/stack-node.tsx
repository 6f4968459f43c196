"use client";

// A stack component inside its region: what it is on one line, at which tier and how many of what
// size on the next (one line cut the names short: "Comp…", "Object sto…").
import type { NodeProps } from "@xyflow/react";

import { Badge } from "@/components/ui/layout";
import { TIER_TONE } from "@/components/ui/tones";
import { label, sizeLabel } from "@/lib/topology/words";

import type { StackNode } from "./graph-types";
import { useHighlighted } from "./highlights";
import { emphasis } from "./status-badges";

export function StackNodeView({ id, data, selected }: NodeProps<StackNode>) {
  const highlighted = useHighlighted(id);
  return (
    <div
      className={`flex h-full w-full flex-col justify-center gap-0.5 rounded-md border border-dashed border-slate-300 bg-white/80 px-2 text-xs text-slate-800 dark:border-slate-700 dark:bg-slate-950/80 dark:text-slate-200 ${emphasis(selected, highlighted)}`}
    >
      <span className="font-medium leading-tight" title={data.kind}>
        {data.kind}
      </span>
      <span className="flex items-center gap-2 leading-tight">
        <Badge tone={TIER_TONE[data.tier]}>{label(data.tier)}</Badge>
        <span className="ml-auto shrink-0 tabular-nums">{sizeLabel(data)}</span>
      </span>
    </div>
  );
}
