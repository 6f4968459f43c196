// The approval rules, each refused with a sentence and without writing a decision: self-approval,
// the wrong role, the same person twice, an expired or lapsed request, a replay after rejection,
// a wrong password and a stale view.
import { describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { engineTick } from "@/server/domain/operations/engine/engine";
import { latestSnapshot, SNAPSHOT_EVENT } from "@/server/domain/telemetry/snapshot";
import { publishLiveEvent } from "@/server/events";
import { userWithPassword } from "@/tests/factories";
import { opsEstate, request } from "@/tests/operations-estate";

async function openGate(operationId: string) {
  return db.approvalGate.findFirstOrThrow({ where: { operationId, status: "OPEN" } });
}

async function setPolicy(deploymentId: string, approvalsRequired: number) {
  const admin = await userWithPassword("ADMIN");
  await admin.caller.operations.setPolicy({
    deploymentId,
    runbook: "SWITCHOVER",
    approvalsRequired,
    approverRole: "APPROVER",
    expiresAfterSeconds: 600,
    gatedSteps: [],
    lagToleranceSeconds: 2,
  });
}

const decisions = (gateId: string) => db.approvalDecision.count({ where: { gateId } });

describe("approval rules", () => {
  it("refuses the requester, the wrong role, the same person twice and a wrong password", async () => {
    const estate = await opsEstate();
    await setPolicy(estate.deploymentId, 2);
    const requester = await userWithPassword("ADMIN");
    const { operationId } = await request(estate.deploymentId, "SWITCHOVER", requester);
    const gate = await openGate(operationId);
    const decide = (who: Awaited<ReturnType<typeof userWithPassword>>, password = who.password) =>
      who.caller.operations.decide({ gateId: gate.id, decision: "APPROVE", password, contextHash: gate.contextHash });

    await expect(decide(requester)).rejects.toThrow(/you requested this operation; someone else must approve it/);
    const operator = await userWithPassword("OPERATOR");
    await expect(decide(operator)).rejects.toThrow(/needs the approver role; you are operator/);
    const approver = await userWithPassword("APPROVER");
    await expect(decide(approver, "not-my-password")).rejects.toMatchObject({
      message: expect.stringMatching(/password is not correct/),
    });
    expect(await decisions(gate.id)).toBe(0);

    await decide(approver);
    await expect(decide(approver)).rejects.toThrow(/already decided this request; the same person counts once/);
    expect(await decisions(gate.id)).toBe(1);
    expect((await db.approvalGate.findUniqueOrThrow({ where: { id: gate.id } })).status).toBe("OPEN");

    const second = await userWithPassword("APPROVER");
    await decide(second);
    expect((await db.approvalGate.findUniqueOrThrow({ where: { id: gate.id } })).status).toBe("GRANTED");
    expect(await db.auditRecord.count({ where: { objectId: gate.id, action: "approval.approve" } })).toBe(2);
  });

  it("refuses an expired request, and the engine ends the operation without changing anything", async () => {
    const estate = await opsEstate();
    const { operationId } = await request(estate.deploymentId, "SWITCHOVER");
    const gate = await openGate(operationId);
    await db.approvalGate.update({ where: { id: gate.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const approver = await userWithPassword("APPROVER");
    await expect(
      approver.caller.operations.decide({
        gateId: gate.id,
        decision: "APPROVE",
        password: approver.password,
        contextHash: gate.contextHash,
      }),
    ).rejects.toThrow(/expired/);
    await engineTick(db, Date.now());
    const op = await db.operation.findUniqueOrThrow({ where: { id: operationId } });
    expect(op.status).toBe("FAILED");
    expect(op.failureReason).toMatch(/expired with 0 of 1 approvals; nothing was changed/);
    expect((await db.replica.findUniqueOrThrow({ where: { id: estate.primary.id } })).role).toBe("PRIMARY");
  });

  it("lapses an approval when the lag grows past what was approved, and asks again", async () => {
    const estate = await opsEstate();
    const { operationId } = await request(estate.deploymentId, "SWITCHOVER");
    const gate = await openGate(operationId);
    const approver = await userWithPassword("APPROVER");
    await approver.caller.operations.decide({
      gateId: gate.id,
      decision: "APPROVE",
      password: approver.password,
      contextHash: gate.contextHash,
    });
    // The standby falls 60 s behind before the engine opens the gate.
    const latest = (await latestSnapshot(db, estate.deploymentId))!.snapshot;
    await publishLiveEvent(db, estate.deploymentId, SNAPSHOT_EVENT, {
      ...latest,
      links: latest.links.map((l) => ({ ...l, lagMs: 60_000 })),
    });
    await engineTick(db, Date.now());

    const lapsed = await db.approvalGate.findUniqueOrThrow({ where: { id: gate.id } });
    expect(lapsed.status).toBe("LAPSED");
    expect(lapsed.reason).toMatch(/lag rose from .* to 60 s/);
    const again = await openGate(operationId);
    expect(again.id).not.toBe(gate.id);
    expect((await db.operation.findUniqueOrThrow({ where: { id: operationId } })).status).toBe("AWAITING_APPROVAL");
    expect(await db.operationStep.count({ where: { operationId, status: { not: "PENDING" } } })).toBe(0);
    // The lapsed approval cannot be replayed; a decision on what the approver saw before is refused too.
    await expect(
      approver.caller.operations.decide({
        gateId: gate.id,
        decision: "APPROVE",
        password: approver.password,
        contextHash: gate.contextHash,
      }),
    ).rejects.toThrow(/lapsed/);
    await expect(
      approver.caller.operations.decide({
        gateId: again.id,
        decision: "APPROVE",
        password: approver.password,
        contextHash: gate.contextHash,
      }),
    ).rejects.toThrow(/what you were shown has changed/);
  });

  it("a rejection stops the operation, and an approval replayed after it is refused", async () => {
    const estate = await opsEstate();
    const { operationId } = await request(estate.deploymentId, "SWITCHOVER");
    const gate = await openGate(operationId);
    const [first, second] = [await userWithPassword("APPROVER"), await userWithPassword("APPROVER")];
    await first.caller.operations.decide({
      gateId: gate.id,
      decision: "REJECT",
      password: first.password,
      contextHash: gate.contextHash,
      comment: "not during the sale",
    });
    const op = await db.operation.findUniqueOrThrow({ where: { id: operationId } });
    expect(op.status).toBe("REJECTED");
    expect(op.failureReason).toMatch(/not during the sale; nothing was changed/);
    await expect(
      second.caller.operations.decide({
        gateId: gate.id,
        decision: "APPROVE",
        password: second.password,
        contextHash: gate.contextHash,
      }),
    ).rejects.toThrow(/rejected; it can no longer be decided/);
    await expect(
      first.caller.operations.decide({
        gateId: gate.id,
        decision: "APPROVE",
        password: first.password,
        contextHash: gate.contextHash,
      }),
    ).rejects.toThrow(/rejected/);
    expect(await decisions(gate.id)).toBe(1);
  });
});

describe("approval hardening", () => {
  it("locks an approver's decisions after five wrong passwords, each audited", async () => {
    const estate = await opsEstate();
    const { operationId } = await request(estate.deploymentId, "SWITCHOVER");
    const gate = await openGate(operationId);
    const approver = await userWithPassword("APPROVER");
    const decide = (password: string) =>
      approver.caller.operations.decide({
        gateId: gate.id,
        decision: "APPROVE",
        password,
        contextHash: gate.contextHash,
      });
    for (let i = 0; i < 5; i += 1) await expect(decide("guess")).rejects.toThrow(/password is not correct/);
    await expect(decide(approver.password)).rejects.toThrow(/5 wrong passwords in 15 minutes/);
    expect(
      await db.auditRecord.count({ where: { actorId: approver.actor.userId, action: "approval.password-refused" } }),
    ).toBe(5);
    expect(await decisions(gate.id)).toBe(0);
  });

  it("refuses a policy that lets viewers approve, naming the field", async () => {
    const estate = await opsEstate();
    const admin = await userWithPassword("ADMIN");
    await expect(
      admin.caller.operations.setPolicy({
        deploymentId: estate.deploymentId,
        runbook: "SWITCHOVER",
        approvalsRequired: 1,
        approverRole: "VIEWER",
        expiresAfterSeconds: 600,
        gatedSteps: [],
        lagToleranceSeconds: 5,
      }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/a viewer cannot approve changes/) });
    expect(await db.approvalPolicy.count({ where: { deploymentId: estate.deploymentId } })).toBe(0);
  });

  it("asks again when a granted approval waited past its expiry before the run could use it", async () => {
    const estate = await opsEstate();
    const { operationId } = await request(estate.deploymentId, "SWITCHOVER");
    const gate = await openGate(operationId);
    const approver = await userWithPassword("APPROVER");
    await approver.caller.operations.decide({
      gateId: gate.id,
      decision: "APPROVE",
      password: approver.password,
      contextHash: gate.contextHash,
    });
    await db.approvalGate.update({ where: { id: gate.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await engineTick(db, Date.now());
    expect(await db.approvalGate.findUniqueOrThrow({ where: { id: gate.id } })).toMatchObject({
      status: "LAPSED",
      reason: expect.stringMatching(/not used before it expired/),
    });
    expect((await openGate(operationId)).id).not.toBe(gate.id);
    expect(await db.operationStep.count({ where: { operationId, status: { not: "PENDING" } } })).toBe(0);
  });
});
