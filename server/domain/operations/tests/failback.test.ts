// A failback after a switchover: the primary returns to its original region, and the old standby,
// which the switchover scaled up to the primary's size, returns to the size it was modelled at.
import { describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { opsEstate, request, runToEnd } from "@/tests/operations-estate";

const sizes = async (deploymentId: string, regionId: string) =>
  (await db.stackComponent.findMany({ where: { deploymentId, regionId }, orderBy: { kind: "asc" } })).map((s) => ({
    kind: s.kind,
    tier: s.tier,
    instanceCount: s.instanceCount,
    instanceSize: s.instanceSize,
  }));

describe("failback", () => {
  it("returns the primary and restores the old standby's modelled size", async () => {
    const estate = await opsEstate();
    const modelled = await sizes(estate.deploymentId, estate.standby.regionId);
    const primarySizes = await sizes(estate.deploymentId, estate.primary.regionId);

    const switchover = await request(estate.deploymentId, "SWITCHOVER");
    const { op: switched, nowMs } = await runToEnd(estate.deploymentId, switchover.operationId, Date.now());
    expect(switched.status).toBe("SUCCEEDED");
    const scaled = await sizes(estate.deploymentId, estate.standby.regionId);
    expect(scaled).not.toEqual(modelled); // the warm standby took the primary's size
    // Said in the size words of every page, never as enum names.
    const scaleUp = await db.operationStep.findFirstOrThrow({
      where: { operationId: switchover.operationId, kind: "SCALE_UP" },
    });
    expect((scaleUp.output as { sizes: string }).sizes).toBe(
      "compute 3 × large, scaled down → 10 × large; database 1 × xlarge → 2 × xlarge; cache 1 × large, scaled down → 2 × large",
    );

    const failback = await request(estate.deploymentId, "FAILBACK");
    expect(failback.plan.steps.at(-1)).toMatchObject({ kind: "RESTORE_SIZE" });
    const { op } = await runToEnd(estate.deploymentId, failback.operationId, nowMs);
    expect(op.failureReason).toBeNull();
    expect(op.status).toBe("SUCCEEDED");
    const primary = await db.replica.findUniqueOrThrow({ where: { id: estate.primary.id } });
    expect(primary.role).toBe("PRIMARY");

    expect(await sizes(estate.deploymentId, estate.standby.regionId)).toEqual(modelled);
    expect(await sizes(estate.deploymentId, estate.primary.regionId)).toEqual(primarySizes);
    const step = await db.operationStep.findFirstOrThrow({
      where: { operationId: failback.operationId, kind: "RESTORE_SIZE" },
    });
    expect(step.output).toMatchObject({
      region: "eu-west-1",
      restored: expect.any(Number),
      sizes:
        "compute 10 × large → 3 × large, scaled down; database 2 × xlarge → 1 × xlarge; cache 2 × large → 1 × large, scaled down",
    });
    expect((step.output as { restored: number }).restored).toBeGreaterThan(0);
  }, 240_000);
});
