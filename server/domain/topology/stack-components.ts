// What runs in each region of a deployment: compute, databases, caches, storage, CDN.
import { ZStackComponentInput, type TStackComponentInput, type TStackComponentUpdate } from "@/lib/topology/contracts";
import { label } from "@/lib/topology/words";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/domain/identity/actor";
import { conflict, notFound } from "@/server/errors";

import { auditCreated, auditDeleted, auditUpdated, changedFields, mergedValid } from "./audit-change";
import { requireRegionInDeployment } from "./deployment-regions";

export async function createStackComponent(db: Db, actor: Actor, input: TStackComponentInput) {
  return db.$transaction(async (tx) => {
    await requireRegionInDeployment(tx, input.deploymentId, input.regionId);
    const clash = await tx.stackComponent.findUnique({
      where: {
        deploymentId_regionId_kind: { deploymentId: input.deploymentId, regionId: input.regionId, kind: input.kind },
      },
    });
    if (clash) throw conflict(`this region already has a ${input.kind.toLowerCase()} component: edit that one`, "kind");
    const component = await tx.stackComponent.create({ data: input });
    await auditCreated(
      tx,
      actor,
      "stack",
      component,
      `added ${label(input.kind)} (${label(input.tier).toLowerCase()}, ${input.instanceCount} × ${input.instanceSize})`,
    );
    return component;
  });
}

export async function updateStackComponent(db: Db, actor: Actor, input: TStackComponentUpdate) {
  return db.$transaction(async (tx) => {
    const before = await tx.stackComponent.findUnique({ where: { id: input.id } });
    if (!before) throw notFound("the stack component");
    const next = mergedValid(ZStackComponentInput, before, input);
    const after = await tx.stackComponent.update({
      where: { id: before.id },
      data: { tier: next.tier, instanceCount: next.instanceCount, instanceSize: next.instanceSize },
    });
    await auditUpdated(
      tx,
      actor,
      "stack",
      before,
      after,
      `updated ${label(before.kind)}: ${changedFields(before, next).join(", ") || "no change"}`,
    );
    return after;
  });
}

export async function deleteStackComponent(db: Db, actor: Actor, input: { id: string }) {
  return db.$transaction(async (tx) => {
    const before = await tx.stackComponent.findUnique({ where: { id: input.id } });
    if (!before) throw notFound("the stack component");
    await tx.stackComponent.delete({ where: { id: before.id } });
    await auditDeleted(tx, actor, "stack", before, `removed ${label(before.kind)} component`);
    return before;
  });
}
