// The model of a deployment as planning reads it, in one query: regions with their stacks,
// clusters with replicas and links, routing policies with their rules (each replica and rule with
// its region), residency rules. An operation's plan reads the same, once (plan/context.ts).
import type { Tx } from "@/server/db";
import { notFound } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";

const withRegion = { placement: { include: { region: true } } } as const;

/**
 * Reports list a cluster's replicas in the order they were added; an operation's plan lists them
 * by name (its candidates, and the failback's fallback target, come in that order).
 */
export type ReplicaOrder = "added" | "name";

const include = (replicas: ReplicaOrder) =>
  ({
    regions: {
      include: { region: true, stack: { orderBy: { kind: "asc" } } },
      orderBy: [{ createdAt: "asc" }, { regionId: "asc" }],
    },
    clusters: {
      orderBy: [{ name: "asc" }],
      include: {
        replicas: {
          orderBy: replicas === "name" ? [{ name: "asc" }] : [{ createdAt: "asc" }, { name: "asc" }],
          include: withRegion,
        },
        links: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      },
    },
    policies: {
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { rules: { orderBy: [{ priority: "asc" }, { createdAt: "asc" }], include: withRegion } },
    },
    residencyRules: { orderBy: { name: "asc" } },
  }) satisfies Prisma.DeploymentInclude;

/** The deployment's model, or null when there is no such deployment. */
export function findPlanningModel(db: Tx, deploymentId: string, replicas: ReplicaOrder = "added") {
  return db.deployment.findUnique({ where: { id: deploymentId }, include: include(replicas) });
}

export async function loadPlanningModel(db: Tx, deploymentId: string) {
  const deployment = await findPlanningModel(db, deploymentId);
  if (!deployment) throw notFound(`deployment ${deploymentId}`);
  return deployment;
}

export type PlanningModel = NonNullable<Awaited<ReturnType<typeof findPlanningModel>>>;
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
