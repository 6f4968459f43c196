// Abort and failure undo what ran: the fence is lifted so the old primary takes writes again. Past
// the promotion nothing is undone and abort is refused with the reason.
import { describe, expect, it, vi } from "vitest";

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

// Whole runs tick the engine hundreds of times: on a loaded machine that takes longer than the default.
describe("abort and rollback", { timeout: 120_000 }, () => {
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

  it("a catch-up that cannot finish fails the run at the fenced window's bound, and the fence is lifted", async () => {
    const estate = await opsEstate();
    const { operationId } = await request(estate.deploymentId, "SWITCHOVER");
    await approveAll(operationId);
    // The fault below starts at the web's clock: the engine's clock runs ahead of it, so that the
    // fault is on from the fence even on a machine so loaded that ticks outlast their 500 ms beat.
    const nowMs = await runUntil(operationId, "FENCE", Date.now() + 60_000);
    // The standby is cut off after the fence: it can never apply the last writes.
    const link = await db.replicationLink.findFirstOrThrow({ where: { clusterId: estate.clusterId } });
    // Injected at the engine's clock, the fence's instant: on a busy machine the wall clock runs
    // ahead of the ticks, and a partition dated later finds the standby already caught up.
    vi.spyOn(Date, "now").mockReturnValue(nowMs);
    await injectFault(db, SYSTEM_ACTOR, {
      deploymentId: estate.deploymentId,
      kind: "LINK_PARTITION",
      target: { linkId: link.id },
    });
    vi.restoreAllMocks();
    const { op } = await runToEnd(estate.deploymentId, operationId, nowMs, {}, 600);
    expect(op.status).toBe("FAILED");
    // The catch-up step would give up after 120 s; the primary may stay fenced 15 s at most.
    expect(op.failureReason).toMatch(
      /the primary stayed fenced \d+ s without a promotion, past the bound of 15 s: the fence is lifted/,
    );
    expect(await writers(estate.deploymentId, estate.clusterId)).toEqual([estate.primary.id]);
    expect((await db.replica.findUniqueOrThrow({ where: { id: estate.primary.id } })).role).toBe("PRIMARY");
  });

  it("refuses a pause between the fence and the promotion, which would keep writes stopped", async () => {
    const estate = await opsEstate();
    const { operationId, operator } = await request(estate.deploymentId, "SWITCHOVER");
    await approveAll(operationId);
    const nowMs = await runUntil(operationId, "FENCE", Date.now());
    await expect(operator.caller.operations.pause({ operationId, reason: "coffee" })).rejects.toThrow(
      /has fenced the primary \(step \d+ "Fence writes on the current primary, .*"\) and not promoted yet: nothing accepts writes, and a pause would keep it so; abort it \(the fence is lifted\) or let it finish/,
    );
    expect((await db.operation.findUniqueOrThrow({ where: { id: operationId } })).status).toBe("RUNNING");
    const { op } = await runToEnd(estate.deploymentId, operationId, nowMs);
    expect(op.status).toBe("SUCCEEDED");
  });
});
