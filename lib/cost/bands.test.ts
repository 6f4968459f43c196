import { describe, expect, it } from "vitest";

import { component, primaryStack, region, seedActiveActiveEstate, seedWarmStandbyEstate } from "@/tests/cost-estates";

import { DR_COST_BANDS } from "./bands";
import { DEFAULT_CATALOG } from "./catalog";
import { computeEstateCost } from "./compute";
import type { TEstate } from "./schema";

const band = (estate: TEstate) => computeEstateCost(estate, DEFAULT_CATALOG);

describe("DR cost bands", () => {
  it("uses the article's bands for warm standby and active-active", () => {
    expect(DR_COST_BANDS.WARM_STANDBY).toMatchObject({ lowX: 1.5, highX: 1.8 });
    expect(DR_COST_BANDS.ACTIVE_ACTIVE).toMatchObject({ lowX: 2, highX: 3 });
    expect(DR_COST_BANDS.PILOT_LIGHT.source).toBe("Meridian assumption");
    expect(DR_COST_BANDS.BACKUP_RESTORE.source).toBe("Meridian assumption");
  });

  it("explains a warm standby whose secondary runs full tiers", () => {
    const estate = seedWarmStandbyEstate();
    const fullSecondary: TEstate = {
      ...estate,
      regions: [
        estate.regions[0]!,
        region(
          "us-west-2",
          "AWS",
          "NA",
          false,
          primaryStack().filter((c) => c.kind !== "CDN"),
        ),
      ],
    };
    // Secondary now 876 + 1,606 + 321.20 + 23 = 2,826.20; total 6,089.90 / 3,143.70 ≈ 1.937 > 1.8
    const result = band(fullSecondary);
    expect(result.multiplier).toBeCloseTo(6089.9 / 3143.7, 9);
    expect(result.band.within).toBe(false);
    expect(result.band.reason).toContain("secondary regions run full tiers (us-west-2)");
    expect(result.band.reason).toContain("active-active spending under a warm-standby label");
  });

  it("explains a warm standby drowned in cross-continent replication", () => {
    const estate = seedWarmStandbyEstate();
    const overseas: TEstate = {
      ...estate,
      regions: [estate.regions[0]!, { ...estate.regions[1]!, id: "eu-west-1", code: "eu-west-1", continent: "EU" }],
      replicas: [estate.replicas[0]!, { id: "db-euw1", regionId: "eu-west-1" }],
      replicationLinks: [{ sourceRegionId: "us-east-1", targetRegionId: "eu-west-1", volumeGbPerDay: 3000 }],
    };
    // Replication out of us-east-1 (NA): 3,000 × 30 × $0.02 = 1,800; total 2,911.20 + 1,570.60 + 1,800 + 232.50
    // = 6,514.30 / 3,143.70 ≈ 2.07 > 1.8. The link is the largest extra over one region: 1,800 of 3,370.60 (53%),
    // more than the scaled-down secondary's 1,570.60; 1,800 / 6,514.30 = 27.6% of the total -> "28%".
    const result = band(overseas);
    expect(result.totalMonthlyUsd).toBeCloseTo(6514.3, 6);
    expect(result.multiplier).toBeCloseTo(6514.3 / 3143.7, 9);
    expect(result.band.within).toBe(false);
    expect(result.band.reason).toBe("replication transfer is 28% of the total: 3 TB/day, mostly across continents");
  });

  it("explains an active-active label on scaled-down secondaries (below the band)", () => {
    const estate = seedActiveActiveEstate();
    const halfHearted: TEstate = {
      ...estate,
      regions: estate.regions.map((r) =>
        r.isPrimary
          ? r
          : {
              ...r,
              components: [
                component("COMPUTE", "SCALED_DOWN", 1, "large"),
                component("DATABASE", "SCALED_DOWN", 1, "large"),
              ],
            },
      ),
    };
    // Each secondary: 292 + 803 = 1,095; replication mesh 780 (test-estates.ts: 120 out of NA + 120 out of EU
    // + 540 out of AS); total 3,203.20 + 2,190 + 780 + 755 = 6,928.20 / 3,958.20 ≈ 1.75 < 2
    const result = band(halfHearted);
    expect(result.multiplier).toBeCloseTo(6928.2 / 3958.2, 9);
    expect(result.band.within).toBe(false);
    expect(result.band.reason).toContain("secondary compute is not at full tier (eu-west-1, ap-southeast-1)");
  });

  it("explains a one-region estate that claims a DR model", () => {
    const estate = seedWarmStandbyEstate();
    const alone: TEstate = {
      ...estate,
      regions: [estate.regions[0]!],
      replicas: [estate.replicas[0]!],
      replicationLinks: [],
    };
    const result = band(alone);
    expect(result.multiplier).toBeCloseTo(1, 9);
    expect(result.band.reason).toMatch(/one region only/);
  });

  it("names the extra regions when an active-active estate spans more than the band pictures", () => {
    const estate = seedActiveActiveEstate();
    const stack = estate.regions[0]!.components;
    const four: TEstate = { ...estate, regions: [...estate.regions, region("sa-east-1", "AWS", "SA", false, stack)] };
    // sa-east-1 runs a stack but has no links, so replication stays the 780 mesh of test-estates.ts:
    // 4 × 3,203.20 + 780 + 755 = 14,347.80 / 3,958.20 ≈ 3.62 > 3
    const result = band(four);
    expect(result.multiplier).toBeCloseTo(14347.8 / 3958.2, 9);
    expect(result.band.reason).toContain("4 regions each run a stack");
  });
});
