// Integration: the way back on a small lab of real servers, through the engine. After a failover
// (kill -9 of the primary), the original region fails back: its server returns as a standby, its
// lag stays at zero a while, the failback's approval gate (on the promotion) is asked before the
// fence while the current primary still takes writes, then a planned switchover back with routing
// back and the sizes the failover changed restored; no acknowledged write of the failback is lost.
// Then a drill does it all by itself: kill -9, failover, measure, clear, fail back, report.
import { describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { buildReport } from "@/server/domain/operations/report";
import { userWithPassword } from "@/tests/factories";
import { expectStreaming, labOperationsForFile } from "@/tests/lab-file";
import type { LabOperations } from "@/tests/lab-operations";

let ops: LabOperations;
labOperationsForFile((started) => (ops = started));
const US = "pg-us-east-1";
const EU = "pg-eu-west-1";

/** The region of the lab's server in `regionCode` (region codes repeat across providers). */
const regionOf = async (regionCode: string) =>
  (await db.replica.findFirstOrThrow({ where: { clusterId: ops.clusterId, name: `pg-${regionCode}` } })).regionId;

const sizesOf = async (regionCode: string) =>
  (
    await db.stackComponent.findMany({
      where: {
        deploymentId: ops.deploymentId,
        regionId: await regionOf(regionCode),
      },
      orderBy: { kind: "asc" },
    })
  ).map(({ kind, tier, instanceCount }) => ({ kind, tier, instanceCount }));

async function warmStandby(regionCode: string) {
  const regionId = await regionOf(regionCode);
  await db.stackComponent.updateMany({
    where: { deploymentId: ops.deploymentId, regionId },
    data: { tier: "SCALED_DOWN", instanceCount: 1 },
  });
}

describe("failing back and drilling on a lab cluster through the engine", { timeout: 300_000 }, () => {
  it("fails back after a failover: a standby again, held caught up, approved before the fence, routed back, sizes restored", async () => {
    expect(await ops.writers()).toEqual([US]);
    // A warm standby region: its stack runs scaled down until a move brings the primary there.
    await warmStandby("eu-west-1");
    const euSizes = await sizesOf("eu-west-1");
    await ops.lab.stopServer(US, "kill");
    const failover = await ops.runToEnd(await ops.request("FAILOVER"));
    expect(failover.status).toBe("SUCCEEDED");
    expect(await ops.writers()).toEqual([EU]);
    expect(await sizesOf("eu-west-1")).not.toEqual(euSizes);

    // The region returns; the failback's approvals: one before the run, one at the promotion.
    await ops.lab.startServer(US);
    await ops.remember();
    await ops.requireApprovals("FAILBACK", 1, ["PROMOTE"]);
    const approver = await userWithPassword("APPROVER");
    const approve = (gate: { id: string; contextHash: string }) =>
      approver.caller.operations.decide({
        gateId: gate.id,
        decision: "APPROVE",
        password: approver.password,
        contextHash: gate.contextHash,
      });
    const startedAt = new Date();
    const operationId = await ops.request("FAILBACK");
    await approve(await ops.runUntilGate(operationId));
    const gate = await ops.runUntilGate(operationId, 120_000);
    // The promotion's gate is asked before the fence: nobody decides while writes are stopped.
    const gatedStep = await db.operationStep.findFirstOrThrow({ where: { operationId, index: gate.stepIndex } });
    expect(gatedStep.kind).toBe("FENCE");
    expect(await ops.writers()).toEqual([EU]);
    // By then the returning server streams from the current primary and held its lag at zero.
    await expectStreaming(ops, US, 1000);
    const stable = await db.operationStep.findFirstOrThrow({ where: { operationId, kind: "WAIT_STABLE" } });
    expect(stable.status).toBe("SUCCEEDED");
    await approve(gate);

    const run = await ops.runToEnd(operationId);
    expect(run.failureReason).toBeNull();
    expect(run.status).toBe("SUCCEEDED");
    expect(await ops.writers()).toEqual([US]);
    expect(ops.lab.routerStatus()[0]!.chosenRegion).toBe("us-east-1");
    await expectStreaming(ops, EU);
    expect(await sizesOf("eu-west-1")).toEqual(euSizes);
    // A planned move back: nothing the clients were told was written is missing.
    expect((await ops.lostWrites(startedAt)).lost).toBe(0);
    expect(ops.prober.twoWriterInstants()).toBe(0);
  });

  it("drills: kills the primary, fails over, ends the outage, fails back and reports what clients saw", async () => {
    expect(await ops.writers()).toEqual([US]);
    const usSizes = await sizesOf("us-east-1");
    const euSizes = await sizesOf("eu-west-1");
    expect(euSizes.every((s) => s.tier === "SCALED_DOWN")).toBe(true);
    const requestedAt = new Date();
    const operationId = await ops.request("DRILL");
    await ops.runUntil(operationId, "INJECT_FAULT");
    // A real outage: the primary's server is gone, not told to pretend.
    expect(await ops.writers()).toEqual([]);
    await ops.runUntil(operationId, "VERIFY_WRITES");
    expect(await ops.writers()).toEqual([EU]);
    expect(ops.lab.routerStatus()[0]!.chosenRegion).toBe("eu-west-1");

    const run = await ops.runToEnd(operationId, 180_000);
    expect(run.failureReason).toBeNull();
    expect(run.status).toBe("SUCCEEDED");
    expect(await ops.writers()).toEqual([US]);
    expect(ops.lab.routerStatus()[0]!.chosenRegion).toBe("us-east-1");
    expect(await db.fault.count({ where: { operationId, clearedAt: null } })).toBe(0);
    await expectStreaming(ops, EU);
    expect(await sizesOf("us-east-1")).toEqual(usSizes);
    expect(await sizesOf("eu-west-1")).toEqual(euSizes);
    await ops.remember();
    expect(ops.prober.twoWriterInstants()).toBe(0);

    // The report measures the drill from the clients' ledger: an outage, a few lost writes at most.
    const report = await buildReport(db, operationId);
    expect(report.ledger?.writeOutageSeconds).toBeGreaterThan(0);
    const lost = await ops.lostWrites(requestedAt);
    expect(lost.lost).toBeLessThan(50);
    expect(report.ledger?.lostWrites?.lost).toBe(lost.lost);
  });
});
