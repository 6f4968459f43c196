// The engine against a driver whose world lives outside the transaction (tests/world-driver.ts, a
// stand-in for a real server): an effect that took place before its transaction was lost must be
// found in the world, not redone or undone from the model's view.
import { afterEach, describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { engineTick, SimulatedCrash } from "@/server/domain/operations/engine/engine";
import { approveAll, opsEstate, request, runToEnd } from "@/tests/operations-estate";
import { bindWorldDriver, worldOf, worldWriters } from "@/tests/world-driver";

const unbind: (() => void)[] = [];
afterEach(() => unbind.splice(0).forEach((fn) => fn()));

async function worldEstate() {
  const estate = await opsEstate();
  unbind.push(bindWorldDriver(estate.deploymentId));
  return estate;
}

/** Ticks until a move crashes right after the driver applied the step of that kind. */
async function crashAfter(operationId: string, kind: string, fromMs: number) {
  let nowMs = fromMs;
  for (let i = 0; i < 100; i += 1) {
    nowMs += 500;
    try {
      await engineTick(db, nowMs, {
        crashAt: (point, step) => point === "after-effect" && step.kind === kind && step.operationId === operationId,
      });
    } catch (error) {
      expect(error).toBeInstanceOf(SimulatedCrash);
      return nowMs;
    }
  }
  throw new Error(`step ${kind} never ran`);
}

// Whole runs tick the engine hundreds of times: on a loaded machine that takes longer than the default.
describe("a driver whose world outlives the transaction", { timeout: 120_000 }, () => {
  it("keeps an action that its transaction lost", async () => {
    const estate = await worldEstate();
    const { operationId } = await request(estate.deploymentId, "SWITCHOVER");
    await approveAll(operationId);
    await crashAfter(operationId, "FENCE", Date.now());
    // The model never heard of the fence; the world did.
    expect(await worldWriters(estate.deploymentId, estate.clusterId)).toEqual([]);
    const fence = await db.operationStep.findFirstOrThrow({ where: { operationId, kind: "FENCE" } });
    expect(fence.status).toBe("PENDING");
    // Its intent was committed before the call, on a connection of its own: it is what is left.
    const attempts = await db.stepAttempt.findMany({ where: { stepId: fence.id } });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ action: "fence", status: "ATTEMPTING", purpose: "run" });
  });

  it("a promotion whose record was lost is found done, and the run finishes with routing moved", async () => {
    const estate = await worldEstate();
    const { operationId } = await request(estate.deploymentId, "SWITCHOVER");
    await approveAll(operationId);
    const nowMs = await crashAfter(operationId, "PROMOTE", Date.now());
    expect(await worldWriters(estate.deploymentId, estate.clusterId)).toEqual([estate.standby.id]);

    // The next worker asks the world before anything else: the step is in doubt, and it took effect.
    await engineTick(db, nowMs + 500);
    const promote = await db.operationStep.findFirstOrThrow({ where: { operationId, kind: "PROMOTE" } });
    expect(promote.status).toBe("IN_DOUBT");
    expect(promote.output).toMatchObject({ inDoubt: "applied" });
    const reconciled = await db.auditRecord.findFirstOrThrow({
      where: { objectId: operationId, action: "operation.reconcile" },
    });
    expect(reconciled.summary).toMatch(/was in doubt .* so it took effect: the step is finished against the world/);

    const { op } = await runToEnd(estate.deploymentId, operationId, nowMs + 500);
    expect(op.failureReason).toBeNull();
    expect(op.status).toBe("SUCCEEDED");
    const promoted = await db.operationStep.findFirstOrThrow({ where: { operationId, kind: "PROMOTE" } });
    expect(promoted.output).toMatchObject({ alreadyPromoted: true });
    expect(await worldWriters(estate.deploymentId, estate.clusterId)).toEqual([estate.standby.id]);
    const world = await worldOf(estate.deploymentId).currentTopology();
    expect(world.replicas.find((r) => r.id === estate.standby.id)?.epoch).toBe(estate.primary.epoch + 1);
    const model = await db.replica.findUniqueOrThrow({ where: { id: estate.standby.id } });
    expect(model).toMatchObject({ role: "PRIMARY", epoch: estate.primary.epoch + 1 });
    const rules = await db.routingRule.findMany({ where: { policy: { deploymentId: estate.deploymentId } } });
    const priorityOf = (regionId: string) => rules.find((r) => r.regionId === regionId)!.priority;
    expect(priorityOf(estate.standby.regionId)).toBeLessThan(priorityOf(estate.primary.regionId));
  });

  it("an abort after a fence whose record was lost lifts the fence: one writer, not zero", async () => {
    const estate = await worldEstate();
    const { operationId, operator } = await request(estate.deploymentId, "SWITCHOVER");
    await approveAll(operationId);
    const nowMs = await crashAfter(operationId, "FENCE", Date.now());
    await operator.caller.operations.abort({ operationId, reason: "wrong window" });
    const { op } = await runToEnd(estate.deploymentId, operationId, nowMs);
    expect(op.status).toBe("ABORTED");
    expect(await worldWriters(estate.deploymentId, estate.clusterId)).toEqual([estate.primary.id]);
  });

  it("a demotion whose record was lost is undone on abort: the old primary writes again", async () => {
    const estate = await worldEstate();
    const { operationId, operator } = await request(estate.deploymentId, "SWITCHOVER");
    await approveAll(operationId);
    const nowMs = await crashAfter(operationId, "DEMOTE", Date.now());
    await operator.caller.operations.abort({ operationId, reason: "wrong window" });
    const { op } = await runToEnd(estate.deploymentId, operationId, nowMs);
    expect(op.status).toBe("ABORTED");
    expect(await worldWriters(estate.deploymentId, estate.clusterId)).toEqual([estate.primary.id]);
  });

  it("an abort after a promotion whose record was lost is withdrawn: the run finishes forward", async () => {
    const estate = await worldEstate();
    const { operationId, operator } = await request(estate.deploymentId, "SWITCHOVER");
    await approveAll(operationId);
    const nowMs = await crashAfter(operationId, "PROMOTE", Date.now());
    // The model shows no promotion, so the abort is accepted; the world has one.
    await operator.caller.operations.abort({ operationId, reason: "too late" });
    const { op } = await runToEnd(estate.deploymentId, operationId, nowMs);
    expect(op.status).toBe("SUCCEEDED");
    expect(await worldWriters(estate.deploymentId, estate.clusterId)).toEqual([estate.standby.id]);
    const withdrawn = await db.auditRecord.findFirstOrThrow({
      where: { objectId: operationId, action: "operation.abort-withdrawn" },
    });
    expect(withdrawn.summary).toMatch(/cannot be undone; the abort is withdrawn and the run finishes forward/);
  });

  it("a step whose action never reached the world is run again", async () => {
    const estate = await worldEstate();
    const { operationId } = await request(estate.deploymentId, "SWITCHOVER");
    await approveAll(operationId);
    await engineTick(db, Date.now());
    // A move lost after its intent was committed but before the world applied it.
    const fence = await db.operationStep.findFirstOrThrow({ where: { operationId, kind: "FENCE" } });
    await db.stepAttempt.create({
      data: {
        operationId,
        stepId: fence.id,
        stepIndex: fence.index,
        clusterId: estate.clusterId,
        purpose: "run",
        action: "fence",
        input: { replicaId: estate.primary.id },
        holder: "a worker that died",
      },
    });
    const { op } = await runToEnd(estate.deploymentId, operationId, Date.now());
    expect(op.status).toBe("SUCCEEDED");
    const audit = await db.auditRecord.findFirstOrThrow({
      where: { objectId: operationId, action: "operation.reconcile" },
    });
    expect(audit.summary).toMatch(/it did not take effect: the step is run again/);
    expect(await db.stepAttempt.count({ where: { operationId, status: "NOT_APPLIED" } })).toBe(1);
  });
});
