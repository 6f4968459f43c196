// Model edits while an operation runs on the cluster are refused with a sentence, under the
// cluster's row lock, and write nothing; once the run has ended the same edits go through.
import { describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { engineTick } from "@/server/domain/operations/engine/engine";
import { approveAll, opsEstate, request, runToEnd } from "@/tests/operations-estate";

const REFUSED =
  /is refused while planned switchover [0-9a-f]{8} \(requested by .*\) is (running|awaiting approval) on cluster .*: the run owns the primary, the links and the routing until it ends; wait for it to finish, or abort it first/;

async function runUntil(operationId: string, kind: string, fromMs: number) {
  let nowMs = fromMs;
  for (let i = 0; i < 100; i += 1) {
    nowMs += 500;
    // One move per tick: the chained critical section would pass the demotion and the promotion in one.
    await engineTick(db, nowMs, { maxMoves: 1 });
    if (await db.operationStep.count({ where: { operationId, kind, status: "SUCCEEDED" } })) return nowMs;
  }
  throw new Error(`step ${kind} never succeeded`);
}

describe("model edits racing the engine", { timeout: 120_000 }, () => {
  it("refuses renaming the replica being promoted, and editing a routing rule, during the run", async () => {
    const estate = await opsEstate();
    const { operationId, operator } = await request(estate.deploymentId, "SWITCHOVER");
    await approveAll(operationId);
    const nowMs = await runUntil(operationId, "FENCE", Date.now());
    const edits = operator.caller.topology;
    await expect(edits.updateReplica({ id: estate.standby.id, name: "renamed" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(new RegExp(`^editing replica ${estate.standby.name} ${REFUSED.source}`)),
    });
    const rule = await db.routingRule.findFirstOrThrow({ where: { policy: { deploymentId: estate.deploymentId } } });
    await expect(edits.updateRule({ id: rule.id, priority: 7 })).rejects.toThrow(/^editing a routing rule is refused/);
    expect((await db.replica.findUniqueOrThrow({ where: { id: estate.standby.id } })).name).toBe(estate.standby.name);
    expect((await db.routingRule.findUniqueOrThrow({ where: { id: rule.id } })).priority).toBe(rule.priority);

    // Once the run has ended, the same edits are the operator's again.
    const { op } = await runToEnd(estate.deploymentId, operationId, nowMs);
    expect(op.status).toBe("SUCCEEDED");
    await edits.updateReplica({ id: estate.standby.id, name: "renamed" });
    await edits.updateRule({ id: rule.id, priority: 7 });
  });

  it("refuses a new PRIMARY while the cluster has none between demotion and promotion", async () => {
    const estate = await opsEstate();
    const { operationId, operator } = await request(estate.deploymentId, "SWITCHOVER");
    await approveAll(operationId);
    await runUntil(operationId, "DEMOTE", Date.now());
    expect(await db.replica.count({ where: { clusterId: estate.clusterId, role: "PRIMARY" } })).toBe(0);
    await expect(
      operator.caller.topology.createReplica({
        clusterId: estate.clusterId,
        regionId: estate.primary.regionId,
        name: "second-writer",
        role: "PRIMARY",
      }),
    ).rejects.toThrow(/^adding replica second-writer is refused while planned switchover/);
    expect(await db.replica.count({ where: { clusterId: estate.clusterId } })).toBe(2);
  });

  it("refuses deleting the target replica of an operation waiting for approval", async () => {
    const estate = await opsEstate();
    const { operationId, operator } = await request(estate.deploymentId, "SWITCHOVER");
    expect((await db.operation.findUniqueOrThrow({ where: { id: operationId } })).status).toBe("AWAITING_APPROVAL");
    await expect(operator.caller.topology.deleteReplica({ id: estate.standby.id, cascade: true })).rejects.toThrow(
      new RegExp(`^removing replica ${estate.standby.name} ${REFUSED.source}`),
    );
    expect(await db.replica.count({ where: { id: estate.standby.id } })).toBe(1);
    expect(await db.replicationLink.count({ where: { clusterId: estate.clusterId } })).toBeGreaterThan(0);
  });
});
