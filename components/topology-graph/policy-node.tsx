"use client";

// A routing policy at the top of the graph: the traffic's way in, with its product and steering.
import type { NodeProps } from "@xyflow/react";

import { label } from "@/lib/topology/words";

import type { PolicyNode } from "./graph-types";
import { HiddenHandles } from "./hidden-handles";
import { useHighlighted } from "./highlights";
import { emphasis } from "./status-badges";

export function PolicyNodeView({ id, data, selected }: NodeProps<PolicyNode>) {
  const highlighted = useHighlighted(id);
  return (
    <div
      className={`h-full w-full rounded-lg border-2 border-sky-600 bg-sky-50 px-3 py-2 text-slate-900 dark:border-sky-500 dark:bg-sky-950 dark:text-slate-100 ${emphasis(selected, highlighted)}`}
    >
      <HiddenHandles kind="policy" />
      <p className="truncate text-sm font-semibold">{data.name}</p>
      <p className="truncate text-xs text-slate-600 dark:text-slate-400">
        {data.product} · {label(data.steering)} · {data.layer}
      </p>
    </div>
  );
}
