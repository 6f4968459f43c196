// After a switchover the primary is away from home: the failback's cost goes from where the primary
// is now back to where it came from, on the Plan page and in the failback's operation plan alike.
import { describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { opsEstate, request, runToEnd } from "@/tests/operations-estate";

import { eventCosts } from "./event-cost";

describe("event costs after a switchover", () => {
  it("prices the failback from the current primary back to the original region", async () => {
    const estate = await opsEstate();
    const before = (await eventCosts(db, estate.deploymentId)).find((item) => item.kind === "FAILBACK")!;
    // Not moved yet: the failback that would follow a failover to eu-west-1.
    expect(before.lines[0]).toMatchObject({ category: "transfer", regionCode: "eu-west-1" });
    expect(before.assumptions[0]).toBe(
      "return of traffic from eu-west-1 to us-east-1 after a failover, once us-east-1 has recovered",
    );

    const switchover = await request(estate.deploymentId, "SWITCHOVER");
    const { op } = await runToEnd(estate.deploymentId, switchover.operationId, Date.now());
    expect(op.status).toBe("SUCCEEDED");
    const primary = await db.replica.findUniqueOrThrow({ where: { id: estate.standby.id } });
    expect(primary.role).toBe("PRIMARY");

    const items = await eventCosts(db, estate.deploymentId);
    const failback = items.find((item) => item.kind === "FAILBACK")!;
    expect(failback.lines[0]).toMatchObject({ category: "transfer", regionCode: "eu-west-1" });
    expect(failback.lines[0]!.description).toMatch(/^catch-up eu-west-1 -> us-east-1: 41\.667 GB/);
    expect(failback.assumptions[0]).toBe(
      "return of traffic from eu-west-1, the primary now, to us-east-1, where it was moved from",
    );
    // A further switchover would leave eu-west-1, the primary now.
    const next = items.find((item) => item.kind === "SWITCHOVER")!;
    expect(next.assumptions[0]).toBe("planned move of traffic from eu-west-1 to us-east-1");

    const plan = (await request(estate.deploymentId, "FAILBACK")).plan;
    expect(plan.source.regionCode).toBe("eu-west-1");
    expect(plan.target.regionCode).toBe("us-east-1");
    expect(plan.eventCost.lines[0]!.label).toMatch(/^catch-up eu-west-1 -> us-east-1/);
    expect(plan.eventCost.totalUsd).toBeCloseTo(failback.totalUsd, 9);
  }, 240_000);
});
