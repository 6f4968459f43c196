// Which regions a deployment runs in. A stack, replica or routing rule may only use these.
import type { Db } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import type { Actor } from "@/server/domain/identity/actor";
import { AppError, conflict, notFound } from "@/server/errors";

export async function addRegionToDeployment(db: Db, actor: Actor, input: { deploymentId: string; regionId: string }) {
  return db.$transaction(async (tx) => {
    const deployment = await tx.deployment.findUnique({ where: { id: input.deploymentId } });
    if (!deployment) throw notFound("the deployment");
    const region = await tx.region.findUnique({ where: { id: input.regionId } });
    if (!region) throw notFound("the region");
    const key = { deploymentId_regionId: input };
    if (await tx.deploymentRegion.findUnique({ where: key })) {
      throw conflict(`${deployment.name} already runs in ${region.code}`, "regionId");
    }
    const placement = await tx.deploymentRegion.create({ data: input });
    await recordAudit(tx, actor, {
      action: "deployment.region.add",
      objectType: "deployment",
      objectId: deployment.id,
      summary: `added region ${region.code} to ${deployment.name}`,
      after: placement,
    });
    return placement;
  });
}

export async function removeRegionFromDeployment(
  db: Db,
  actor: Actor,
  input: { deploymentId: string; regionId: string; cascade: boolean },
) {
  return db.$transaction(async (tx) => {
    const where = { deploymentId: input.deploymentId, regionId: input.regionId };
    const placement = await tx.deploymentRegion.findUnique({
      where: { deploymentId_regionId: where },
      include: { deployment: true, region: true, _count: { select: { stack: true, replicas: true, rules: true } } },
    });
    if (!placement) throw notFound("that region in this deployment");
    const { stack, replicas, rules } = placement._count;
    if (stack + replicas + rules > 0 && !input.cascade) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `${placement.region.code} still holds ${stack} stack components, ${replicas} replicas and ${rules} routing rules in ${placement.deployment.name}: confirm to remove them too`,
        { field: "cascade" },
      );
    }
    const replicaIds = (await tx.replica.findMany({ where, select: { id: true } })).map((r) => r.id);
    const primaries = await tx.replica.count({ where: { ...where, role: "PRIMARY" } });
    if (primaries > 0) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `${placement.region.code} holds a primary replica: switch the primary to another region before removing this one`,
      );
    }
    await tx.replicationLink.deleteMany({
      where: { OR: [{ sourceReplicaId: { in: replicaIds } }, { targetReplicaId: { in: replicaIds } }] },
    });
    await tx.replica.deleteMany({ where });
    await tx.routingRule.deleteMany({ where });
    await tx.stackComponent.deleteMany({ where });
    await tx.deploymentRegion.delete({ where: { deploymentId_regionId: where } });
    await recordAudit(tx, actor, {
      action: "deployment.region.remove",
      objectType: "deployment",
      objectId: input.deploymentId,
      summary: `removed region ${placement.region.code} from ${placement.deployment.name}${input.cascade ? ` with ${stack} stack components, ${replicas} replicas and ${rules} rules` : ""}`,
      before: { regionId: input.regionId, stack, replicas, rules },
    });
  });
}

/** Refuses, with the reason, a region that is not part of the deployment. */
export async function requireRegionInDeployment(
  tx: Pick<Db, "deploymentRegion" | "region">,
  deploymentId: string,
  regionId: string,
  field = "regionId",
) {
  const placement = await tx.deploymentRegion.findUnique({
    where: { deploymentId_regionId: { deploymentId, regionId } },
  });
  if (!placement) {
    const region = await tx.region.findUnique({ where: { id: regionId } });
    throw new AppError(
      "BAD_REQUEST",
      region
        ? `region ${region.code} is not part of this deployment: add it to the deployment first`
        : "the region does not exist",
      { field },
    );
  }
}
