// Unplanned failover and the drill, run by the engine against the sim: no action on a false alarm;
// a confirmed outage promotes the most caught-up replica, drains the dead region, scales up and
// records the data lost; a drill fails back to where it started and reports both halves.
import { describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";
import { engineTick } from "@/server/domain/operations/engine/engine";
import { injectFault } from "@/server/domain/telemetry/faults";
import { approveAll, opsEstate, request, runToEnd, writers } from "@/tests/operations-estate";

// Whole runs tick the engine hundreds of times: on a loaded machine that takes longer than the default.
describe("failover", { timeout: 120_000 }, () => {
  it("takes no action on a false alarm: the region is up, so the outage is never confirmed", async () => {
    const estate = await opsEstate();
    const { operationId } = await request(estate.deploymentId, "FAILOVER");
    const { op } = await runToEnd(estate.deploymentId, operationId, Date.now(), {}, 200);
    expect(op.status).toBe("FAILED");
    expect(op.failureReason).toMatch(
      /false alarm: 0 of 4 probe locations see us-east-1 down, quorum is 2; no action was taken/,
    );
    expect((await db.replica.findUniqueOrThrow({ where: { id: estate.primary.id } })).role).toBe("PRIMARY");
    const ran = await db.operationStep.findMany({ where: { operationId, status: "SUCCEEDED" } });
    expect(ran).toHaveLength(0);
  });

  it("promotes the standby when a quorum confirms the outage, drains the region and scales up", async () => {
    const estate = await opsEstate();
    await injectFault(db, SYSTEM_ACTOR, {
      deploymentId: estate.deploymentId,
      kind: "REGION_OUTAGE",
      target: { regionId: estate.primary.regionId },
    });
    const { operationId } = await request(estate.deploymentId, "FAILOVER");
    const { op } = await runToEnd(estate.deploymentId, operationId, Date.now());
    expect(op.failureReason).toBeNull();
    expect(op.status).toBe("SUCCEEDED");
    expect((await db.replica.findUniqueOrThrow({ where: { id: estate.standby.id } })).role).toBe("PRIMARY");
    const rules = await db.routingRule.findMany({ where: { policy: { deploymentId: estate.deploymentId } } });
    expect(rules.find((r) => r.regionId === estate.primary.regionId)?.drained).toBe(true);
    const compute = await db.stackComponent.findFirstOrThrow({
      where: { deploymentId: estate.deploymentId, regionId: estate.standby.regionId, kind: "COMPUTE" },
    });
    expect(compute).toMatchObject({ tier: "FULL", instanceCount: 10 });
    const report = op.report as {
      measuredDataLossBytes: number;
      measuredRtoSeconds: number;
      rpoMet: boolean;
      phases: { phase: string }[];
    };
    expect(report.measuredRtoSeconds).toBeGreaterThan(0);
    // Asynchronous replication had writes in flight when the region went: some were lost, within the RPO.
    expect(report.measuredDataLossBytes).toBeGreaterThan(0);
    expect(report.rpoMet).toBe(true);
    expect(report.phases.map((p) => p.phase)).toEqual(
      expect.arrayContaining(["detect", "approval", "promote", "routing", "scale-up"]),
    );
  });
});

describe("drill", { timeout: 120_000 }, () => {
  it("injects an outage, fails over, fails back to the original primary and reports both halves", async () => {
    const estate = await opsEstate();
    const { operationId } = await request(estate.deploymentId, "DRILL");
    const { op } = await runToEnd(estate.deploymentId, operationId, Date.now(), {}, 600);
    expect(op.failureReason).toBeNull();
    expect(op.status).toBe("SUCCEEDED");
    const primary = await db.replica.findUniqueOrThrow({ where: { id: estate.primary.id } });
    expect(primary).toMatchObject({ role: "PRIMARY", epoch: estate.primary.epoch + 2 });
    expect(await db.fault.count({ where: { deploymentId: estate.deploymentId, clearedAt: null } })).toBe(0);
    const report = op.report as { measuredRtoSeconds: number; phases: { phase: string; seconds: number }[] };
    expect(report.measuredRtoSeconds).toBeGreaterThan(0);
    expect(report.phases.find((p) => p.phase === "failback")?.seconds).toBeGreaterThan(0);
  });
});

describe("failover report", { timeout: 120_000 }, () => {
  it("adds its phases up to the measured RTO, the wait for approval included once", async () => {
    const estate = await opsEstate();
    await injectFault(db, SYSTEM_ACTOR, {
      deploymentId: estate.deploymentId,
      kind: "REGION_OUTAGE",
      target: { regionId: estate.primary.regionId },
    });
    const { operationId } = await request(estate.deploymentId, "FAILOVER");
    const { op } = await runToEnd(estate.deploymentId, operationId, Date.now() + 3000);
    const report = op.report as { measuredRtoSeconds: number; phases: { phase: string; seconds: number }[] };
    const sum = report.phases.reduce((total, p) => total + p.seconds, 0);
    expect(sum).toBeCloseTo(report.measuredRtoSeconds, 1);
    expect(report.phases.filter((p) => p.phase === "approval")).toHaveLength(1);
  });
});

describe("failover abort", { timeout: 120_000 }, () => {
  it("is refused once the dead primary is fenced: the run finishes with the chosen replica the only writer", async () => {
    const estate = await opsEstate();
    await injectFault(db, SYSTEM_ACTOR, {
      deploymentId: estate.deploymentId,
      kind: "REGION_OUTAGE",
      target: { regionId: estate.primary.regionId },
    });
    const { operationId, operator } = await request(estate.deploymentId, "FAILOVER");
    let nowMs = Date.now();
    for (let i = 0; i < 100; i += 1) {
      nowMs += 500;
      await engineTick(db, nowMs);
      if (await db.operationStep.count({ where: { operationId, kind: "DEMOTE", status: "SUCCEEDED" } })) break;
      const op = await db.operation.findUniqueOrThrow({ where: { id: operationId } });
      if (op.status === "AWAITING_APPROVAL") {
        await approveAll(operationId);
      }
    }
    // Undoing it would promote back a primary whose region is down, which is refused: no writer at all.
    await expect(operator.caller.operations.abort({ operationId, reason: "changed my mind" })).rejects.toThrow(
      /cannot be undone; pause it, or let it finish/,
    );
    const { op } = await runToEnd(estate.deploymentId, operationId, nowMs);
    expect(op.status).toBe("SUCCEEDED");
    expect(await writers(estate.deploymentId, estate.clusterId)).toEqual([estate.standby.id]);
  });
});
