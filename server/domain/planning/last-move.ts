// Where the primary of a cluster came from: the newest completed switchover or failover that made
// the replica primary. A failback returns it there; both the failback's plan and its cost ask here.
import type { Tx } from "@/server/db";

export type PrimaryMove = { id: string; runbook: "FAILOVER" | "SWITCHOVER"; sourceReplicaId: string };

export async function lastMoveTo(db: Tx, clusterId: string, replicaId: string): Promise<PrimaryMove | null> {
  const moved = await db.operation.findFirst({
    where: { clusterId, status: "SUCCEEDED", runbook: { in: ["FAILOVER", "SWITCHOVER"] }, targetReplicaId: replicaId },
    orderBy: { createdAt: "desc" },
    select: { id: true, runbook: true, sourceReplicaId: true },
  });
  return moved ? { ...moved, runbook: moved.runbook as PrimaryMove["runbook"] } : null;
}
