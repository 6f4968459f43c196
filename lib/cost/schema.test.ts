import { describe, expect, it } from "vitest";

import { seedWarmStandbyEstate } from "@/tests/cost-estates";

import { DEFAULT_CATALOG } from "./catalog";
import { computeEstateCost } from "./compute";
import { CostError } from "./errors";
import { ZEstate } from "./schema";

/** Parses and returns "path: message" for each issue, so a test sees both the field and the rule. */
function problems(input: unknown): string[] {
  const parsed = ZEstate.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("estate schema", () => {
  it("accepts the hand-built estate", () => {
    expect(problems(seedWarmStandbyEstate())).toEqual([]);
  });

  it("refuses a negative replication volume, naming the field", () => {
    const estate = seedWarmStandbyEstate();
    estate.replicationLinks[0]!.volumeGbPerDay = -5;
    expect(problems(estate)).toEqual(["replicationLinks.0.volumeGbPerDay: volumeGbPerDay must be at least 0"]);
  });

  it("refuses negative and fractional instance counts", () => {
    const estate = seedWarmStandbyEstate();
    estate.regions[0]!.components[0]!.instanceCount = -1;
    estate.regions[1]!.components[0]!.instanceCount = 1.5;
    expect(problems(estate)).toEqual([
      "regions.0.components.0.instanceCount: instanceCount must be at least 0",
      "regions.1.components.0.instanceCount: instanceCount must be a whole number",
    ]);
  });

  it("refuses an unknown provider and lists the known ones", () => {
    const estate = seedWarmStandbyEstate();
    const input = { ...estate, regions: [{ ...estate.regions[0], provider: "ORACLE" }, estate.regions[1]] };
    expect(problems(input)).toEqual([
      "regions.0.provider: Provider must be AWS, Azure, GCP, Cloudflare, On-prem or Lab",
    ]);
  });

  it("refuses an empty estate", () => {
    const estate = seedWarmStandbyEstate();
    expect(problems({ ...estate, regions: [], replicas: [], replicationLinks: [] })).toEqual([
      "regions: regions must contain at least one region: an empty estate has nothing to cost",
    ]);
  });

  it("refuses negative routing volumes and health checks", () => {
    const estate = seedWarmStandbyEstate();
    const input = { ...estate, routing: { ...estate.routing, dnsQueriesPerMonthMillions: -1, healthCheckCount: -2 } };
    expect(problems(input)).toEqual([
      "routing.dnsQueriesPerMonthMillions: dnsQueriesPerMonthMillions must be at least 0",
      "routing.healthCheckCount: healthCheckCount must be at least 0",
    ]);
  });

  it("refuses an estate without exactly one primary", () => {
    const estate = seedWarmStandbyEstate();
    estate.regions[1]!.isPrimary = true;
    expect(problems(estate)).toEqual(["regions: regions must have exactly one primary (isPrimary), found 2"]);
  });

  it("refuses replicas and links that point at unknown regions, and self-links", () => {
    const estate = seedWarmStandbyEstate();
    const input = {
      ...estate,
      replicas: [{ id: "ghost", regionId: "mars-1" }],
      replicationLinks: [{ sourceRegionId: "us-east-1", targetRegionId: "us-east-1", volumeGbPerDay: 1 }],
    };
    expect(problems(input)).toEqual([
      "replicas.0.regionId: regionId must name a region of the estate: mars-1 is unknown",
      "replicationLinks.0.targetRegionId: targetRegionId must differ from sourceRegionId",
    ]);
  });

  it("refuses a component kind listed twice in one region, and an unknown DR model", () => {
    const estate = seedWarmStandbyEstate();
    estate.regions[1]!.components.push({ kind: "COMPUTE", tier: "FULL", instanceCount: 1, instanceSize: "small" });
    const input = { ...estate, deployment: { ...estate.deployment, drModel: "HOT_SPARE" } };
    expect(problems(input)).toEqual([
      "deployment.drModel: DR model must be Backup & restore, Pilot light, Warm standby or Active-active",
      "regions.1.components.4.kind: Kind must be unique per region: us-west-2 lists compute twice",
    ]);
  });

  it("makes computeEstateCost refuse bad input with a CostError naming the field", () => {
    const estate = seedWarmStandbyEstate();
    estate.replicationLinks[0]!.volumeGbPerDay = -1;
    const call = () => computeEstateCost(estate, DEFAULT_CATALOG);
    expect(call).toThrow(CostError);
    expect(call).toThrow("estate is invalid: replicationLinks.0.volumeGbPerDay: volumeGbPerDay must be at least 0");
  });
});
