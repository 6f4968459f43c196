// Global routing: a traffic policy (DNS or anycast proxy, steering, health check) and its rules,
// each sending traffic to one region of the deployment.
import {
  ZPolicyInput,
  ZRuleInput,
  type TPolicyInput,
  type TPolicyUpdate,
  type TRuleInput,
  type TRuleUpdate,
} from "@/lib/topology/contracts";
import { label } from "@/lib/topology/words";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/domain/identity/actor";
import { AppError, conflict, invalid, notFound } from "@/server/errors";

import { refuseWhileOperating } from "./active-operation";
import { auditCreated, auditDeleted, auditUpdated, changedFields, mergedValid } from "./audit-change";
import { requireRegionInDeployment } from "./deployment-regions";

/** The product decides the layer: Route 53 and Traffic Manager answer DNS, the others proxy. */
const PRODUCT_LAYER = {
  ROUTE53: "DNS",
  AZURE_TRAFFIC_MANAGER: "DNS",
  CLOUDFLARE_LB: "ANYCAST_PROXY",
  AZURE_FRONT_DOOR: "ANYCAST_PROXY",
  LAB: null,
} as const;

function checkProductLayer(input: Pick<TPolicyInput, "product" | "layer">) {
  const expected = PRODUCT_LAYER[input.product];
  if (expected && expected !== input.layer) {
    throw invalid("layer", `${label(input.product)} works at the ${label(expected)} layer`);
  }
}

export async function createPolicy(db: Db, actor: Actor, input: TPolicyInput) {
  checkProductLayer(input);
  return db.$transaction(async (tx) => {
    if (!(await tx.deployment.findUnique({ where: { id: input.deploymentId } }))) throw notFound("the deployment");
    if (
      await tx.trafficPolicy.findUnique({
        where: { deploymentId_name: { deploymentId: input.deploymentId, name: input.name } },
      })
    ) {
      throw conflict(`this deployment already has a routing policy named ${input.name}`, "name");
    }
    const policy = await tx.trafficPolicy.create({ data: input });
    await auditCreated(
      tx,
      actor,
      "policy",
      policy,
      `created routing policy ${input.name} (${input.product}, ${input.steering})`,
    );
    return policy;
  });
}

export async function updatePolicy(db: Db, actor: Actor, input: TPolicyUpdate) {
  return db.$transaction(async (tx) => {
    const before = await tx.trafficPolicy.findUnique({ where: { id: input.id } });
    if (!before) throw notFound("the routing policy");
    await refuseWhileOperating(tx, { deploymentId: before.deploymentId }, `editing routing policy ${before.name}`);
    const next = mergedValid(ZPolicyInput, before, input);
    checkProductLayer(next);
    if (
      next.name !== before.name &&
      (await tx.trafficPolicy.findUnique({
        where: { deploymentId_name: { deploymentId: before.deploymentId, name: next.name } },
      }))
    ) {
      throw conflict(`this deployment already has a routing policy named ${next.name}`, "name");
    }
    const { deploymentId: _fixed, ...data } = next;
    const after = await tx.trafficPolicy.update({ where: { id: before.id }, data });
    await auditUpdated(
      tx,
      actor,
      "policy",
      before,
      after,
      `updated routing policy ${before.name}: ${changedFields(before, next).join(", ") || "no change"}`,
    );
    return after;
  });
}

export async function deletePolicy(db: Db, actor: Actor, input: { id: string; cascade: boolean }) {
  return db.$transaction(async (tx) => {
    const before = await tx.trafficPolicy.findUnique({
      where: { id: input.id },
      include: { _count: { select: { rules: true } } },
    });
    if (!before) throw notFound("the routing policy");
    const { _count: counts, ...policy } = before;
    await refuseWhileOperating(tx, { deploymentId: policy.deploymentId }, `deleting routing policy ${policy.name}`);
    if (counts.rules > 0 && !input.cascade) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `policy ${policy.name} still routes to ${counts.rules} regions: confirm to delete its rules with it`,
        { field: "cascade" },
      );
    }
    await tx.routingRule.deleteMany({ where: { policyId: policy.id } });
    await tx.trafficPolicy.delete({ where: { id: policy.id } });
    await auditDeleted(
      tx,
      actor,
      "policy",
      policy,
      `deleted routing policy ${policy.name}${counts.rules ? ` with ${counts.rules} rules` : ""}`,
    );
    return policy;
  });
}

export async function createRule(db: Db, actor: Actor, input: TRuleInput) {
  return db.$transaction(async (tx) => {
    const policy = await tx.trafficPolicy.findUnique({ where: { id: input.policyId } });
    if (!policy) throw notFound("the routing policy");
    await refuseWhileOperating(
      tx,
      { deploymentId: policy.deploymentId },
      `adding a rule to routing policy ${policy.name}`,
    );
    await requireRegionInDeployment(tx, policy.deploymentId, input.regionId);
    if (
      await tx.routingRule.findUnique({
        where: { policyId_regionId: { policyId: policy.id, regionId: input.regionId } },
      })
    ) {
      throw conflict(`policy ${policy.name} already has a rule for this region: edit that one`, "regionId");
    }
    const rule = await tx.routingRule.create({ data: { ...input, deploymentId: policy.deploymentId } });
    await auditCreated(
      tx,
      actor,
      "rule",
      rule,
      `added routing rule to ${policy.name} (weight ${input.weight}, priority ${input.priority})`,
    );
    return rule;
  });
}

export async function updateRule(db: Db, actor: Actor, input: TRuleUpdate) {
  return db.$transaction(async (tx) => {
    const before = await tx.routingRule.findUnique({ where: { id: input.id } });
    if (!before) throw notFound("the routing rule");
    await refuseWhileOperating(tx, { deploymentId: before.deploymentId }, "editing a routing rule");
    const next = mergedValid(ZRuleInput, before, input);
    const data = {
      weight: next.weight,
      priority: next.priority,
      geoMatch: next.geoMatch,
      enabled: next.enabled,
      drained: next.drained,
    };
    const after = await tx.routingRule.update({ where: { id: before.id }, data });
    await auditUpdated(
      tx,
      actor,
      "rule",
      before,
      after,
      `updated routing rule: ${changedFields(before, data).join(", ") || "no change"}`,
    );
    return after;
  });
}

export async function deleteRule(db: Db, actor: Actor, input: { id: string }) {
  return db.$transaction(async (tx) => {
    const before = await tx.routingRule.findUnique({ where: { id: input.id } });
    if (!before) throw notFound("the routing rule");
    await refuseWhileOperating(tx, { deploymentId: before.deploymentId }, "removing a routing rule");
    await tx.routingRule.delete({ where: { id: before.id } });
    await auditDeleted(tx, actor, "rule", before, "removed a routing rule");
    return before;
  });
}
