// The part of the model that planning reads, in one query: regions with their stacks, clusters
// with replicas and links, routing policies with their rules, residency rules.
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";

export async function loadPlanningModel(db: Db, deploymentId: string) {
  const deployment = await db.deployment.findUnique({
    where: { id: deploymentId },
    include: {
      regions: {
        include: { region: true, stack: { orderBy: { kind: "asc" } } },
        orderBy: [{ createdAt: "asc" }, { regionId: "asc" }],
      },
      clusters: {
        orderBy: [{ name: "asc" }],
        include: {
          replicas: { orderBy: [{ createdAt: "asc" }, { name: "asc" }] },
          links: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
        },
      },
      policies: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { rules: { orderBy: [{ priority: "asc" }, { createdAt: "asc" }] } },
      },
      residencyRules: { orderBy: { name: "asc" } },
    },
  });
  if (!deployment) throw notFound(`deployment ${deploymentId}`);
  return deployment;
}

export type PlanningModel = Awaited<ReturnType<typeof loadPlanningModel>>;
export type ModelPolicy = PlanningModel["policies"][number];

/** The regions a policy health-checks: every enabled rule's region (a drained region is still probed). */
export function checkedRegionIds(policy: ModelPolicy): string[] {
  return [...new Set(policy.rules.filter((rule) => rule.enabled).map((rule) => rule.regionId))];
}

/** The regions a policy sends traffic to now: enabled, not drained, and (when weighted) with a weight. */
export function trafficRegionIds(policy: ModelPolicy): string[] {
  const takesTraffic = (rule: ModelPolicy["rules"][number]) =>
    rule.enabled && !rule.drained && (policy.steering !== "WEIGHTED" || rule.weight > 0);
  return [...new Set(policy.rules.filter(takesTraffic).map((rule) => rule.regionId))];
}
