// Readiness of the demo deployments' DR plans, item by item, against real PostgreSQL.
import { describe, expect, it } from "vitest";

import type { ReadinessItem } from "@/lib/planning/contracts";
import { db } from "@/server/db";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";
import { SNAPSHOT_EVENT } from "@/server/domain/telemetry/snapshot";
import { updateDeployment } from "@/server/domain/topology/deployments";
import { createPolicy, createRule } from "@/server/domain/topology/routing";
import { deleteStackComponent } from "@/server/domain/topology/stack-components";
import { publishLiveEvent } from "@/server/events";
import { seedPlanningDemo } from "@/tests/planning-demo";

import { loadPlanningModel } from "./load-model";
import { readiness } from "./readiness";
import { rpoItem, rtoItem } from "./readiness-timing";
import { createResidencyRule } from "./residency";

const byId = (items: ReadinessItem[]) => Object.fromEntries(items.map((item) => [item.id, item]));

describe("readiness of the demo deployments", () => {
  it("commerce-aws: a warm standby that passes, its drill honestly unrecorded", async () => {
    const { deployment } = await seedPlanningDemo("commerce-aws");
    const items = await readiness(db, deployment.id);
    expect(items.map((item) => item.id)).toEqual(["replicas", "rpo", "rto", "health-checks", "residency", "drill"]);
    const item = byId(items);
    expect(item.replicas).toMatchObject({
      status: "pass",
      reason: expect.stringContaining("aurora-global in eu-west-1"),
    });
    // Route 53: TTL 60 s + 30 s × 3 = 150 s against an RTO of 600 s.
    expect(item.rto).toMatchObject({
      status: "pass",
      reason: expect.stringContaining("DNS TTL 60 s + 30 s × 3 failed checks = 150 s, which meets the RTO of 600 s"),
    });
    expect(item.rpo).toMatchObject({
      status: "pass",
      reason: expect.stringMatching(
        /^expected, not measured \(no live data from the worker\): about 1 s on 1 async link/,
      ),
    });
    expect(item["health-checks"]).toMatchObject({
      status: "pass",
      reason: "route53-latency: quorum 2 of 4 probe locations, 3 failures in a row",
    });
    expect(item.residency!.status).toBe("pass");
    expect(item.drill).toMatchObject({ status: "warn", reason: expect.stringMatching(/^no drill recorded/) });
  });

  it("global-platform: Cloudflare's 5 s + 15 s × 3 = 50 s misses a 30 s RTO; 1 s of async lag is at its 1 s RPO", async () => {
    const { deployment } = await seedPlanningDemo("global-platform");
    const item = byId(await readiness(db, deployment.id));
    expect(item.replicas).toMatchObject({
      status: "pass",
      reason: expect.stringContaining("ap-southeast-1, eu-west-1, us-east-1"),
    });
    expect(item.rto).toMatchObject({
      status: "fail",
      reason: expect.stringContaining(
        "proxy switch ~5 s + 15 s × 3 failed checks = 50 s, which exceeds the RTO of 30 s",
      ),
    });
    expect(item.rpo!.status).toBe("warn");
    expect(item["health-checks"]!.status).toBe("pass");
  });

  it("saas-azure: Front Door's ~10 s + 10 s × 3 = 40 s meets 900 s", async () => {
    const { deployment } = await seedPlanningDemo("saas-azure");
    const item = byId(await readiness(db, deployment.id));
    expect(item.rto).toMatchObject({
      status: "pass",
      reason: expect.stringContaining(
        "front-door (AZURE_FRONT_DOOR): proxy switch ~10 s + 10 s × 3 failed checks = 40 s",
      ),
    });
    expect(item["health-checks"]!.reason).toContain("traffic-manager-backup: quorum 2 of 4 probe locations");
  });

  it("warns when the failover time reaches 80% of the RTO, and fails an RPO of 0 on async links", async () => {
    const { deployment } = await seedPlanningDemo("commerce-aws");
    const model = await loadPlanningModel(db, deployment.id);
    expect(rtoItem({ ...model, rtoTargetSeconds: 180 })).toMatchObject({
      status: "warn",
      reason: expect.stringContaining("is within 80% of the RTO of 180 s"),
    });
    expect(rtoItem({ ...model, rtoTargetSeconds: 120 }).status).toBe("fail");
    expect(rpoItem({ ...model, rpoTargetSeconds: 0 }, null)).toMatchObject({
      status: "fail",
      reason: expect.stringContaining("needs synchronous links"),
    });
  });

  it("measures lag from the worker's latest snapshot when there is one", async () => {
    const { deployment, cluster } = await seedPlanningDemo("commerce-aws");
    const link = await db.replicationLink.findFirstOrThrow({ where: { clusterId: cluster.id } });
    const observedAtMs = Date.now();
    await publishLiveEvent(db, deployment.id, SNAPSHOT_EVENT, {
      deploymentId: deployment.id,
      observedAtMs,
      rpoTargetSeconds: 5,
      regions: [],
      clusters: [],
      replicas: [],
      alerts: [],
      faults: [],
      links: [{ linkId: link.id, lagMs: 12_000, lagBytes: 120_000_000, overRpo: true }],
    });
    const item = byId(await readiness(db, deployment.id));
    expect(item.rpo).toMatchObject({
      status: "fail",
      reason: `measured at ${new Date(observedAtMs).toISOString()}: over the target: aurora-use1 → aurora-euw1 at 12 s; RPO target 5 s`,
    });
  });

  it("needs a replica of each cluster outside the primary region, or backups elsewhere for backup & restore", async () => {
    const { deployment, regionIds } = await seedPlanningDemo("commerce-aws");
    await updateDeployment(db, SYSTEM_ACTOR, { id: deployment.id, drModel: "BACKUP_RESTORE" });
    expect(byId(await readiness(db, deployment.id)).replicas).toMatchObject({
      status: "pass",
      reason: expect.stringContaining("object storage in eu-west-1"),
    });
    const storage = await db.stackComponent.findFirstOrThrow({
      where: { deploymentId: deployment.id, regionId: regionIds.awsEuWest1, kind: "OBJECT_STORAGE" },
    });
    await deleteStackComponent(db, SYSTEM_ACTOR, { id: storage.id });
    expect(byId(await readiness(db, deployment.id)).replicas).toMatchObject({
      status: "fail",
      reason: expect.stringContaining("needs backups in a second region"),
    });
  });

  it("warns about a policy whose quorum is a single probe location", async () => {
    const { deployment, regionIds } = await seedPlanningDemo("commerce-aws");
    const policy = await createPolicy(db, SYSTEM_ACTOR, {
      deploymentId: deployment.id,
      name: "lonely-probe",
      layer: "DNS",
      product: "ROUTE53",
      steering: "FAILOVER",
      dnsTtlSeconds: 60,
      healthCheckIntervalSeconds: 30,
      healthCheckTimeoutSeconds: 10,
      healthCheckFailureThreshold: 3,
      healthCheckProbeLocations: ["us-east-1", "eu-west-1"],
      healthCheckQuorum: 1,
    });
    await createRule(db, SYSTEM_ACTOR, {
      policyId: policy.id,
      regionId: regionIds.awsUsEast1,
      weight: 100,
      priority: 1,
      geoMatch: [],
      enabled: true,
      drained: false,
    });
    expect(byId(await readiness(db, deployment.id))["health-checks"]).toMatchObject({
      status: "warn",
      reason: expect.stringContaining(
        "lonely-probe: quorum 1 of 2 probe locations, 3 failures in a row; one location's view can fail a healthy region over",
      ),
    });
  });

  it("fails a residency rule whose data leaves the group, naming the link and the replica", async () => {
    const { deployment, regionIds } = await seedPlanningDemo("commerce-aws");
    await createResidencyRule(db, SYSTEM_ACTOR, {
      deploymentId: deployment.id,
      name: "us-only",
      regionIds: [regionIds.awsUsEast1],
    });
    const broken = byId(await readiness(db, deployment.id)).residency!;
    expect(broken.status).toBe("fail");
    expect(broken.reason).toContain(
      "us-only is broken: link aurora-use1 → aurora-euw1 copies data from us-east-1 to eu-west-1",
    );
    expect(broken.reason).toContain(
      "replica aurora-euw1 of cluster aurora-global sits in eu-west-1, outside the group",
    );
    await db.residencyRule.deleteMany({ where: { deploymentId: deployment.id } });
    await createResidencyRule(db, SYSTEM_ACTOR, {
      deploymentId: deployment.id,
      name: "us-and-eu",
      regionIds: [regionIds.awsUsEast1, regionIds.awsEuWest1],
    });
    expect(byId(await readiness(db, deployment.id)).residency).toMatchObject({
      status: "pass",
      reason: "us-and-eu kept: no replica or link takes their data outside their regions",
    });
  });
});
