// Replicas of a database cluster, one per region, with their role and fencing epoch.
import type { TReplicaInput, TReplicaUpdate } from "@/lib/topology/contracts";
import { label } from "@/lib/topology/words";
import type { Db, Tx } from "@/server/db";
import type { Actor } from "@/server/domain/identity/actor";
import { AppError, conflict, invalid, notFound } from "@/server/errors";

import { refuseWhileOperating } from "./active-operation";
import { auditCreated, auditDeleted, auditUpdated, changedFields } from "./audit-change";
import { requireRegionInDeployment } from "./deployment-regions";

// Region and cluster are where a replica is: moving one is a new replica, not an edit.
/** Locks the cluster row, so two requests cannot each add "the" primary at the same moment. */
async function lockCluster(tx: Tx, clusterId: string) {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`select id from "DatabaseCluster" where id = ${clusterId} for update`;
  if (rows.length === 0) throw notFound("the database cluster");
  return tx.databaseCluster.findUniqueOrThrow({ where: { id: clusterId }, include: { replicas: true } });
}

type ClusterWithReplicas = Awaited<ReturnType<typeof lockCluster>>;

function checkRoleFitsCluster(cluster: ClusterWithReplicas, role: TReplicaInput["role"]) {
  if (cluster.writeTopology === "SINGLE_PRIMARY" && role === "MULTI_MASTER") {
    throw invalid(
      "role",
      `cluster ${cluster.name} is single-primary: a replica is its primary or a read replica, not multi-master`,
    );
  }
  if (cluster.writeTopology === "MULTI_PRIMARY" && role === "PRIMARY") {
    throw invalid("role", `cluster ${cluster.name} is multi-primary: its writable replicas are multi-master`);
  }
}

export async function createReplica(db: Db, actor: Actor, input: TReplicaInput) {
  return db.$transaction(async (tx) => {
    const cluster = await lockCluster(tx, input.clusterId);
    await refuseWhileOperating(tx, { clusterId: cluster.id }, `adding replica ${input.name}`, "role");
    await requireRegionInDeployment(tx, cluster.deploymentId, input.regionId);
    checkRoleFitsCluster(cluster, input.role);
    if (cluster.replicas.some((r) => r.name === input.name))
      throw conflict(`cluster ${cluster.name} already has a replica named ${input.name}`, "name");
    if (cluster.writeTopology === "SINGLE_PRIMARY") {
      const primary = cluster.replicas.find((r) => r.role === "PRIMARY");
      if (input.role === "PRIMARY" && primary) {
        throw invalid(
          "role",
          `cluster ${cluster.name} already has a primary (${primary.name}): a single-primary cluster has exactly one`,
        );
      }
      if (input.role !== "PRIMARY" && !primary) {
        throw invalid("role", `cluster ${cluster.name} has no primary yet: its first replica must be the primary`);
      }
    }
    const replica = await tx.replica.create({ data: { ...input, deploymentId: cluster.deploymentId } });
    await auditCreated(
      tx,
      actor,
      "replica",
      replica,
      `added ${label(input.role).toLowerCase()} replica ${input.name} to cluster ${cluster.name}`,
    );
    return replica;
  });
}

export async function updateReplica(db: Db, actor: Actor, input: TReplicaUpdate) {
  return db.$transaction(async (tx) => {
    const found = await tx.replica.findUnique({ where: { id: input.id } });
    if (!found) throw notFound("the replica");
    const cluster = await lockCluster(tx, found.clusterId);
    await refuseWhileOperating(tx, { clusterId: cluster.id }, `editing replica ${found.name}`, "name");
    const before = cluster.replicas.find((r) => r.id === input.id) ?? found;
    const next = {
      name: input.name ?? before.name,
      role: input.role ?? before.role,
      endpoint: input.endpoint === undefined ? before.endpoint : input.endpoint,
    };
    checkRoleFitsCluster(cluster, next.role);
    if (next.role !== before.role && cluster.writeTopology === "SINGLE_PRIMARY") {
      // Moving the primary is an operation with fencing and catch-up, never a field edit.
      throw invalid(
        "role",
        `the primary of ${cluster.name} moves by a planned switchover or failover (Operations), not by editing a replica's role`,
      );
    }
    if (next.name !== before.name && cluster.replicas.some((r) => r.name === next.name)) {
      throw conflict(`cluster ${cluster.name} already has a replica named ${next.name}`, "name");
    }
    const after = await tx.replica.update({ where: { id: before.id }, data: next });
    await auditUpdated(
      tx,
      actor,
      "replica",
      before,
      after,
      `updated replica ${before.name}: ${changedFields(before, next).join(", ") || "no change"}`,
    );
    return after;
  });
}

export async function deleteReplica(db: Db, actor: Actor, input: { id: string; cascade: boolean }) {
  return db.$transaction(async (tx) => {
    const found = await tx.replica.findUnique({ where: { id: input.id } });
    if (!found) throw notFound("the replica");
    const cluster = await lockCluster(tx, found.clusterId);
    await refuseWhileOperating(tx, { clusterId: cluster.id }, `removing replica ${found.name}`);
    if (found.role === "PRIMARY" && cluster.replicas.length > 1) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `${found.name} is the primary of ${cluster.name}: switch the primary to another replica before removing it`,
      );
    }
    const links = await tx.replicationLink.count({
      where: { OR: [{ sourceReplicaId: found.id }, { targetReplicaId: found.id }] },
    });
    if (links > 0 && !input.cascade) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `replica ${found.name} is an end of ${links} replication links: confirm to delete them with it`,
        { field: "cascade" },
      );
    }
    await tx.replicationLink.deleteMany({
      where: { OR: [{ sourceReplicaId: found.id }, { targetReplicaId: found.id }] },
    });
    await tx.replica.delete({ where: { id: found.id } });
    await auditDeleted(
      tx,
      actor,
      "replica",
      found,
      `removed replica ${found.name} from ${cluster.name}${links ? ` with ${links} links` : ""}`,
    );
    return found;
  });
}
