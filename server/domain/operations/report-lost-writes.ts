// The acknowledged writes an operation lost, for its report: the ledger's ids acknowledged before
// the run ended that the cluster's primary (found through the server directory) now lacks.
import type { Tx } from "@/server/db";
import { loadDriverTopology } from "@/server/domain/driver-sessions/driver-topology";
import { serverDirectoryFor } from "@/server/domain/driver-sessions/server-directory";
import { countLostWrites } from "@/server/lab/lost-writes";

/** Bounded: the count runs in the engine's transaction as the run ends (its timeout is 60 s). */
const COUNT_TIMEOUT_MS = 15_000;

/**
 * The count, or why it could not be made (a sentence). The window starts where the cluster's
 * previous operation ended, whose report counted what was lost before: a write lost in an earlier
 * failover is not this run's. It starts before this run does, since a failover's losses were
 * acknowledged by the primary before it died, before anyone asked for the failover.
 */
export async function measureLostWrites(
  tx: Tx,
  op: { id: string; clusterId: string; deploymentId: string },
  scope: { deployment: string; cluster: string },
  until: Date,
): Promise<{ acknowledged: number; lost: number } | string> {
  const previous = await tx.operation.findFirst({
    where: { clusterId: op.clusterId, id: { not: op.id }, finishedAt: { lt: until } },
    orderBy: { finishedAt: "desc" },
    select: { finishedAt: true },
  });
  const topology = await loadDriverTopology(tx, op.deploymentId);
  const cluster = topology.clusters.find((c) => c.id === op.clusterId);
  if (cluster && cluster.writeTopology !== "SINGLE_PRIMARY")
    return "the count is made against the one primary, and an active-active cluster has a writer in every region (the drain's own wait checks that the regions taking its traffic hold every write it acknowledged)";
  const primaries = topology.replicas.filter((r) => r.clusterId === op.clusterId && r.role === "PRIMARY");
  if (primaries.length !== 1) return `the cluster has ${primaries.length} primaries in the model, not one`;
  const { driverKind } = await tx.deployment.findUniqueOrThrow({
    where: { id: op.deploymentId },
    select: { driverKind: true },
  });
  const directory = await serverDirectoryFor(tx, op.deploymentId, driverKind, topology);
  const endpoint = directory?.servers[primaries[0]!.id];
  if (!directory || !endpoint) return directory?.absentReason ?? "the primary's server is not known";
  try {
    const counted = await countLostWrites(
      tx,
      endpoint,
      { ...scope, ...(previous?.finishedAt ? { since: previous.finishedAt } : {}), until },
      COUNT_TIMEOUT_MS,
    );
    return { acknowledged: counted.acknowledged, lost: counted.lost };
  } catch (error) {
    return `the primary did not answer (${error instanceof Error ? error.message : String(error)})`;
  }
}
