// What an acting session changed in the driver (roles, epochs, link ends, routing rules), written
// back into the model in the same transaction, so the console and the next session agree with it.
import type { Tx } from "@/server/db";
import type { DeploymentTopology } from "@/server/drivers/types";

/** Writes what the driver changed back into the model, so the console and the next tick agree with it. */
export async function writeModel(tx: Tx, before: DeploymentTopology, after: DeploymentTopology): Promise<void> {
  const old = new Map(before.replicas.map((r) => [r.id, r]));
  const changed = after.replicas.filter((r) => old.get(r.id)?.role !== r.role || old.get(r.id)?.epoch !== r.epoch);
  // Demotions first: the database allows one PRIMARY per cluster at every moment, as the driver does.
  for (const replica of [...changed].sort(
    (a, b) => Number(a.role !== "READ_REPLICA") - Number(b.role !== "READ_REPLICA"),
  )) {
    await tx.replica.update({ where: { id: replica.id }, data: { role: replica.role, epoch: replica.epoch } });
  }
  const oldLinks = new Map(before.links.map((l) => [l.id, l]));
  for (const link of after.links) {
    const was = oldLinks.get(link.id);
    if (was && (was.sourceReplicaId !== link.sourceReplicaId || was.targetReplicaId !== link.targetReplicaId)) {
      await tx.replicationLink.update({
        where: { id: link.id },
        data: { sourceReplicaId: link.sourceReplicaId, targetReplicaId: link.targetReplicaId },
      });
    }
  }
  const oldRules = new Map(before.routingPolicies.flatMap((p) => p.rules).map((r) => [r.id, r]));
  for (const rule of after.routingPolicies.flatMap((p) => p.rules)) {
    const was = oldRules.get(rule.id);
    if (
      was &&
      (was.weight !== rule.weight ||
        was.priority !== rule.priority ||
        was.enabled !== rule.enabled ||
        was.drained !== rule.drained)
    ) {
      await tx.routingRule.update({
        where: { id: rule.id },
        data: { weight: rule.weight, priority: rule.priority, enabled: rule.enabled, drained: rule.drained },
      });
    }
  }
}
