// The model -> lib/cost estate mapping, for the article's three demo deployments, against real PostgreSQL.
import { describe, expect, it } from "vitest";

import { sizeLabel } from "@/lib/topology/words";
import { db } from "@/server/db";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";
import { createCluster } from "@/server/domain/topology/clusters";
import { createDeployment } from "@/server/domain/topology/deployments";
import { createLink } from "@/server/domain/topology/links";
import { createReplica } from "@/server/domain/topology/replicas";
import { deploymentInput } from "@/tests/factories";
import { seedPlanningDemo } from "@/tests/planning-demo";

import { costOfDeployment } from "./cost-of-deployment";
import { estateFromModel, loadCostEstate } from "./estate-from-model";
import { loadPlanningModel } from "./load-model";
import { sizeClassOf } from "./size-class";

// 730 h × 3,600 s = 2,628,000 s a month; 20 requests/s per compute instance.
const requestsMillions = (instances: number) => (instances * 20 * 2_628_000) / 1e6;

describe("the demo deployments as the cost model sees them", () => {
  it("commerce-aws: us-east-1 primary, eu-west-1 secondary, the 1 TB/day link, Route 53", async () => {
    const { deployment, regionIds } = await seedPlanningDemo("commerce-aws");
    const estate = await loadCostEstate(db, deployment.id);
    expect(estate.deployment).toEqual({
      name: deployment.name,
      drModel: "WARM_STANDBY",
      rtoTargetSeconds: 600,
      rpoTargetSeconds: 5,
    });
    expect(estate.regions.map((r) => [r.code, r.provider, r.continent, r.isPrimary])).toEqual([
      ["us-east-1", "AWS", "NA", true],
      ["eu-west-1", "AWS", "EU", false],
    ]);
    expect(estate.regions[0]!.id).toBe(regionIds.awsUsEast1);
    // Stack rows come sorted by kind; "standard" object storage and CDN are not size classes: priced as medium.
    expect(estate.regions[0]!.components).toEqual([
      { kind: "COMPUTE", tier: "FULL", instanceCount: 10, instanceSize: "large" },
      { kind: "DATABASE", tier: "FULL", instanceCount: 2, instanceSize: "xlarge" },
      { kind: "CACHE", tier: "FULL", instanceCount: 2, instanceSize: "large" },
      { kind: "OBJECT_STORAGE", tier: "FULL", instanceCount: 1, instanceSize: "medium", modelSize: "standard" },
      { kind: "CDN", tier: "FULL", instanceCount: 1, instanceSize: "medium", modelSize: "standard" },
    ]);
    expect(estate.regions[1]!.components.find((c) => c.kind === "COMPUTE")).toEqual({
      kind: "COMPUTE",
      tier: "SCALED_DOWN",
      instanceCount: 3,
      instanceSize: "large",
    });
    expect(estate.replicas.map((r) => r.regionId)).toEqual([regionIds.awsUsEast1, regionIds.awsEuWest1]);
    expect(estate.replicationLinks).toEqual([
      { sourceRegionId: regionIds.awsUsEast1, targetRegionId: regionIds.awsEuWest1, volumeGbPerDay: 1000 },
    ]);
    // 13 compute instances routed (10 + 3); 4 probe locations × 2 regions.
    expect(estate.routing.product).toBe("ROUTE53");
    expect(estate.routing.healthCheckCount).toBe(8);
    expect(estate.routing.requestsPerMonthMillions).toBeCloseTo(requestsMillions(13), 6);
    expect(estate.routing.dnsQueriesPerMonthMillions).toBeCloseTo(requestsMillions(13) / 10, 6);
    expect(estate.routing.internetEgressGbPerMonth).toBeCloseTo(requestsMillions(13) * 20, 6);
  });

  it("global-platform: multi-primary, so the first region is the primary; the full mesh of links; Cloudflare", async () => {
    const { deployment, regionIds } = await seedPlanningDemo("global-platform");
    const { estate, assumptions } = estateFromModel(await loadPlanningModel(db, deployment.id));
    expect(estate.regions.map((r) => [r.code, r.continent, r.isPrimary])).toEqual([
      ["ap-southeast-1", "AS", true],
      ["eu-west-1", "EU", false],
      ["us-east-1", "NA", false],
    ]);
    expect(estate.replicationLinks).toHaveLength(6);
    expect(estate.replicationLinks).toContainEqual({
      sourceRegionId: regionIds.awsEuWest1,
      targetRegionId: regionIds.awsUsEast1,
      volumeGbPerDay: 200,
    });
    expect(estate.routing).toMatchObject({ product: "CLOUDFLARE_LB", healthCheckCount: 18 });
    expect(estate.routing.requestsPerMonthMillions).toBeCloseTo(requestsMillions(36), 6);
    expect(assumptions).toContain("health checks: 6 probe locations × 3 regions routed = 18");
  });

  it("saas-azure: Azure SKUs priced as catalog size classes, routing from the first policy (Front Door)", async () => {
    const { deployment } = await seedPlanningDemo("saas-azure");
    const { estate, assumptions } = estateFromModel(await loadPlanningModel(db, deployment.id));
    const east = estate.regions[0]!;
    expect(east).toMatchObject({ code: "eastus", provider: "AZURE", continent: "NA", isPrimary: true });
    expect(Object.fromEntries(east.components.map((c) => [c.kind, c.instanceSize]))).toEqual({
      COMPUTE: "medium",
      DATABASE: "large",
      CACHE: "small",
      OBJECT_STORAGE: "medium",
    });
    expect(assumptions).toContain("eastus database: GP_Gen5_8 (8 vCPU) priced as large");
    expect(estate.routing).toMatchObject({ product: "AZURE_FRONT_DOOR", healthCheckCount: 10 });
    expect(assumptions[0]).toBe("routing priced from policy front-door (the first of 2)");
  });

  it("saas-azure: a cost line names a size as the model does (6 × P2v3), with the class it is priced as", async () => {
    const { deployment } = await seedPlanningDemo("saas-azure");
    const model = await loadPlanningModel(db, deployment.id);
    const compute = model.regions[0]!.stack.find((component) => component.kind === "COMPUTE")!;
    const cost = await costOfDeployment(db, deployment.id);
    const line = cost.lines.find((entry) => entry.category === "compute" && entry.regionCode === "eastus")!;
    // The Model tab's words for the same component, and the line's: one name for the size.
    expect(sizeLabel(compute)).toBe("6 × P2v3");
    expect(line.description).toBe(`compute: ${sizeLabel(compute)} (priced as medium)`);
    const standby = cost.lines.find((entry) => entry.category === "compute" && entry.regionCode !== "eastus")!;
    expect(standby.description).toMatch(/^compute: \d+ × P2v3, scaled down \(priced as medium\)$/);
    expect(cost.lines.map((entry) => entry.description).join(" ")).not.toMatch(/FULL|SCALED_DOWN/);
  });

  it("every demo deployment costs with the seeded catalog, and the result names the catalog's date", async () => {
    for (const slug of ["global-platform", "commerce-aws", "saas-azure"] as const) {
      const { deployment } = await seedPlanningDemo(slug);
      const cost = await costOfDeployment(db, deployment.id);
      expect(cost.totalMonthlyUsd).toBeGreaterThan(0);
      expect(cost.catalogDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(cost.band.model).toBe(slug === "global-platform" ? "ACTIVE_ACTIVE" : "WARM_STANDBY");
    }
  });

  it("sums links between the same two regions and leaves out links inside one region", async () => {
    const { deployment, regionIds } = await seedPlanningDemo("commerce-aws");
    const cluster = await createCluster(db, SYSTEM_ACTOR, {
      deploymentId: deployment.id,
      name: "sessions",
      engine: "Redis",
      writeTopology: "SINGLE_PRIMARY",
      conflictStrategy: "NONE",
      consistencyLevel: "EVENTUAL",
    });
    const primary = await createReplica(db, SYSTEM_ACTOR, {
      clusterId: cluster.id,
      regionId: regionIds.awsUsEast1,
      name: "sessions-use1",
      role: "PRIMARY",
      endpoint: null,
    });
    const local = await createReplica(db, SYSTEM_ACTOR, {
      clusterId: cluster.id,
      regionId: regionIds.awsUsEast1,
      name: "sessions-use1-b",
      role: "READ_REPLICA",
      endpoint: null,
    });
    const remote = await createReplica(db, SYSTEM_ACTOR, {
      clusterId: cluster.id,
      regionId: regionIds.awsEuWest1,
      name: "sessions-euw1",
      role: "READ_REPLICA",
      endpoint: null,
    });
    await createLink(db, SYSTEM_ACTOR, {
      sourceReplicaId: primary.id,
      targetReplicaId: local.id,
      mode: "SYNC",
      expectedVolumeGbPerDay: 500,
    });
    await createLink(db, SYSTEM_ACTOR, {
      sourceReplicaId: primary.id,
      targetReplicaId: remote.id,
      mode: "ASYNC",
      expectedVolumeGbPerDay: 200,
    });
    const estate = await loadCostEstate(db, deployment.id);
    expect(estate.replicationLinks).toEqual([
      { sourceRegionId: regionIds.awsUsEast1, targetRegionId: regionIds.awsEuWest1, volumeGbPerDay: 1200 },
    ]);
    expect(estate.replicas).toHaveLength(5);
  });

  it("refuses to cost a deployment with no regions, saying what to do", async () => {
    const empty = await createDeployment(db, SYSTEM_ACTOR, deploymentInput());
    await expect(loadCostEstate(db, empty.id)).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/has no regions yet: add a region/),
    });
  });
});

describe("instance sizes to catalog size classes", () => {
  it.each([
    ["COMPUTE", "large", "large"],
    ["COMPUTE", "XLarge", "xlarge"],
    ["COMPUTE", "m7i.2xlarge", "large"],
    ["DATABASE", "db.r7g.large", "small"],
    ["DATABASE", "GP_Gen5_8", "large"],
    ["DATABASE", "BC_Gen5_16", "xlarge"],
    ["COMPUTE", "Standard_D4s_v5", "medium"],
    ["COMPUTE", "P2v3", "medium"],
    ["CACHE", "P1", "small"],
    ["CACHE", "P3", "large"],
    ["COMPUTE", "n2-standard-16", "xlarge"],
    ["OBJECT_STORAGE", "RA-GRS", "medium"],
    ["COMPUTE", "mystery-box", "medium"],
  ] as const)("%s %s -> %s", (kind, size, expected) => {
    expect(sizeClassOf(kind, size).sizeClass).toBe(expected);
  });

  it("says when it had to guess", () => {
    expect(sizeClassOf("COMPUTE", "large").note).toBeNull();
    expect(sizeClassOf("COMPUTE", "mystery-box").note).toBe(
      "mystery-box is not a size the catalog knows: priced as medium",
    );
  });
});
