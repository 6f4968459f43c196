// While an operation runs on a cluster, the engine owns what it moves: who is primary, the links, the
// routing. An edit of the model then is refused with a sentence, checked under the cluster's row
// lock (startOperation takes the same lock), so an edit and the start of an operation are ordered:
// either the edit commits first and the plan the operation runs sees it, or the edit sees the run.
// What raced before: a rename of the new primary committing with the promotion, a routing rule
// edited during the routing shift, a second PRIMARY added while a gated promotion waited, the
// target replica deleted while its operation waited for approval.
import { ACTIVE_STATUSES } from "@/lib/operations/contracts";
import { RUNBOOK_LABELS, statusWords } from "@/lib/operations/words";
import type { Tx } from "@/server/db";
import { conflict } from "@/server/errors";

/** Locks the clusters (of one cluster, or of a whole deployment for its routing) in id order. */
async function lockClusters(tx: Tx, where: { clusterId: string } | { deploymentId: string }) {
  if ("clusterId" in where)
    await tx.$queryRaw`select id from "DatabaseCluster" where id = ${where.clusterId} for update`;
  else
    await tx.$queryRaw`select id from "DatabaseCluster" where "deploymentId" = ${where.deploymentId} order by id for update`;
}

/**
 * Refuses `what` (an edit, in words: "renaming replica db-1") while an operation is active on the
 * cluster, or, for routing (which serves every cluster), on any cluster of the deployment.
 */
export async function refuseWhileOperating(
  tx: Tx,
  where: { clusterId: string } | { deploymentId: string },
  what: string,
  field?: string,
): Promise<void> {
  await lockClusters(tx, where);
  const op = await tx.operation.findFirst({
    where: { ...where, status: { in: [...ACTIVE_STATUSES] } },
    include: { requestedBy: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  if (!op) return;
  const cluster = await tx.databaseCluster.findUnique({ where: { id: op.clusterId }, select: { name: true } });
  throw conflict(
    `${what} is refused while ${RUNBOOK_LABELS[op.runbook].toLowerCase()} ${op.id.slice(0, 8)} (requested by ${op.requestedBy.name}) is ${statusWords(op.status)} on cluster ${cluster?.name ?? op.clusterId}: the run owns the primary, the links and the routing until it ends; wait for it to finish, or abort it first`,
    field,
  );
}
