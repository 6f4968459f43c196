// Kiali's find and hide, for the graph: hide every region that holds no replica of one cluster
// (a static cut, laid out anew), and find (highlight) regions by health or open alerts, which
// follows the live values without moving anything.
import type { DeploymentModelData } from "@/components/topology/model-types";

import type { RegionSummaryNode } from "./graph-types";
import type { LiveIndex } from "./live-merge";
import { summarizeRegion } from "./region-summary";

export type FindFilter = "none" | "unhealthy" | "alerts";
export const FIND_OPTIONS: { value: FindFilter; label: string }[] = [
  { value: "none", label: "Nothing" },
  { value: "unhealthy", label: "Regions not healthy" },
  { value: "alerts", label: "Regions with open alerts" },
];

/** The deployment cut down to one cluster: its replicas and links, and the regions holding them. */
export function onlyCluster(deployment: DeploymentModelData, clusterName: string): DeploymentModelData {
  if (!clusterName) return deployment;
  const clusters = deployment.clusters.filter((cluster) => cluster.name === clusterName);
  const regionIds = new Set(clusters.flatMap((cluster) => cluster.replicas.map((replica) => replica.regionId)));
  return {
    ...deployment,
    clusters,
    regions: deployment.regions.filter((placement) => regionIds.has(placement.regionId)),
    policies: deployment.policies.map((policy) => ({
      ...policy,
      rules: policy.rules.filter((rule) => regionIds.has(rule.regionId)),
    })),
  };
}

/** The ids of the region nodes the find filter picks out, by their live summary. */
export function findRegions(regions: readonly RegionSummaryNode[], live: LiveIndex, find: FindFilter): string[] {
  if (find === "none") return [];
  return regions
    .filter((node) => {
      const summary = summarizeRegion(node.data, live);
      return find === "unhealthy"
        ? summary.status !== undefined && summary.status !== "HEALTHY"
        : summary.openAlerts > 0;
    })
    .map((node) => node.id);
}
