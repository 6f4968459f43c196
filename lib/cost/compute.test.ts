import { describe, expect, it } from "vitest";

import {
  component,
  region,
  seedActiveActiveEstate,
  seedPilotLightEstate,
  seedWarmStandbyEstate,
} from "@/tests/cost-estates";

import { DEFAULT_CATALOG } from "./catalog";
import { computeEstateCost } from "./compute";
import { COST_CATEGORIES } from "./cost-line";
import type { TEstate } from "./schema";

const cost = (estate: TEstate) => computeEstateCost(estate, DEFAULT_CATALOG);

describe("computeEstateCost", () => {
  it("puts a realistic warm standby inside the article's 1.5-1.8x band", () => {
    // Arithmetic in test-estates.ts: total 4,834.30, baseline 3,143.70, multiplier ≈ 1.538.
    const result = cost(seedWarmStandbyEstate());
    expect(result.totalMonthlyUsd).toBeCloseTo(4834.3, 6);
    expect(result.singleRegionBaselineUsd).toBeCloseTo(3143.7, 6);
    expect(result.multiplier).toBeCloseTo(4834.3 / 3143.7, 9);
    expect(result.band).toEqual({ model: "WARM_STANDBY", lowX: 1.5, highX: 1.8, within: true });
  });

  it("puts a three-continent active-active estate inside the article's 2-3x band", () => {
    // Arithmetic in test-estates.ts: total 11,144.60, baseline 3,958.20, multiplier ≈ 2.816.
    const result = cost(seedActiveActiveEstate());
    expect(result.totalMonthlyUsd).toBeCloseTo(11144.6, 6);
    expect(result.singleRegionBaselineUsd).toBeCloseTo(3958.2, 6);
    expect(result.multiplier).toBeCloseTo(11144.6 / 3958.2, 9);
    // replication mesh (120 out of NA + 120 out of EU + 540 out of AS) + user egress
    expect(result.byCategory.transfer).toBeCloseTo(120 + 120 + 540 + 450, 6);
    expect(result.byCategory.routing).toBeCloseTo(305, 6);
    expect(result.band.within).toBe(true);
    expect(result.band.reason).toBeUndefined();
  });

  it("makes a pilot light pay for its replica but not for its stopped compute", () => {
    const result = cost(seedPilotLightEstate());
    const secondaryLines = result.lines.filter((line) => line.regionCode === "us-west-2");
    expect(secondaryLines.map((line) => line.category).sort()).toEqual(["databases", "objectStorage"]);
    // The replica has no size of its own: it mirrors the primary's large writer, 730 h × $1.10 = $803.
    const replica = secondaryLines.find((line) => line.category === "databases");
    expect(replica).toMatchObject({ quantity: 730, unitPriceUsd: 1.1 });
    expect(replica?.description).toContain("db-usw2");
    expect(result.byRegion.find((entry) => entry.regionId === "us-west-2")?.stackMonthlyUsd).toBeCloseTo(803 + 23, 6);
    expect(result.multiplier).toBeCloseTo(4089.7 / 3143.7, 9);
    expect(result.band.within).toBe(true);
  });

  it("bills instanceCount as given for SCALED_DOWN, nothing for OFF", () => {
    const estate: TEstate = {
      ...seedWarmStandbyEstate(),
      regions: [
        region("us-east-1", "AWS", "NA", true, [
          component("COMPUTE", "SCALED_DOWN", 3, "small"),
          component("CACHE", "OFF", 5, "xlarge"),
        ]),
      ],
      replicas: [],
      replicationLinks: [],
    };
    const result = cost(estate);
    // 3 × 730 × $0.10 = $219; the OFF cache adds nothing.
    expect(result.byCategory.compute).toBeCloseTo(219, 6);
    expect(result.byCategory.caches).toBe(0);
  });

  it("raises a running database to its replica count but never double-counts replicas", () => {
    const estate = seedWarmStandbyEstate();
    // us-west-2 runs 1 large database instance and holds 1 replica: still 1 instance.
    expect(
      cost(estate).lines.filter((line) => line.regionCode === "us-west-2" && line.category === "databases"),
    ).toHaveLength(1);
    const moreReplicas = { ...estate, replicas: [...estate.replicas, { id: "db-usw2-b", regionId: "us-west-2" }] };
    // Two replicas on a one-instance component: 2 × 730 × $1.10 = $1,606.
    const line = cost(moreReplicas).lines.find(
      (candidate) => candidate.regionCode === "us-west-2" && candidate.category === "databases",
    );
    expect(line?.monthlyUsd).toBeCloseTo(1606, 6);
  });

  it("keeps totals consistent: lines, categories and regions add up", () => {
    const result = cost(seedActiveActiveEstate());
    const fromLines = result.lines.reduce((total, line) => total + line.monthlyUsd, 0);
    const fromCategories = COST_CATEGORIES.reduce((total, category) => total + result.byCategory[category], 0);
    const sharedUsd = result.lines
      .filter((line) => line.regionCode === undefined)
      .reduce((total, line) => total + line.monthlyUsd, 0);
    const fromRegions = result.byRegion.reduce((total, entry) => total + entry.monthlyUsd, 0) + sharedUsd;
    expect(fromCategories).toBeCloseTo(result.totalMonthlyUsd, 6);
    expect(fromLines).toBeCloseTo(result.totalMonthlyUsd, 6);
    expect(fromRegions).toBeCloseTo(result.totalMonthlyUsd, 6);
    expect(result.catalogDate).toBe(DEFAULT_CATALOG.effectiveDate);
  });

  it("collapses the baseline into the primary at FULL tier, without replication", () => {
    const estate = seedWarmStandbyEstate();
    // A scaled-down primary is still priced at its instance count in the baseline: the tier label is all that changes.
    const primary = estate.regions[0]!;
    const scaledPrimary: TEstate = {
      ...estate,
      regions: [
        { ...primary, components: primary.components.map((c) => ({ ...c, tier: "SCALED_DOWN" as const })) },
        estate.regions[1]!,
      ],
    };
    expect(cost(scaledPrimary).singleRegionBaselineUsd).toBeCloseTo(3143.7, 6);
    // Replication volume changes the total, never the baseline.
    const busier = { ...estate, replicationLinks: [{ ...estate.replicationLinks[0]!, volumeGbPerDay: 2000 }] };
    expect(cost(busier).singleRegionBaselineUsd).toBeCloseTo(3143.7, 6);
    expect(cost(busier).totalMonthlyUsd - cost(estate).totalMonthlyUsd).toBeCloseTo((2000 - 200) * 30 * 0.02, 6);
  });

  it("returns no multiplier when the baseline costs nothing (an all-lab estate)", () => {
    const lab: TEstate = {
      deployment: { name: "lab", drModel: "ACTIVE_ACTIVE", rtoTargetSeconds: 0, rpoTargetSeconds: 0 },
      regions: [
        region("lab-a", "LAB", "EU", true, [component("DATABASE", "FULL", 1, "small")]),
        region("lab-b", "LAB", "EU", false, [component("DATABASE", "FULL", 1, "small")]),
      ],
      replicas: [],
      replicationLinks: [{ sourceRegionId: "lab-a", targetRegionId: "lab-b", volumeGbPerDay: 10 }],
      routing: {
        product: "LAB",
        dnsQueriesPerMonthMillions: 1,
        healthCheckCount: 2,
        requestsPerMonthMillions: 0,
        internetEgressGbPerMonth: 0,
      },
    };
    const result = cost(lab);
    expect(result.totalMonthlyUsd).toBe(0);
    expect(result.multiplier).toBeNull();
    expect(result.band.within).toBe(false);
    expect(result.band.reason).toMatch(/baseline costs \$0/);
  });

  it("prices Front Door per request and per GB it delivers, instead of origin egress", () => {
    const estate = seedWarmStandbyEstate();
    const frontDoor: TEstate = {
      ...estate,
      routing: { ...estate.routing, product: "AZURE_FRONT_DOOR", requestsPerMonthMillions: 500 },
    };
    const result = cost(frontDoor);
    // base $35 + 500 M requests × $0.90 = $450 + 2,000 GB × $0.083 = $166  -> $651; no AWS user egress line.
    expect(result.byCategory.routing).toBeCloseTo(35 + 450 + 166, 6);
    expect(result.byCategory.transfer).toBeCloseTo(120, 6);
  });
});
