// The zoomed-out graph: one node per region summing up what it holds, one edge per pair of regions
// joined by replication, carrying the worst of their links. The static part comes from the model;
// `summarizeRegion` and `aggregateLinks` add the live values each snapshot brings.
import type { DeploymentModelData } from "@/components/topology/model-types";
import { label } from "@/lib/topology/words";

import type { StaticGraph } from "./build-graph";
import {
  edgeIdOf,
  nodeIdOf,
  type RegionLinkEdge,
  type RegionLinkEdgeData,
  type RegionSummaryNode,
  type RegionSummaryNodeData,
} from "./graph-types";
import type { LiveIndex } from "./live-merge";

const WRITER_ROLES = new Set(["PRIMARY", "MULTI_MASTER"]);

/** Regions and the links between them, every region present even with nothing in it. */
export function buildOverviewGraph(deployment: DeploymentModelData): StaticGraph {
  const regionOf = new Map<string, string>();
  const replicasIn = new Map<string, { ids: string[]; names: string[]; clusters: Set<string>; writer: boolean }>();
  for (const cluster of deployment.clusters) {
    for (const replica of cluster.replicas) {
      regionOf.set(replica.id, replica.regionId);
      const entry = replicasIn.get(replica.regionId) ?? { ids: [], names: [], clusters: new Set(), writer: false };
      entry.ids.push(replica.id);
      entry.names.push(replica.name);
      entry.clusters.add(cluster.name);
      entry.writer ||= WRITER_ROLES.has(replica.role);
      replicasIn.set(replica.regionId, entry);
    }
  }

  const inbound = new Map<string, string[]>();
  const pairs = new Map<string, { source: string; target: string; linkIds: string[] }>();
  for (const cluster of deployment.clusters) {
    for (const link of cluster.links) {
      const source = regionOf.get(link.sourceReplicaId);
      const target = regionOf.get(link.targetReplicaId);
      if (!source || !target) continue;
      inbound.set(target, [...(inbound.get(target) ?? []), link.id]);
      if (source === target) continue;
      const key = edgeIdOf.regionLink(source, target);
      const pair = pairs.get(key) ?? { source, target, linkIds: [] };
      pair.linkIds.push(link.id);
      pairs.set(key, pair);
    }
  }

  const codeOf = new Map(deployment.regions.map((placement) => [placement.regionId, placement.region.code]));
  const nodes = [...deployment.regions]
    .sort((a, b) => a.region.code.localeCompare(b.region.code))
    .map((placement): RegionSummaryNode => {
      const held = replicasIn.get(placement.regionId);
      const clusterNames = [...(held?.clusters ?? [])].sort();
      return {
        id: nodeIdOf.region(placement.regionId),
        type: "regionSummary",
        position: { x: 0, y: 0 },
        ariaLabel: `Region ${placement.region.code}`,
        data: {
          regionId: placement.regionId,
          code: placement.region.code,
          displayName: placement.region.displayName,
          provider: label(placement.region.provider),
          replicaIds: held?.ids ?? [],
          inboundLinkIds: inbound.get(placement.regionId) ?? [],
          clusterNames,
          modelWriter: held?.writer ?? false,
          writer: held?.writer ?? false,
          measured: false,
          overRpo: false,
          openAlerts: 0,
          // Zoomed out, a search for a cluster or a replica finds the regions holding it.
          searchText: [placement.region.code, placement.region.displayName, ...clusterNames, ...(held?.names ?? [])]
            .join(" ")
            .toLowerCase(),
        },
      };
    });
  const edges = [...pairs.entries()].map(([id, pair]): RegionLinkEdge => ({
    id,
    type: "regionLink",
    source: nodeIdOf.region(pair.source),
    target: nodeIdOf.region(pair.target),
    ariaLabel: `Replication ${codeOf.get(pair.source)} to ${codeOf.get(pair.target)}`,
    data: {
      sourceCode: codeOf.get(pair.source) ?? "?",
      targetCode: codeOf.get(pair.target) ?? "?",
      linkIds: pair.linkIds,
      measured: false,
      overRpo: false,
      openAlerts: 0,
    },
  }));
  return { nodes, edges };
}

/** The worst lag of these links now, undefined while no snapshot has any of them. */
export function worstLagMs(linkIds: readonly string[], live: LiveIndex): number | undefined {
  let worst: number | undefined;
  for (const id of linkIds) {
    const link = live.links.get(id);
    if (link) worst = Math.max(worst ?? 0, link.lagMs);
  }
  return worst;
}

/** What changes how the links draw (measured or not, over the RPO, alerts); their lag is read apart. */
function worstOf(linkIds: readonly string[], live: LiveIndex) {
  let measured = false;
  let overRpo = false;
  let openAlerts = 0;
  for (const id of linkIds) {
    const link = live.links.get(id);
    openAlerts += live.alertsByTarget.get(id) ?? 0;
    if (!link) continue;
    measured = true;
    overRpo ||= link.overRpo;
  }
  return { measured, overRpo, openAlerts };
}

/**
 * A region's live summary: its health; whether the links into it (how far its copies are
 * behind) are measured and over the RPO (their worst lag is live text, live-text.ts); its open alerts and those of the links into it; a writer when one of its replicas
 * takes writes now (the model's roles until a snapshot says).
 */
export function summarizeRegion(data: RegionSummaryNodeData, live: LiveIndex): RegionSummaryNodeData {
  const { measured, overRpo, openAlerts } = worstOf(data.inboundLinkIds, live);
  const replicas = data.replicaIds.map((id) => live.replicas.get(id));
  const writer = replicas.some((replica) => replica !== undefined)
    ? replicas.some((replica) => replica?.writable && !replica.fenced)
    : data.modelWriter;
  return {
    ...data,
    status: live.regions.get(data.regionId)?.status,
    writer,
    measured,
    overRpo,
    openAlerts: openAlerts + (live.alertsByTarget.get(data.regionId) ?? 0),
  };
}

/** The links from one region to another as one: measured, over the RPO if any is, all their alerts. */
export function aggregateLinks(data: RegionLinkEdgeData, live: LiveIndex): RegionLinkEdgeData {
  return { ...data, ...worstOf(data.linkIds, live) };
}
