// A gate before a chosen step. One guarding the promotion is asked before the fence, with the
// primary still taking writes, so that nobody decides inside the fenced window: an approval lets the
// window run back to back (the wait is outside the outage), a rejection has nothing fenced to undo.
import { describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { engineTick } from "@/server/domain/operations/engine/engine";
import { userWithPassword } from "@/tests/factories";
import { approveAll, opsEstate, request, runToEnd, writers } from "@/tests/operations-estate";

async function gatedAtPromote() {
  const estate = await opsEstate();
  const admin = await userWithPassword("ADMIN");
  await admin.caller.operations.setPolicy({
    deploymentId: estate.deploymentId,
    runbook: "SWITCHOVER",
    approvalsRequired: 1,
    approverRole: "APPROVER",
    expiresAfterSeconds: 600,
    gatedSteps: ["PROMOTE"],
    lagToleranceSeconds: 5,
  });
  const { operationId } = await request(estate.deploymentId, "SWITCHOVER");
  await approveAll(operationId);
  let nowMs = Date.now();
  for (let i = 0; i < 50; i += 1) {
    nowMs += 500;
    await engineTick(db, nowMs);
    if ((await db.approvalGate.count({ where: { operationId, beforeRun: false, status: "OPEN" } })) > 0) break;
  }
  return { estate, operationId, nowMs };
}

describe("a gate guarding the promotion", { timeout: 120_000 }, () => {
  it("is asked before the fence, while the primary still writes; the wait stays outside the outage", async () => {
    const { estate, operationId, nowMs } = await gatedAtPromote();
    const op = await db.operation.findUniqueOrThrow({
      where: { id: operationId },
      include: { steps: { orderBy: { index: "asc" } } },
    });
    expect(op.status).toBe("AWAITING_APPROVAL");
    expect(op.steps.find((s) => s.kind === "FENCE")?.status).toBe("PENDING");
    expect(await writers(estate.deploymentId, estate.clusterId)).toEqual([estate.primary.id]);
    const gate = await db.approvalGate.findFirstOrThrow({ where: { operationId, beforeRun: false } });
    expect(gate.context).toMatchObject({ stepTitle: expect.stringMatching(/^Fence writes on the current primary/) });
    expect((op.plan as { steps: { kind: string; gated: boolean }[] }).steps.filter((s) => s.gated)).toEqual([
      expect.objectContaining({ kind: "FENCE" }),
    ]);

    const { op: done } = await runToEnd(estate.deploymentId, operationId, nowMs + 5000);
    expect(done.status).toBe("SUCCEEDED");
    const report = done.report as { measuredRtoSeconds: number; phases: { phase: string; seconds: number }[] };
    expect(report.phases.find((p) => p.phase === "approval")).toBeUndefined();
    expect(report.phases.reduce((total, p) => total + p.seconds, 0)).toBeCloseTo(report.measuredRtoSeconds, 1);
  });

  it("a rejection there has fenced nothing: the old primary keeps its epoch and its writes", async () => {
    const { estate, operationId, nowMs } = await gatedAtPromote();
    const gate = await db.approvalGate.findFirstOrThrow({ where: { operationId, beforeRun: false, status: "OPEN" } });
    const approver = await userWithPassword("APPROVER");
    await approver.caller.operations.decide({
      gateId: gate.id,
      decision: "REJECT",
      password: approver.password,
      contextHash: gate.contextHash,
      comment: "standby looks wrong",
    });
    let now = nowMs;
    for (let i = 0; i < 20; i += 1) await engineTick(db, (now += 500));

    const op = await db.operation.findUniqueOrThrow({ where: { id: operationId }, include: { steps: true } });
    expect(op.status).toBe("REJECTED");
    expect(op.failureReason).toMatch(/rejected before step \d+ by .*standby looks wrong/);
    expect(
      op.steps
        .filter((s) => s.status === "ROLLED_BACK")
        .map((s) => s.kind)
        .sort(),
    ).toEqual(["SCALE_UP"]);
    const primary = await db.replica.findUniqueOrThrow({ where: { id: estate.primary.id } });
    expect(primary).toMatchObject({ role: "PRIMARY", epoch: estate.primary.epoch });
    expect(await writers(estate.deploymentId, estate.clusterId)).toEqual([estate.primary.id]);
  });
});

describe("a gate past the point of no return", { timeout: 120_000 }, () => {
  async function gatedAt(runbook: "SWITCHOVER" | "DRILL", kind: string) {
    const estate = await opsEstate();
    const admin = await userWithPassword("ADMIN");
    await admin.caller.operations.setPolicy({
      deploymentId: estate.deploymentId,
      runbook,
      approvalsRequired: 1,
      approverRole: "APPROVER",
      expiresAfterSeconds: 600,
      gatedSteps: [kind as "VERIFY_WRITES"],
      lagToleranceSeconds: 5,
    });
    const { operationId } = await request(estate.deploymentId, runbook);
    await approveAll(operationId);
    let nowMs = Date.now();
    for (
      let i = 0;
      i < 80 && !(await db.approvalGate.count({ where: { operationId, beforeRun: false, status: "OPEN" } }));
      i += 1
    )
      await engineTick(db, (nowMs += 500));
    const gate = await db.approvalGate.findFirstOrThrow({ where: { operationId, beforeRun: false, status: "OPEN" } });
    const approver = await userWithPassword("APPROVER");
    await approver.caller.operations.decide({
      gateId: gate.id,
      decision: "REJECT",
      password: approver.password,
      contextHash: gate.contextHash,
      comment: "stop here",
    });
    for (let i = 0; i < 10; i += 1) await engineTick(db, (nowMs += 500));
    return {
      estate,
      op: await db.operation.findUniqueOrThrow({ where: { id: operationId }, include: { steps: true } }),
    };
  }

  it("a rejection after the promotion undoes nothing: routing keeps following the new primary", async () => {
    const { estate, op } = await gatedAt("SWITCHOVER", "VERIFY_WRITES");
    expect(op.status).toBe("REJECTED");
    expect(op.failureReason).toMatch(
      /stop here; past step \d+ "Promote .*", which cannot be undone, nothing was rolled back/,
    );
    expect(op.steps.filter((s) => s.status === "ROLLED_BACK")).toHaveLength(0);
    const rules = await db.routingRule.findMany({ where: { policy: { deploymentId: estate.deploymentId } } });
    const priorityOf = (regionId: string) => rules.find((r) => r.regionId === regionId)!.priority;
    expect(priorityOf(estate.standby.regionId)).toBeLessThan(priorityOf(estate.primary.regionId));
    expect((await db.replica.findUniqueOrThrow({ where: { id: estate.standby.id } })).role).toBe("PRIMARY");
  });

  it("a drill stopped after its failover still clears the outage it injected", async () => {
    const { estate, op } = await gatedAt("DRILL", "CLEAR_FAULT");
    expect(op.status).toBe("REJECTED");
    expect(op.steps.find((s) => s.kind === "INJECT_FAULT")?.status).toBe("ROLLED_BACK");
    expect(await db.fault.count({ where: { deploymentId: estate.deploymentId, clearedAt: null } })).toBe(0);
    const rules = await db.routingRule.findMany({ where: { policy: { deploymentId: estate.deploymentId } } });
    expect(rules.find((r) => r.regionId === estate.primary.regionId)?.drained).toBe(true);
  });
});
