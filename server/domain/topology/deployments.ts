// Deployments: one system and its DR plan (model, RTO/RPO and availability targets).
import {
  ZDeploymentInput,
  type TDeploymentCreate,
  type TDeploymentInput,
  type TDeploymentUpdate,
} from "@/lib/topology/contracts";
import type { Db, Tx } from "@/server/db";
import type { Actor } from "@/server/domain/identity/actor";
import { AppError, conflict, notFound } from "@/server/errors";

import { auditCreated, auditDeleted, auditUpdated, changedFields, mergedValid } from "./audit-change";

export function listDeployments(db: Db) {
  return db.deployment.findMany({
    orderBy: { name: "asc" },
    include: { _count: { select: { regions: true, clusters: true, policies: true } } },
  });
}

/** The whole model of one deployment, as the topology and model pages show it. */
export async function getDeployment(db: Db, idOrSlug: string) {
  const deployment = await db.deployment.findFirst({
    where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] },
    include: {
      regions: { include: { region: true, stack: { orderBy: { kind: "asc" } } }, orderBy: { createdAt: "asc" } },
      clusters: {
        orderBy: { name: "asc" },
        include: {
          replicas: { orderBy: { name: "asc" } },
          links: { orderBy: { createdAt: "asc" } },
        },
      },
      policies: {
        orderBy: { name: "asc" },
        include: { rules: { orderBy: [{ priority: "asc" }, { createdAt: "asc" }] } },
      },
    },
  });
  if (!deployment) throw notFound(`deployment ${idOrSlug}`);
  return deployment;
}

/** A deployment without a driver kind runs the simulated twin (the schema's default). */
export async function createDeployment(
  db: Db,
  actor: Actor,
  input: TDeploymentInput & { driverKind?: TDeploymentCreate["driverKind"] },
) {
  return db.$transaction(async (tx) => {
    if (await tx.deployment.findUnique({ where: { slug: input.slug } })) {
      throw conflict(`a deployment with slug ${input.slug} already exists`, "slug");
    }
    const deployment = await tx.deployment.create({ data: input });
    await auditCreated(tx, actor, "deployment", deployment, `created deployment ${input.name}`);
    return deployment;
  });
}

export async function updateDeployment(db: Db, actor: Actor, input: TDeploymentUpdate) {
  return db.$transaction(async (tx) => {
    const before = await tx.deployment.findUnique({ where: { id: input.id } });
    if (!before) throw notFound("the deployment");
    const next = mergedValid(ZDeploymentInput, before, input);
    if (next.slug !== before.slug && (await tx.deployment.findUnique({ where: { slug: next.slug } }))) {
      throw conflict(`a deployment with slug ${next.slug} already exists`, "slug");
    }
    const after = await tx.deployment.update({ where: { id: before.id }, data: next });
    await auditUpdated(
      tx,
      actor,
      "deployment",
      before,
      after,
      `updated deployment ${before.name}: ${changedFields(before, next).join(", ") || "no change"}`,
    );
    return after;
  });
}

export async function deleteDeployment(db: Db, actor: Actor, input: { id: string; cascade: boolean }) {
  return db.$transaction(async (tx) => {
    const before = await tx.deployment.findUnique({
      where: { id: input.id },
      include: { _count: { select: { regions: true, clusters: true, policies: true } } },
    });
    if (!before) throw notFound("the deployment");
    const { _count: counts, ...deployment } = before;
    const dependents = counts.regions + counts.clusters + counts.policies;
    if (dependents > 0 && !input.cascade) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `deployment ${deployment.name} still has ${counts.regions} regions, ${counts.clusters} database clusters and ${counts.policies} routing policies: confirm to delete them with it`,
        { field: "cascade" },
      );
    }
    await deleteDeploymentContents(tx, deployment.id);
    await tx.deployment.delete({ where: { id: deployment.id } });
    await auditDeleted(
      tx,
      actor,
      "deployment",
      deployment,
      `deleted deployment ${deployment.name}${dependents ? ` and its ${dependents} regions, clusters and policies` : ""}`,
    );
    return deployment;
  });
}

/** Children first: the schema restricts deletes so that nothing vanishes without this confirmation. */
async function deleteDeploymentContents(tx: Tx, deploymentId: string) {
  // Planning rows describe the deployment and mean nothing without it.
  await tx.scenario.deleteMany({ where: { deploymentId } });
  await tx.residencyRule.deleteMany({ where: { deploymentId } });
  await tx.routingRule.deleteMany({ where: { deploymentId } });
  await tx.trafficPolicy.deleteMany({ where: { deploymentId } });
  await tx.replicationLink.deleteMany({ where: { cluster: { deploymentId } } });
  await tx.replica.deleteMany({ where: { deploymentId } });
  await tx.databaseCluster.deleteMany({ where: { deploymentId } });
  await tx.stackComponent.deleteMany({ where: { deploymentId } });
  await tx.deploymentRegion.deleteMany({ where: { deploymentId } });
}
