// Replication links: data flowing from one replica to another of the same cluster.
import type { TLinkInput, TLinkUpdate } from "@/lib/topology/contracts";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/domain/identity/actor";
import { conflict, invalid, notFound } from "@/server/errors";

import { refuseWhileOperating } from "./active-operation";
import { auditCreated, auditDeleted, auditUpdated, changedFields } from "./audit-change";

export async function createLink(db: Db, actor: Actor, input: TLinkInput) {
  if (input.sourceReplicaId === input.targetReplicaId) {
    throw invalid("targetReplicaId", "a replication link joins two different replicas, never a replica to itself");
  }
  return db.$transaction(async (tx) => {
    const [source, target] = await Promise.all([
      tx.replica.findUnique({ where: { id: input.sourceReplicaId }, include: { cluster: true } }),
      tx.replica.findUnique({ where: { id: input.targetReplicaId } }),
    ]);
    if (!source) throw invalid("sourceReplicaId", "the source replica does not exist");
    if (!target) throw invalid("targetReplicaId", "the target replica does not exist");
    if (source.clusterId !== target.clusterId) {
      throw invalid(
        "targetReplicaId",
        `a replication link joins two replicas of the same cluster: ${target.name} is not in ${source.cluster.name}`,
      );
    }
    if (source.cluster.writeTopology === "SINGLE_PRIMARY" && target.role === "PRIMARY") {
      throw invalid(
        "targetReplicaId",
        `${target.name} is the primary of ${source.cluster.name}: in a single-primary cluster nothing replicates into the primary`,
      );
    }
    await refuseWhileOperating(tx, { clusterId: source.clusterId }, `linking ${source.name} → ${target.name}`);
    const clash = await tx.replicationLink.findUnique({
      where: { sourceReplicaId_targetReplicaId: { sourceReplicaId: source.id, targetReplicaId: target.id } },
    });
    if (clash) throw conflict(`a link from ${source.name} to ${target.name} already exists`, "targetReplicaId");
    const link = await tx.replicationLink.create({ data: { ...input, clusterId: source.clusterId } });
    await auditCreated(
      tx,
      actor,
      "link",
      link,
      `linked ${source.name} → ${target.name} (${input.mode}, ${input.expectedVolumeGbPerDay} GB/day)`,
    );
    return link;
  });
}

export async function updateLink(db: Db, actor: Actor, input: TLinkUpdate) {
  return db.$transaction(async (tx) => {
    const before = await tx.replicationLink.findUnique({ where: { id: input.id } });
    if (!before) throw notFound("the replication link");
    await refuseWhileOperating(tx, { clusterId: before.clusterId }, "editing a replication link");
    const next = {
      mode: input.mode ?? before.mode,
      expectedVolumeGbPerDay: input.expectedVolumeGbPerDay ?? before.expectedVolumeGbPerDay,
    };
    const after = await tx.replicationLink.update({ where: { id: before.id }, data: next });
    await auditUpdated(
      tx,
      actor,
      "link",
      before,
      after,
      `updated replication link: ${changedFields(before, next).join(", ") || "no change"}`,
    );
    return after;
  });
}

export async function deleteLink(db: Db, actor: Actor, input: { id: string }) {
  return db.$transaction(async (tx) => {
    const before = await tx.replicationLink.findUnique({ where: { id: input.id } });
    if (!before) throw notFound("the replication link");
    await refuseWhileOperating(tx, { clusterId: before.clusterId }, "removing a replication link");
    await tx.replicationLink.delete({ where: { id: before.id } });
    await auditDeleted(tx, actor, "link", before, "removed a replication link");
    return before;
  });
}
