// One clock: what the engine and the approvals persist and compare comes from the database's
// clock, read afresh for each move or request. A process whose clock is far off (here three hours
// ahead) changes no expiry, no step time and no RTO.
import { afterEach, describe, expect, it, vi } from "vitest";

import { ACTIVE_STATUSES, type TReport } from "@/lib/operations/contracts";
import { db } from "@/server/db";
import { databaseNow } from "@/server/domain/clock";
import { engineTick } from "@/server/domain/operations/engine/engine";
import { observeDeployment } from "@/server/domain/telemetry/observe/observe-tick";
import { approveAll, opsEstate, request, TICK } from "@/tests/operations-estate";

const SKEW_MS = 3 * 3600_000;

afterEach(() => vi.useRealTimers());

describe("one clock: the database's", { timeout: 120_000 }, () => {
  it("a skewed process clock changes no expiry, step time or RTO", async () => {
    const estate = await opsEstate();
    // Only Date is faked: timers, and so the engine's deadlines, run as they do.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + SKEW_MS);
    const startMs = await databaseNow(db);

    const { operationId } = await request(estate.deploymentId, "SWITCHOVER");
    const gate = await db.approvalGate.findFirstOrThrow({ where: { operationId } });
    const policySeconds = (gate.expiresAt.getTime() - gate.createdAt.getTime()) / 1000;
    expect(Math.abs(gate.createdAt.getTime() - startMs)).toBeLessThan(60_000);
    // Approving reads the same clock: with the process's, the gate would look expired already.
    await approveAll(operationId);

    // The worker's way: no time given, every move reads the database's clock.
    for (let i = 0; i < 400; i += 1) {
      const op = await db.operation.findUniqueOrThrow({ where: { id: operationId } });
      if (!(ACTIVE_STATUSES as readonly string[]).includes(op.status)) break;
      if (i % 4 === 0) await observeDeployment(db, estate.deploymentId, await databaseNow(db), TICK);
      await engineTick(db, null, { operationIds: [operationId] });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const endMs = await databaseNow(db);
    const op = await db.operation.findUniqueOrThrow({ where: { id: operationId }, include: { steps: true } });
    expect(op.status).toBe("SUCCEEDED");
    const within = (date: Date | null) => {
      expect(date).not.toBeNull();
      expect(date!.getTime()).toBeGreaterThanOrEqual(startMs - 1000);
      expect(date!.getTime()).toBeLessThanOrEqual(endMs + 1000);
    };
    within(op.createdAt);
    within(op.startedAt);
    within(op.finishedAt);
    for (const step of op.steps.filter((s) => s.status === "SUCCEEDED")) {
      within(step.startedAt);
      within(step.finishedAt);
    }
    const decided = await db.approvalGate.findFirstOrThrow({ where: { operationId } });
    expect(decided.status).toBe("GRANTED");
    within(decided.decidedAt);
    expect(policySeconds).toBeGreaterThan(0);
    const report = op.report as TReport;
    expect(report.measuredRtoSeconds).toBeGreaterThan(0);
    expect(report.measuredRtoSeconds!).toBeLessThan((endMs - startMs) / 1000 + 1);
    const [lease] = await db.$queryRaw<{ ms: number }[]>`
      select (extract(epoch from "expiresAt") * 1000)::float8 as ms from "OperationLease" where "operationId" = ${operationId}`;
    expect(lease!.ms).toBeLessThan(endMs + 60_000);
  });
});
