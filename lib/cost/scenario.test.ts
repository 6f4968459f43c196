import { describe, expect, it } from "vitest";

import { seedActiveActiveEstate, seedWarmStandbyEstate } from "@/tests/cost-estates";

import { DEFAULT_CATALOG } from "./catalog";
import { computeEstateCost } from "./compute";
import { CostError } from "./errors";
import { applyScenario } from "./scenario";
import type { TScenarioChange } from "./scenario-change";
import type { TEstate } from "./schema";

const regionOf = (estate: TEstate, id: string) => estate.regions.find((r) => r.id === id)!;
const componentOf = (estate: TEstate, id: string, kind: string) =>
  regionOf(estate, id).components.find((c) => c.kind === kind);
const total = (estate: TEstate) => computeEstateCost(estate, DEFAULT_CATALOG).totalMonthlyUsd;

describe("applyScenario", () => {
  it("refuses an empty change list", () => {
    expect(() => applyScenario(seedWarmStandbyEstate(), [])).toThrow("a scenario needs at least one change");
  });

  it("refuses a change naming an unknown region, saying which change and which region", () => {
    const call = () =>
      applyScenario(seedWarmStandbyEstate(), [
        { kind: "setRoutingProduct", product: "LAB" },
        { kind: "setTier", regionId: "mars-1", component: "COMPUTE", tier: "OFF" },
      ]);
    expect(call).toThrow(CostError);
    expect(call).toThrow(/change 2 \(setTier\) names region "mars-1", which is not in the estate/);
    expect(() =>
      applyScenario(seedWarmStandbyEstate(), [
        { kind: "setReplicationVolume", sourceRegionId: "us-east-1", targetRegionId: "nowhere", volumeGbPerDay: 1 },
      ]),
    ).toThrow(/"nowhere"/);
  });

  it("refuses a malformed change with the field and the rule", () => {
    const bad = [
      { kind: "setReplicationVolume", sourceRegionId: "us-east-1", targetRegionId: "us-west-2", volumeGbPerDay: -3 },
    ] as TScenarioChange[];
    expect(() => applyScenario(seedWarmStandbyEstate(), bad)).toThrow(
      "change 1: Replication volume must be at least 0 GB/day",
    );
  });

  it("never modifies the estate it is given", () => {
    const estate = seedActiveActiveEstate();
    const before = structuredClone(estate);
    applyScenario(estate, [
      { kind: "setDrModel", drModel: "PILOT_LIGHT" },
      { kind: "removeRegion", regionId: "eu-west-1" },
    ]);
    expect(estate).toEqual(before);
  });

  it("setDrModel to the model the estate runs keeps its secondaries as sized", () => {
    const warm = seedWarmStandbyEstate();
    expect(applyScenario(warm, [{ kind: "setDrModel", drModel: "WARM_STANDBY" }])).toEqual(warm);
  });

  it("setDrModel ACTIVE_ACTIVE -> WARM_STANDBY scales secondaries down to half the primary", () => {
    const result = applyScenario(seedActiveActiveEstate(), [{ kind: "setDrModel", drModel: "WARM_STANDBY" }]);
    expect(result.deployment.drModel).toBe("WARM_STANDBY");
    // Primary: 4 compute, 2 database, 2 cache -> secondaries: 2, 1, 1 SCALED_DOWN; storage mirrored; CDN off.
    expect(componentOf(result, "eu-west-1", "COMPUTE")).toEqual({
      kind: "COMPUTE",
      tier: "SCALED_DOWN",
      instanceCount: 2,
      instanceSize: "large",
    });
    expect(componentOf(result, "eu-west-1", "DATABASE")).toMatchObject({ tier: "SCALED_DOWN", instanceCount: 1 });
    expect(componentOf(result, "eu-west-1", "OBJECT_STORAGE")).toMatchObject({ tier: "FULL", instanceCount: 1 });
    expect(componentOf(result, "eu-west-1", "CDN")).toMatchObject({ tier: "OFF", instanceCount: 0 });
    expect(componentOf(result, "us-east-1", "COMPUTE")).toMatchObject({ tier: "FULL", instanceCount: 4 });
    expect(total(result)).toBeLessThan(total(seedActiveActiveEstate()));
  });

  it("setDrModel -> PILOT_LIGHT stops secondary compute and keeps the databases", () => {
    const result = applyScenario(seedActiveActiveEstate(), [{ kind: "setDrModel", drModel: "PILOT_LIGHT" }]);
    expect(componentOf(result, "ap-southeast-1", "COMPUTE")).toMatchObject({ tier: "OFF", instanceCount: 0 });
    expect(componentOf(result, "ap-southeast-1", "CACHE")).toMatchObject({ tier: "OFF" });
    expect(componentOf(result, "ap-southeast-1", "DATABASE")).toMatchObject({ tier: "FULL", instanceCount: 2 });
    const lines = computeEstateCost(result, DEFAULT_CATALOG).lines.filter(
      (line) => line.regionCode === "ap-southeast-1",
    );
    // Its stack bills the database and storage only (plus the replication it still sends on its two mesh links).
    expect([...new Set(lines.map((line) => line.category))].sort()).toEqual(["databases", "objectStorage", "transfer"]);
  });

  it("setDrModel -> BACKUP_RESTORE leaves only object storage running in secondaries", () => {
    const result = applyScenario(seedActiveActiveEstate(), [{ kind: "setDrModel", drModel: "BACKUP_RESTORE" }]);
    expect(result.replicas.map((replica) => replica.regionId)).toEqual(["us-east-1"]);
    const cost = computeEstateCost(result, DEFAULT_CATALOG);
    // Each secondary: object storage $23 only.
    expect(cost.byRegion.find((entry) => entry.regionId === "eu-west-1")?.stackMonthlyUsd).toBeCloseTo(23, 6);
  });

  it("setDrModel WARM_STANDBY -> ACTIVE_ACTIVE mirrors the primary and gives the secondary a replica", () => {
    const warm = seedWarmStandbyEstate();
    const result = applyScenario({ ...warm, replicas: [warm.replicas[0]!] }, [
      { kind: "setDrModel", drModel: "ACTIVE_ACTIVE" },
    ]);
    expect(componentOf(result, "us-west-2", "COMPUTE")).toMatchObject({ tier: "FULL", instanceCount: 6 });
    expect(componentOf(result, "us-west-2", "CDN")).toMatchObject({ tier: "FULL", instanceCount: 1 });
    expect(result.replicas.filter((replica) => replica.regionId === "us-west-2")).toHaveLength(1);
  });

  it("addRegion shapes the new region by the DR model and replicates to it at the primary's volume", () => {
    const result = applyScenario(seedWarmStandbyEstate(), [
      { kind: "addRegion", region: { id: "eu-central-1", code: "eu-central-1", provider: "AWS", continent: "eu" } },
    ]);
    const added = regionOf(result, "eu-central-1");
    expect(added).toMatchObject({ isPrimary: false, continent: "EU" });
    expect(componentOf(result, "eu-central-1", "COMPUTE")).toMatchObject({ tier: "SCALED_DOWN", instanceCount: 3 });
    expect(result.replicationLinks).toContainEqual({
      sourceRegionId: "us-east-1",
      targetRegionId: "eu-central-1",
      volumeGbPerDay: 200,
    });
    expect(result.replicas.some((replica) => replica.regionId === "eu-central-1")).toBe(true);
    expect(() =>
      applyScenario(result, [
        { kind: "addRegion", region: { id: "eu-central-1", code: "x", provider: "AWS", continent: "EU" } },
      ]),
    ).toThrow(/already exists/);
  });

  it("removeRegion drops the region, its replicas and its links, and refuses the primary", () => {
    const result = applyScenario(seedActiveActiveEstate(), [{ kind: "removeRegion", regionId: "ap-southeast-1" }]);
    expect(result.regions.map((r) => r.id)).toEqual(["us-east-1", "eu-west-1"]);
    expect(result.replicationLinks).toHaveLength(2);
    expect(result.replicas.map((replica) => replica.regionId)).not.toContain("ap-southeast-1");
    expect(() => applyScenario(seedActiveActiveEstate(), [{ kind: "removeRegion", regionId: "us-east-1" }])).toThrow(
      /cannot remove the primary region us-east-1/,
    );
  });

  it("setTier OFF stops paying; turning an empty component on gives it instances", () => {
    const off = applyScenario(seedWarmStandbyEstate(), [
      { kind: "setTier", regionId: "us-west-2", component: "COMPUTE", tier: "OFF" },
    ]);
    // 4 × 730 × $0.20 = $584 saved.
    expect(total(seedWarmStandbyEstate()) - total(off)).toBeCloseTo(584, 6);
    const emptied = applyScenario(seedWarmStandbyEstate(), [
      { kind: "setInstanceCount", regionId: "us-west-2", component: "CACHE", instanceCount: 0 },
    ]);
    const back = applyScenario(emptied, [
      { kind: "setTier", regionId: "us-west-2", component: "CACHE", tier: "SCALED_DOWN" },
    ]);
    expect(componentOf(back, "us-west-2", "CACHE")).toMatchObject({ tier: "SCALED_DOWN", instanceCount: 1 });
    expect(() =>
      applyScenario(seedWarmStandbyEstate(), [
        { kind: "setTier", regionId: "us-west-2", component: "CDN", tier: "FULL" },
      ]),
    ).toThrow(/has no cdn component/);
  });

  it("setInstanceCount changes what is billed", () => {
    const result = applyScenario(seedWarmStandbyEstate(), [
      { kind: "setInstanceCount", regionId: "us-west-2", component: "COMPUTE", instanceCount: 6 },
    ]);
    // Two more medium instances: 2 × 730 × $0.20 = $292.
    expect(total(result) - total(seedWarmStandbyEstate())).toBeCloseTo(292, 6);
  });

  it("setReplicationVolume updates an existing link or adds a new one", () => {
    const result = applyScenario(seedWarmStandbyEstate(), [
      { kind: "setReplicationVolume", sourceRegionId: "us-east-1", targetRegionId: "us-west-2", volumeGbPerDay: 1000 },
      { kind: "setReplicationVolume", sourceRegionId: "us-west-2", targetRegionId: "us-east-1", volumeGbPerDay: 50 },
    ]);
    expect(result.replicationLinks).toEqual([
      { sourceRegionId: "us-east-1", targetRegionId: "us-west-2", volumeGbPerDay: 1000 },
      { sourceRegionId: "us-west-2", targetRegionId: "us-east-1", volumeGbPerDay: 50 },
    ]);
    // (1,000 + 50) × 30 × $0.02 = $630 of replication.
    expect(computeEstateCost(result, DEFAULT_CATALOG).byCategory.transfer - 180).toBeCloseTo(630, 6);
  });

  it("setRoutingProduct swaps the routing bill", () => {
    const result = applyScenario(seedWarmStandbyEstate(), [
      { kind: "setRoutingProduct", product: "AZURE_TRAFFIC_MANAGER" },
    ]);
    // 100 M × $0.54 + 4 × $0.36 = $55.44
    expect(computeEstateCost(result, DEFAULT_CATALOG).byCategory.routing).toBeCloseTo(55.44, 6);
  });

  it("setProvider moves a region to another cloud, turning its link into a cross-provider path", () => {
    const result = applyScenario(seedWarmStandbyEstate(), [
      { kind: "setProvider", regionId: "us-west-2", provider: "GCP" },
    ]);
    expect(regionOf(result, "us-west-2").provider).toBe("GCP");
    const replication = computeEstateCost(result, DEFAULT_CATALOG).lines.find((line) =>
      line.description.startsWith("replication"),
    );
    // AWS sends to GCP over the internet: 6,000 GB × $0.09 = $540.
    expect(replication?.monthlyUsd).toBeCloseTo(540, 6);
  });
});
