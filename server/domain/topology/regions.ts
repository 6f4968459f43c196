// Regions: places where deployments run, shared across deployments (one AWS us-east-1 for all).
import { ZRegionInput, type TRegionInput, type TRegionUpdate } from "@/lib/topology/contracts";
import { label } from "@/lib/topology/words";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/domain/identity/actor";
import { AppError, conflict, notFound } from "@/server/errors";

import { auditCreated, auditDeleted, auditUpdated, changedFields, mergedValid } from "./audit-change";

export function listRegions(db: Db) {
  return db.region.findMany({
    orderBy: [{ provider: "asc" }, { code: "asc" }],
    include: { _count: { select: { deployments: true } } },
  });
}

export async function createRegion(db: Db, actor: Actor, input: TRegionInput) {
  return db.$transaction(async (tx) => {
    const clash = await tx.region.findUnique({
      where: { provider_code: { provider: input.provider, code: input.code } },
    });
    if (clash) throw conflict(`a ${label(input.provider)} region with code ${input.code} already exists`, "code");
    const region = await tx.region.create({ data: input });
    await auditCreated(tx, actor, "region", region, `created region ${label(input.provider)} ${input.code}`);
    return region;
  });
}

export async function updateRegion(db: Db, actor: Actor, input: TRegionUpdate) {
  return db.$transaction(async (tx) => {
    const before = await tx.region.findUnique({ where: { id: input.id } });
    if (!before) throw notFound("the region");
    const next = mergedValid(ZRegionInput, before, input);
    if (next.provider !== before.provider || next.code !== before.code) {
      const clash = await tx.region.findUnique({
        where: { provider_code: { provider: next.provider, code: next.code } },
      });
      if (clash && clash.id !== before.id)
        throw conflict(`a ${label(next.provider)} region with code ${next.code} already exists`, "code");
    }
    const after = await tx.region.update({ where: { id: before.id }, data: next });
    await auditUpdated(
      tx,
      actor,
      "region",
      before,
      after,
      `updated region ${before.code}: ${changedFields(before, next).join(", ") || "no change"}`,
    );
    return after;
  });
}

export async function deleteRegion(db: Db, actor: Actor, input: { id: string }) {
  return db.$transaction(async (tx) => {
    const before = await tx.region.findUnique({
      where: { id: input.id },
      include: { deployments: { include: { deployment: { select: { name: true } } } } },
    });
    if (!before) throw notFound("the region");
    if (before.deployments.length > 0) {
      const names = before.deployments.map((d) => d.deployment.name).join(", ");
      throw new AppError(
        "CONFLICT",
        `region ${before.code} is used by ${names}: remove it from those deployments first`,
      );
    }
    const { deployments: _unused, ...region } = before;
    await tx.region.delete({ where: { id: region.id } });
    await auditDeleted(tx, actor, "region", region, `deleted region ${label(region.provider)} ${region.code}`);
    return region;
  });
}
