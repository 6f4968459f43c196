// A gate before a chosen step (here PROMOTE): the run stops there and asks again; an approval lets
// it finish with the wait counted in the RTO, a rejection undoes the demotion and the fence.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { SimDriver } from "@/server/drivers/sim";
import { engineTick } from "@/server/domain/operations/engine";
import { userWithPassword } from "@/tests/factories";
import { approveAll, opsEstate, request, runToEnd } from "./ops-estate";

async function gatedAtPromote() {
  const estate = await opsEstate();
  const admin = await userWithPassword("ADMIN");
  await admin.caller.operations.setPolicy({ deploymentId: estate.deploymentId, runbook: "SWITCHOVER", approvalsRequired: 1, approverRole: "APPROVER", expiresAfterSeconds: 600, gatedSteps: ["PROMOTE"], lagToleranceSeconds: 5 });
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

describe("a gate before the promotion", () => {
  it("stops the run before PROMOTE until someone approves, and counts the wait in the RTO", async () => {
    const { estate, operationId, nowMs } = await gatedAtPromote();
    const op = await db.operation.findUniqueOrThrow({ where: { id: operationId }, include: { steps: { orderBy: { index: "asc" } } } });
    expect(op.status).toBe("AWAITING_APPROVAL");
    expect(op.steps.find((s) => s.kind === "DEMOTE")?.status).toBe("SUCCEEDED");
    expect(op.steps.find((s) => s.kind === "PROMOTE")?.status).toBe("PENDING");
    const gate = await db.approvalGate.findFirstOrThrow({ where: { operationId, beforeRun: false } });
    expect(gate.context).toMatchObject({ stepTitle: expect.stringMatching(/^Promote the target/) });

    const { op: done } = await runToEnd(estate.deploymentId, operationId, nowMs + 5000);
    expect(done.status).toBe("SUCCEEDED");
    const report = done.report as { phases: { phase: string; seconds: number }[] };
    expect(report.phases.find((p) => p.phase === "approval")?.seconds).toBeGreaterThan(0);
  });

  it("a rejection there re-promotes the old primary at a new epoch and lifts its fence", async () => {
    const { estate, operationId, nowMs } = await gatedAtPromote();
    const gate = await db.approvalGate.findFirstOrThrow({ where: { operationId, beforeRun: false, status: "OPEN" } });
    const approver = await userWithPassword("APPROVER");
    await approver.caller.operations.decide({ gateId: gate.id, decision: "REJECT", password: approver.password, contextHash: gate.contextHash, comment: "standby looks wrong" });
    let now = nowMs;
    for (let i = 0; i < 20; i += 1) await engineTick(db, (now += 500));

    const op = await db.operation.findUniqueOrThrow({ where: { id: operationId }, include: { steps: true } });
    expect(op.status).toBe("REJECTED");
    expect(op.failureReason).toMatch(/rejected before step \d+ by .*standby looks wrong/);
    expect(op.steps.filter((s) => s.status === "ROLLED_BACK").map((s) => s.kind).sort()).toEqual(["DEMOTE", "FENCE", "SCALE_UP"]);
    const primary = await db.replica.findUniqueOrThrow({ where: { id: estate.primary.id } });
    expect(primary).toMatchObject({ role: "PRIMARY", epoch: estate.primary.epoch + 1 });
    const saved = (await db.driverState.findUniqueOrThrow({ where: { deploymentId: estate.deploymentId } })).state as { driver: unknown };
    expect(await SimDriver.fromJSON(saved.driver).writableReplicas(estate.clusterId)).toEqual([estate.primary.id]);
  });
});
