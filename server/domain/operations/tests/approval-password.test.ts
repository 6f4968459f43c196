// The approval password under attack: guesses sent all at once are evaluated one at a time, so the
// limit of five holds exactly; and someone who may not decide the gate at all is refused before any
// password is looked at (their guess is not an approval attempt, and is not audited as one).
import { describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { PASSWORD_ATTEMPTS } from "@/server/domain/operations/approvals/decide";
import { userWithPassword } from "@/tests/factories";
import { opsEstate, request } from "@/tests/operations-estate";

const refusals = (userId: string) =>
  db.auditRecord.count({ where: { actorId: userId, action: "approval.password-refused" } });

describe("approval password", () => {
  it("evaluates at most five of forty wrong passwords sent in parallel", async () => {
    const estate = await opsEstate();
    const { operationId } = await request(estate.deploymentId, "SWITCHOVER");
    const gate = await db.approvalGate.findFirstOrThrow({ where: { operationId, status: "OPEN" } });
    const approver = await userWithPassword("APPROVER");
    const answers = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        approver.caller.operations.decide({
          gateId: gate.id,
          decision: "APPROVE",
          password: `guess-number-${i}`,
          contextHash: gate.contextHash,
        }),
      ),
    );
    const messages = answers.map((a) => (a.status === "rejected" ? (a.reason as Error).message : "approved"));
    expect(messages.filter((m) => /password is not correct/.test(m))).toHaveLength(PASSWORD_ATTEMPTS);
    expect(messages.filter((m) => /5 wrong passwords in 15 minutes/.test(m))).toHaveLength(40 - PASSWORD_ATTEMPTS);
    expect(await refusals(approver.actor.userId)).toBe(PASSWORD_ATTEMPTS);
    expect(await db.approvalDecision.count({ where: { gateId: gate.id } })).toBe(0);
    // Locked now, even with the right password.
    await expect(
      approver.caller.operations.decide({
        gateId: gate.id,
        decision: "APPROVE",
        password: approver.password,
        contextHash: gate.contextHash,
      }),
    ).rejects.toThrow(/5 wrong passwords/);
  });

  it("refuses a viewer, an operator and the requester before looking at the password, auditing nothing", async () => {
    const estate = await opsEstate();
    const requester = await userWithPassword("OPERATOR");
    const { operationId } = await request(estate.deploymentId, "SWITCHOVER", requester);
    const gate = await db.approvalGate.findFirstOrThrow({ where: { operationId, status: "OPEN" } });
    const cases = [
      { who: await userWithPassword("VIEWER"), message: /needs the approver role; you are viewer/ },
      { who: await userWithPassword("OPERATOR"), message: /needs the approver role; you are operator/ },
      { who: requester, message: /needs the approver role; you are operator|you requested this operation/ },
    ];
    for (const { who, message } of cases) {
      const audits = await db.auditRecord.count({ where: { actorId: who.actor.userId } });
      await expect(
        who.caller.operations.decide({
          gateId: gate.id,
          decision: "APPROVE",
          password: "a wrong guess",
          contextHash: gate.contextHash,
        }),
      ).rejects.toThrow(message);
      expect(await db.auditRecord.count({ where: { actorId: who.actor.userId } })).toBe(audits);
    }
  });
});
