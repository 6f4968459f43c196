"use client";

// The side panel of a selected node or edge: what the model says about it, its live values, a
// sparkline of the last 15 minutes (lag for a link, traffic for a region) and its open alerts.
// Each kind of selection is described in a file of its own (selection/).
import type { DeploymentModelData } from "@/components/topology/model-types";
import { Button } from "@/components/ui/button";
import type { LiveSnapshot } from "@/lib/telemetry/contracts";

import type { GraphSelection } from "./graph-types";
import type { LiveIndex } from "./live-merge";
import type { Context, Described } from "./selection/facts";
import { describeLink } from "./selection/link-details";
import { describePolicy } from "./selection/policy-details";
import { describeRegion } from "./selection/region-details";
import { describeReplica } from "./selection/replica-details";
import { describeRule } from "./selection/rule-details";
import { describeStack } from "./selection/stack-details";

type Props = {
  deployment: DeploymentModelData;
  selection: GraphSelection;
  live: LiveIndex;
  snapshot: LiveSnapshot | undefined;
  onClose: () => void;
};

export function SelectionPanel({ deployment, selection, live, snapshot, onClose }: Props) {
  const [kind, ...rest] = selection.id.split(":");
  const id = rest.join(":");
  const alertsFor = (...targetIds: string[]) =>
    (snapshot?.alerts ?? []).filter((alert) => targetIds.includes(alert.targetId));
  const body = describe(kind ?? "", id, { deployment, live, alertsFor });

  return (
    <aside
      aria-label="Selected element"
      className="flex max-h-full w-80 flex-col overflow-hidden rounded-lg border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900"
    >
      <header className="flex items-start justify-between gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <div className="min-w-0">
          <p className="text-xs uppercase tracking-wide text-slate-500">{body?.kindLabel ?? "Element"}</p>
          <h3 className="truncate text-sm font-semibold">{body?.title ?? "No longer in the model"}</h3>
        </div>
        <Button size="sm" variant="ghost" onClick={onClose} aria-label="Close details">
          Close
        </Button>
      </header>
      <div className="space-y-4 overflow-y-auto px-3 py-3 text-sm">
        {body?.content ?? <p className="text-slate-500">This element was removed from the model.</p>}
      </div>
    </aside>
  );
}

function describe(kind: string, id: string, context: Context): Described | null {
  switch (kind) {
    case "region":
      return describeRegion(id, context);
    case "replica":
      return describeReplica(id, context);
    case "stack":
      return describeStack(id, context);
    case "policy":
      return describePolicy(id, context);
    case "link":
      return describeLink(id, context);
    case "rule":
      return describeRule(id, context);
    case "regions":
      return describeRegionPair(id, context);
    default:
      return null;
  }
}

/** Zoomed out, an edge joins the links between two regions: it is described by the worst of them. */
function describeRegionPair(id: string, context: Context): Described | null {
  const [from, to] = id.split(">");
  const regionOf = new Map(
    context.deployment.clusters.flatMap((cluster) => cluster.replicas.map((replica) => [replica.id, replica.regionId])),
  );
  const links = context.deployment.clusters
    .flatMap((cluster) => cluster.links)
    .filter((link) => regionOf.get(link.sourceReplicaId) === from && regionOf.get(link.targetReplicaId) === to);
  const lagOf = (linkId: string) => context.live.links.get(linkId)?.lagMs ?? -1;
  const worst = links.sort((a, b) => lagOf(b.id) - lagOf(a.id))[0];
  return worst ? describeLink(worst.id, context) : null;
}
