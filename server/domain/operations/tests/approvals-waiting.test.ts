// The navigation's badge counts the approvals this person may decide now, by the same rule the
// decision applies: not the requester's own, only a role that may decide the gate (admins pass),
// not one they already decided, not an expired one, not one whose operation stopped waiting.
// Other test files share the database, so counts are read for this test's deployment.
import { describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { userWithPassword } from "@/tests/factories";
import { opsEstate, request } from "@/tests/operations-estate";

type Who = Awaited<ReturnType<typeof userWithPassword>>;
const waitingFor = async (who: Who, deploymentId: string) =>
  (await who.caller.operations.waiting()).byDeployment[deploymentId] ?? 0;

describe("approvals waiting for me", () => {
  it("counts only the gates this person may decide, and drops a gate once they decided it", async () => {
    const { deploymentId } = await opsEstate();
    const requester = await userWithPassword("OPERATOR");
    const approver = await userWithPassword("APPROVER");
    const admin = await userWithPassword("ADMIN");
    const otherOperator = await userWithPassword("OPERATOR");
    const viewer = await userWithPassword("VIEWER");
    expect(await waitingFor(approver, deploymentId)).toBe(0);

    const { operationId } = await request(deploymentId, "SWITCHOVER", requester);
    expect(await waitingFor(approver, deploymentId)).toBe(1);
    expect(await waitingFor(admin, deploymentId)).toBe(1);
    // The requester cannot approve their own; the policy asks for the approver role; a viewer never decides.
    expect(await waitingFor(requester, deploymentId)).toBe(0);
    expect(await waitingFor(otherOperator, deploymentId)).toBe(0);
    expect(await viewer.caller.operations.waiting()).toEqual({ count: 0, byDeployment: {} });
    // The total covers every deployment's gates, this one's included.
    expect((await approver.caller.operations.waiting()).count).toBeGreaterThanOrEqual(1);

    const gate = await db.approvalGate.findFirstOrThrow({ where: { operationId, status: "OPEN" } });
    await approver.caller.operations.decide({
      gateId: gate.id,
      decision: "APPROVE",
      password: approver.password,
      contextHash: gate.contextHash,
    });
    // Granted with one approval: nothing waits for anyone now.
    expect(await waitingFor(approver, deploymentId)).toBe(0);
    expect(await waitingFor(admin, deploymentId)).toBe(0);
  });

  it("leaves out an expired gate and one of an aborted operation", async () => {
    const { deploymentId } = await opsEstate();
    const approver = await userWithPassword("APPROVER");
    const { operationId } = await request(deploymentId, "SWITCHOVER");
    expect(await waitingFor(approver, deploymentId)).toBe(1);
    await db.approvalGate.updateMany({ where: { operationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await waitingFor(approver, deploymentId)).toBe(0);

    const second = await opsEstate();
    const { operationId: other, operator } = await request(second.deploymentId, "SWITCHOVER");
    expect(await waitingFor(approver, second.deploymentId)).toBe(1);
    await operator.caller.operations.abort({ operationId: other, reason: "not today" });
    expect(await waitingFor(approver, second.deploymentId)).toBe(0);
  });
});
