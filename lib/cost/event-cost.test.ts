import { describe, expect, it } from "vitest";

import { seedActiveActiveEstate } from "@/tests/cost-estates";

import { DEFAULT_CATALOG } from "./catalog";
import { CostError } from "./errors";
import { computeEventCost, type TOperationalEvent } from "./event-cost";
import type { TEstate } from "./schema";

const switchover = (overrides: Partial<TOperationalEvent> = {}): TOperationalEvent => ({
  kind: "SWITCHOVER",
  fromRegionId: "us-east-1",
  toRegionId: "eu-west-1",
  catchUpGb: 500,
  scaleUps: [{ kind: "COMPUTE", instancesAdded: 3, instanceSize: "large", hours: 2 }],
  dnsQueriesSpikeMillions: 10,
  ...overrides,
});

describe("computeEventCost", () => {
  it("adds catch-up transfer, scale-up hours and the DNS spike", () => {
    // catch-up 500 GB NA -> EU × $0.02 (AWS out of North America, as the monthly replication line) = $10;
    // 3 large × 2 h × $0.40 = $2.40; Cloudflare LB 10 M × $1 = $10
    const result = computeEventCost(seedActiveActiveEstate(), switchover(), DEFAULT_CATALOG);
    expect(result.lines.map((line) => line.category)).toEqual(["transfer", "compute", "routing"]);
    expect(result.lines[0]).toMatchObject({ quantity: 500, unitPriceUsd: 0.02, regionCode: "us-east-1" });
    expect(result.lines[1]).toMatchObject({ quantity: 6, unit: "instance-hour", regionCode: "eu-west-1" });
    expect(result.totalUsd).toBeCloseTo(10 + 2.4 + 10, 9);
  });

  it("prices a cross-provider failback at the sender's internet egress", () => {
    const estate = seedActiveActiveEstate();
    const azureSecondary: TEstate = {
      ...estate,
      regions: estate.regions.map((r) => (r.id === "eu-west-1" ? { ...r, provider: "AZURE" as const } : r)),
    };
    // Failback: the data written in Azure flows back to AWS: 1,000 GB × $0.087 = $87.
    const result = computeEventCost(
      azureSecondary,
      switchover({
        kind: "FAILBACK",
        fromRegionId: "eu-west-1",
        toRegionId: "us-east-1",
        catchUpGb: 1000,
        scaleUps: [],
        dnsQueriesSpikeMillions: 0,
      }),
      DEFAULT_CATALOG,
    );
    expect(result.totalUsd).toBeCloseTo(87, 9);
    expect(result.lines[0]?.description).toContain("across providers");
  });

  it("adds no DNS line behind a proxy and no transfer line when nothing needs to catch up", () => {
    const estate = seedActiveActiveEstate();
    const frontDoor: TEstate = { ...estate, routing: { ...estate.routing, product: "AZURE_FRONT_DOOR" } };
    const result = computeEventCost(frontDoor, switchover({ kind: "FAILOVER", catchUpGb: 0 }), DEFAULT_CATALOG);
    expect(result.lines.map((line) => line.category)).toEqual(["compute"]);
    expect(result.totalUsd).toBeCloseTo(2.4, 9);
  });

  it("refuses an unknown region and a negative backlog", () => {
    expect(() =>
      computeEventCost(seedActiveActiveEstate(), switchover({ toRegionId: "mars-1" }), DEFAULT_CATALOG),
    ).toThrow(/toRegionId "mars-1" is not a region of the estate/);
    const call = () => computeEventCost(seedActiveActiveEstate(), switchover({ catchUpGb: -1 }), DEFAULT_CATALOG);
    expect(call).toThrow(CostError);
    expect(call).toThrow("catchUpGb: catchUpGb must be at least 0");
  });
});
