// Database clusters: an engine, how it takes writes, and how it settles conflicting ones.
import { ZClusterInput, type TClusterInput, type TClusterUpdate } from "@/lib/topology/contracts";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/domain/identity/actor";
import { AppError, conflict, invalid, notFound } from "@/server/errors";

import { refuseWhileOperating } from "./active-operation";
import { auditCreated, auditDeleted, auditUpdated, changedFields, mergedValid } from "./audit-change";

/** A multi-primary cluster must say how it settles conflicting writes; a single-primary one has none. */
function checkConflictStrategy(input: Pick<TClusterInput, "writeTopology" | "conflictStrategy">) {
  if (input.writeTopology === "MULTI_PRIMARY" && input.conflictStrategy === "NONE") {
    throw invalid(
      "conflictStrategy",
      "a multi-primary cluster needs a conflict strategy (last-write-wins, CRDT or application merge)",
    );
  }
}

export async function createCluster(db: Db, actor: Actor, input: TClusterInput) {
  checkConflictStrategy(input);
  return db.$transaction(async (tx) => {
    if (!(await tx.deployment.findUnique({ where: { id: input.deploymentId } }))) throw notFound("the deployment");
    if (
      await tx.databaseCluster.findUnique({
        where: { deploymentId_name: { deploymentId: input.deploymentId, name: input.name } },
      })
    ) {
      throw conflict(`this deployment already has a cluster named ${input.name}`, "name");
    }
    const cluster = await tx.databaseCluster.create({ data: input });
    await auditCreated(
      tx,
      actor,
      "cluster",
      cluster,
      `created database cluster ${input.name} (${input.engine}, ${input.writeTopology})`,
    );
    return cluster;
  });
}

export async function updateCluster(db: Db, actor: Actor, input: TClusterUpdate) {
  return db.$transaction(async (tx) => {
    const before = await tx.databaseCluster.findUnique({ where: { id: input.id }, include: { replicas: true } });
    if (!before) throw notFound("the database cluster");
    await refuseWhileOperating(tx, { clusterId: before.id }, `editing cluster ${before.name}`);
    const { replicas, ...cluster } = before;
    const next = mergedValid(ZClusterInput, cluster, input);
    checkConflictStrategy(next);
    if (next.writeTopology !== cluster.writeTopology && replicas.length > 0) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `cluster ${cluster.name} has ${replicas.length} replicas: change their roles through a new cluster rather than flipping its write topology`,
        { field: "writeTopology" },
      );
    }
    if (
      next.name !== cluster.name &&
      (await tx.databaseCluster.findUnique({
        where: { deploymentId_name: { deploymentId: cluster.deploymentId, name: next.name } },
      }))
    ) {
      throw conflict(`this deployment already has a cluster named ${next.name}`, "name");
    }
    const { deploymentId: _fixed, ...data } = next;
    const after = await tx.databaseCluster.update({ where: { id: cluster.id }, data });
    await auditUpdated(
      tx,
      actor,
      "cluster",
      cluster,
      after,
      `updated cluster ${cluster.name}: ${changedFields(cluster, next).join(", ") || "no change"}`,
    );
    return after;
  });
}

export async function deleteCluster(db: Db, actor: Actor, input: { id: string; cascade: boolean }) {
  return db.$transaction(async (tx) => {
    const before = await tx.databaseCluster.findUnique({
      where: { id: input.id },
      include: { _count: { select: { replicas: true, links: true } } },
    });
    if (!before) throw notFound("the database cluster");
    await refuseWhileOperating(tx, { clusterId: before.id }, `deleting cluster ${before.name}`);
    const { _count: counts, ...cluster } = before;
    if (counts.replicas > 0 && !input.cascade) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `cluster ${cluster.name} still has ${counts.replicas} replicas and ${counts.links} replication links: confirm to delete them with it`,
        { field: "cascade" },
      );
    }
    await tx.replicationLink.deleteMany({ where: { clusterId: cluster.id } });
    await tx.replica.deleteMany({ where: { clusterId: cluster.id } });
    await tx.databaseCluster.delete({ where: { id: cluster.id } });
    await auditDeleted(
      tx,
      actor,
      "cluster",
      cluster,
      `deleted cluster ${cluster.name}${counts.replicas ? ` with ${counts.replicas} replicas and ${counts.links} links` : ""}`,
    );
    return cluster;
  });
}
