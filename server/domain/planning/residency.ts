// Data residency rules: groups of a deployment's regions whose data must stay inside them.
import type { TResidencyRuleInput } from "@/lib/planning/contracts";
import type { Db } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import type { Actor } from "@/server/domain/identity/actor";
import { AppError, conflict, notFound } from "@/server/errors";

export async function listResidencyRules(db: Db, deploymentId: string) {
  if (!(await db.deployment.findUnique({ where: { id: deploymentId }, select: { id: true } })))
    throw notFound("the deployment");
  return db.residencyRule.findMany({ where: { deploymentId }, orderBy: { name: "asc" } });
}

export async function createResidencyRule(db: Db, actor: Actor, input: TResidencyRuleInput) {
  const { deploymentId, name } = input;
  const regionIds = [...new Set(input.regionIds)];
  return db.$transaction(async (tx) => {
    const deployment = await tx.deployment.findUnique({
      where: { id: deploymentId },
      include: { regions: { include: { region: true } } },
    });
    if (!deployment) throw notFound("the deployment");
    const placed = new Set(deployment.regions.map((placement) => placement.regionId));
    const strangers = regionIds.filter((regionId) => !placed.has(regionId));
    if (strangers.length > 0) {
      const known = await tx.region.findMany({ where: { id: { in: strangers } }, select: { id: true, code: true } });
      const label = (regionId: string) =>
        known.find((region) => region.id === regionId)?.code ?? `${regionId} (no such region)`;
      throw new AppError(
        "BAD_REQUEST",
        `The regions must be regions of deployment ${deployment.name}: ${strangers.map(label).join(", ")} ${strangers.length === 1 ? "is" : "are"} not`,
        { field: "regionIds" },
      );
    }
    if (await tx.residencyRule.findUnique({ where: { deploymentId_name: { deploymentId, name } } })) {
      throw conflict(`deployment ${deployment.name} already has a residency rule named ${name}`, "name");
    }
    const rule = await tx.residencyRule.create({ data: { deploymentId, name, regionIds } });
    const codes = deployment.regions
      .filter((placement) => regionIds.includes(placement.regionId))
      .map((placement) => placement.region.code);
    await recordAudit(tx, actor, {
      action: "residencyRule.create",
      objectType: "residencyRule",
      objectId: rule.id,
      summary: `created residency rule ${name} for ${deployment.name}: data stays in ${codes.join(", ")}`,
      after: rule,
    });
    return rule;
  });
}

export async function deleteResidencyRule(db: Db, actor: Actor, input: { id: string }) {
  return db.$transaction(async (tx) => {
    const before = await tx.residencyRule.findUnique({ where: { id: input.id } });
    if (!before) throw notFound("the residency rule");
    await tx.residencyRule.delete({ where: { id: before.id } });
    await recordAudit(tx, actor, {
      action: "residencyRule.delete",
      objectType: "residencyRule",
      objectId: before.id,
      summary: `deleted residency rule ${before.name}`,
      before,
    });
    return before;
  });
}
