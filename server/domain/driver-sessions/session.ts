// Acting on a deployment's driver inside the caller's transaction: the DriverState row is locked
// (FOR UPDATE) so the observer and other engine workers wait, the twin is resumed from what was
// last saved, and afterwards both the twin's state and the model (roles, epochs, link ends,
// routing rules) are written back in the same transaction. A crash before the commit leaves no
// trace of the action; after it, the step's record and the effect exist together.
import type { Tx } from "@/server/db";
import { loadDriverTopology, topologyFingerprint } from "@/server/domain/driver-sessions/driver-topology";
import { resumption, type SavedDriverState } from "@/server/domain/driver-sessions/saved-state";
import { EMPTY_TRACKING } from "@/server/domain/telemetry/assess";
import { syncDriverFaults } from "@/server/domain/telemetry/faults";
import { createDriver } from "@/server/drivers/registry";
import type { DeploymentTopology, Driver } from "@/server/drivers/types";

export type DriverSession = { driver: Driver; before: DeploymentTopology };

export async function withDriverSession<T>(
  tx: Tx,
  deploymentId: string,
  nowMs: number,
  act: (session: DriverSession) => Promise<T>,
): Promise<T> {
  const deployment = await tx.deployment.findUniqueOrThrow({
    where: { id: deploymentId },
    select: { driverKind: true },
  });
  await tx.driverState.createMany({ data: [{ deploymentId, kind: deployment.driverKind }], skipDuplicates: true });
  const [row] = await tx.$queryRaw<{ state: SavedDriverState | null }[]>`
    select state from "DriverState" where "deploymentId" = ${deploymentId} for update`;
  const saved = row?.state ?? null;
  const before = await loadDriverTopology(tx, deploymentId);
  const fingerprint = topologyFingerprint(before);
  const driver = createDriver({
    deploymentId,
    kind: deployment.driverKind as "sim",
    topology: before,
    ...resumption(saved, fingerprint, nowMs, true),
  });
  await syncDriverFaults(tx, driver, deploymentId, nowMs);

  const result = await act({ driver, before });

  const after = await driver.currentTopology();
  await writeModel(tx, before, after);
  const state: SavedDriverState = {
    // writeModel made the model equal to the twin's topology, so its fingerprint is the model's.
    fingerprint: topologyFingerprint(after),
    driver: driver.exportState(),
    tracking: saved && saved.fingerprint === fingerprint ? saved.tracking : EMPTY_TRACKING,
    atMs: Math.max(nowMs, saved?.atMs ?? 0),
  };
  // ticks + 1 tells an observer that claimed a tick before this commit that its copy is stale.
  await tx.$executeRaw`
    update "DriverState" set state = ${JSON.stringify(state)}::jsonb, ticks = ticks + 1, "updatedAt" = now()
    where "deploymentId" = ${deploymentId}`;
  return result;
}

/** Writes what the driver changed back into the model, so the console and the next tick agree with it. */
async function writeModel(tx: Tx, before: DeploymentTopology, after: DeploymentTopology): Promise<void> {
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
