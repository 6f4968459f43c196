// The critical section back to back (engine/critical-section.ts): on the database's clock, as the
// worker runs, the step before the fence, the fence, the catch-up, the demotion, the promotion, the
// routing and the verification all happen within one tick of the engine, each step its own
// committed record; repointing the other replicas comes after the verification.
import { describe, expect, it } from "vitest";

import { ACTIVE_STATUSES } from "@/lib/operations/contracts";
import { db } from "@/server/db";
import { engineTick } from "@/server/domain/operations/engine/engine";
import { approveAll, opsEstate, request } from "@/tests/operations-estate";

const CRITICAL = ["FENCE", "WAIT_CATCH_UP", "DEMOTE", "PROMOTE", "SHIFT_ROUTING", "VERIFY_WRITES"];

describe("the critical section", { timeout: 120_000 }, () => {
  it("runs from the fence to verified writes within one tick, one committed record per step", async () => {
    const estate = await opsEstate();
    const { operationId } = await request(estate.deploymentId, "SWITCHOVER");
    await approveAll(operationId);
    const succeeded = async () =>
      (await db.operationStep.findMany({ where: { operationId, status: "SUCCEEDED" } })).map((s) => s.kind);
    let fencedInTick: string[] | null = null;
    for (let i = 0; i < 100 && !fencedInTick; i += 1) {
      const before = await succeeded();
      await engineTick(db, null, { operationIds: [operationId] });
      const after = await succeeded();
      if (after.includes("FENCE")) fencedInTick = after.filter((k) => !before.includes(k));
    }
    // The tick that fenced also caught up, promoted, routed and verified.
    expect(fencedInTick).toEqual(expect.arrayContaining(CRITICAL));

    for (let i = 0; i < 100; i += 1) {
      const op = await db.operation.findUniqueOrThrow({ where: { id: operationId } });
      if (!(ACTIVE_STATUSES as readonly string[]).includes(op.status)) break;
      await engineTick(db, null, { operationIds: [operationId] });
    }
    const steps = await db.operationStep.findMany({ where: { operationId }, orderBy: { index: "asc" } });
    expect(steps.every((s) => s.status === "SUCCEEDED")).toBe(true);
    const kinds = steps.map((s) => s.kind);
    expect(kinds.indexOf("REPOINT")).toBeGreaterThan(kinds.indexOf("VERIFY_WRITES"));
    // One committed record per step: each has its own end and its own audit record.
    const audits = await db.auditRecord.count({ where: { objectId: operationId, action: "operation.step" } });
    expect(audits).toBe(steps.length);
    const ends = steps.filter((s) => CRITICAL.includes(s.kind)).map((s) => s.finishedAt!.getTime());
    expect([...ends].sort((a, b) => a - b)).toEqual(ends);
  });
});
