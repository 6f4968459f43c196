// Abort and failure undo what ran: the fence is lifted so the old primary takes writes again. Past
// the promotion nothing is undone and abort is refused with the reason.
import { describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";
import { engineTick } from "@/server/domain/operations/engine/engine";
import { injectFault } from "@/server/domain/telemetry/faults";
import { approveAll, opsEstate, request, runToEnd, writers } from "@/tests/operations-estate";

/** Ticks until the step of that kind has succeeded; returns the time reached. */
async function runUntil(operationId: string, kind: string, fromMs: number) {
  let nowMs = fromMs;
  for (let i = 0; i < 100; i += 1) {
    nowMs += 500;
    await engineTick(db, nowMs);
    if (await db.operationStep.count({ where: { operationId, kind, status: "SUCCEEDED" } })) return nowMs;
  }
  throw new Error(`step ${kind} never succeeded`);
}

describe("abort and rollback", () => {
  it("abort after the fence lifts it: the old primary takes writes again and the run ends ABORTED", async () => {
    const estate = await opsEstate();
    const { operationId, operator } = await request(estate.deploymentId, "SWITCHOVER");
    await approveAll(operationId);
    const nowMs = await runUntil(operationId, "FENCE", Date.now());
    expect(await writers(estate.deploymentId, estate.clusterId)).toEqual([]);

    await operator.caller.operations.abort({ operationId, reason: "wrong window" });
    const { op } = await runToEnd(estate.deploymentId, operationId, nowMs);
    expect(op.status).toBe("ABORTED");
    expect(op.failureReason).toMatch(/aborted by .*: wrong window/);
    expect(await writers(estate.deploymentId, estate.clusterId)).toEqual([estate.primary.id]);
    const fence = await db.operationStep.findFirstOrThrow({ where: { operationId, kind: "FENCE" } });
    expect(fence.status).toBe("ROLLED_BACK");
    expect(await db.operationStep.count({ where: { operationId, status: "SKIPPED" } })).toBeGreaterThan(0);
  });

  it("refuses abort past the promotion, which cannot be undone", async () => {
    const estate = await opsEstate();
    const { operationId, operator } = await request(estate.deploymentId, "SWITCHOVER");
    await approveAll(operationId);
    await runUntil(operationId, "PROMOTE", Date.now());
    await expect(operator.caller.operations.abort({ operationId, reason: "too late" })).rejects.toThrow(
      /cannot be undone.*pause it, or let it finish/,
    );
    expect((await db.operation.findUniqueOrThrow({ where: { id: operationId } })).status).toBe("RUNNING");
  });

  it("a step that times out fails the run, and the fence is lifted on the way out", async () => {
    const estate = await opsEstate();
    const { operationId } = await request(estate.deploymentId, "SWITCHOVER");
    await approveAll(operationId);
    const nowMs = await runUntil(operationId, "FENCE", Date.now());
    // The standby is cut off after the fence: it can never apply the last writes.
    const link = await db.replicationLink.findFirstOrThrow({ where: { clusterId: estate.clusterId } });
    await injectFault(db, SYSTEM_ACTOR, {
      deploymentId: estate.deploymentId,
      kind: "LINK_PARTITION",
      target: { linkId: link.id },
    });
    const { op } = await runToEnd(estate.deploymentId, operationId, nowMs, {}, 600);
    expect(op.status).toBe("FAILED");
    expect(op.failureReason).toMatch(
      /Wait until aurora-euw1 \(eu-west-1\) has applied everything .* failed: the target still lacks \d+ bytes .*gave up after 120 s/,
    );
    expect(await writers(estate.deploymentId, estate.clusterId)).toEqual([estate.primary.id]);
    expect((await db.replica.findUniqueOrThrow({ where: { id: estate.primary.id } })).role).toBe("PRIMARY");
  });
});

describe("the model edited while an operation runs", () => {
  it("keeps the fence: the twin is carried onto the new model, not started afresh", async () => {
    const estate = await opsEstate();
    const { operationId, operator } = await request(estate.deploymentId, "SWITCHOVER");
    await approveAll(operationId);
    const nowMs = await runUntil(operationId, "FENCE", Date.now());
    const rule = await db.routingRule.findFirstOrThrow({ where: { policy: { deploymentId: estate.deploymentId } } });
    await operator.caller.topology.updateRule({ id: rule.id, weight: 42 });
    const { observeDeployment } = await import("@/server/domain/telemetry/observe/observe-tick");
    await observeDeployment(db, estate.deploymentId, nowMs + 1000, { intervalMs: 1000, lagAlertAfterSeconds: 2 });
    expect(await writers(estate.deploymentId, estate.clusterId)).toEqual([]);

    const { op } = await runToEnd(estate.deploymentId, operationId, nowMs + 1000);
    expect(op.status).toBe("SUCCEEDED");
    const promote = await db.operationStep.findFirstOrThrow({ where: { operationId, kind: "PROMOTE" } });
    expect((promote.output as { lostBytes: number }).lostBytes).toBe(0);
  });
});
