"use client";

// A database replica inside its region: name, role (the primary stands out), fencing epoch, and
// whether it takes writes or is fenced, live.
import type { NodeProps } from "@xyflow/react";

import { Badge } from "@/components/ui/layout";
import { label } from "@/lib/topology/words";

import type { ReplicaNode } from "./graph-types";
import { HiddenHandles } from "./hidden-handles";
import { useHighlighted } from "./highlights";
import { emphasis } from "./status-badges";

export function ReplicaNodeView({ id, data, selected }: NodeProps<ReplicaNode>) {
  const highlighted = useHighlighted(id);
  const primary = data.role === "PRIMARY";
  return (
    <div
      data-testid={`replica-node-${data.name}`}
      data-role={data.role}
      className={`h-full w-full rounded-md border bg-white px-2 py-1 text-slate-900 dark:bg-slate-950 dark:text-slate-100 ${primary ? "border-emerald-600 dark:border-emerald-500" : "border-slate-300 dark:border-slate-700"} ${emphasis(selected, highlighted)}`}
    >
      <HiddenHandles kind="replica" />
      <div className="flex items-center gap-1.5">
        <span className={`truncate text-xs ${primary ? "font-bold" : "font-medium"}`}>{data.name}</span>
        <span className="ml-auto shrink-0">
          {primary ? (
            <Badge tone="good">
              <strong>Primary</strong>
            </Badge>
          ) : (
            <Badge tone={data.role === "MULTI_MASTER" ? "info" : "neutral"}>{label(data.role)}</Badge>
          )}
        </span>
      </div>
      <div className="mt-0.5 flex items-center gap-1.5 text-[11px] text-slate-600 dark:text-slate-400">
        <span className="truncate">{data.clusterName}</span>
        <span className="font-mono" title={`Fencing epoch ${data.epoch}`}>
          e{data.epoch}
        </span>
        <span className="ml-auto shrink-0">
          {data.fenced ? (
            <Badge tone="bad">fenced</Badge>
          ) : data.writable === undefined ? null : data.writable ? (
            <Badge tone="info">writable</Badge>
          ) : (
            <Badge>read-only</Badge>
          )}
        </span>
      </div>
    </div>
  );
}
