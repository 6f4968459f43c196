// Traffic as the routing layer sends it, seen through the worker's tick: the warm standby serves no
// production while the primary is up; a region the routing layer marks down is DOWN, drained and
// holds no writable replica; and a rule of weight 0 under latency steering draws nothing.
import { describe, expect, it } from "vitest";

import type { LiveSnapshot } from "@/lib/telemetry/contracts";
import { DEMO_DEPLOYMENTS } from "@/prisma/seed/demo-deployments";
import { DEMO_REGIONS } from "@/prisma/seed/demo-regions";
import { seedDeployment, seedRegions } from "@/prisma/seed/seed-estate";
import { db } from "@/server/db";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";
import { injectFault } from "@/server/domain/telemetry/faults";
import { latestSnapshot } from "@/server/domain/telemetry/snapshot";
import { makeUser, unique } from "@/tests/factories";

import { observeDeployment } from "./observe-tick";

const OPTIONS = { intervalMs: 1_000, lagAlertAfterSeconds: 3 };

async function demo(slug: string) {
  const spec = DEMO_DEPLOYMENTS.find((d) => d.deployment.slug === slug)!;
  const regions = await seedRegions(db, SYSTEM_ACTOR, DEMO_REGIONS);
  const name = unique("traffic");
  const { deployment } = await seedDeployment(
    db,
    SYSTEM_ACTOR,
    { ...spec, deployment: { ...spec.deployment, slug: name, name } },
    regions,
  );
  let now = 1_800_001_000_000;
  const tick = async () => {
    now += 1_000;
    expect(await observeDeployment(db, deployment.id, now, OPTIONS)).toBe("observed");
    return (await latestSnapshot(db, deployment.id))!.snapshot;
  };
  return { deployment, regions, tick };
}

const regionOf = (snapshot: LiveSnapshot, regionId: string) => snapshot.regions.find((r) => r.regionId === regionId)!;

describe("simulated traffic follows the routing layer", () => {
  it("keeps the warm standby out of production, and drains a primary region the routing layer marks down", async () => {
    const { deployment, regions, tick } = await demo("commerce-aws");
    const { awsUsEast1: primary, awsEuWest1: standby } = regions;
    const primaryReplica = await db.replica.findFirstOrThrow({
      where: { deploymentId: deployment.id, role: "PRIMARY" },
    });
    const before = await tick();
    expect(regionOf(before, standby).requestsPerSecond).toBe(0);
    expect(regionOf(before, primary).requestsPerSecond).toBeGreaterThan(0);

    await injectFault(db, await makeUser("OPERATOR"), {
      deploymentId: deployment.id,
      kind: "REGION_OUTAGE",
      target: { regionId: primary },
      params: {},
    });
    const seen: LiveSnapshot[] = [];
    for (let i = 0; i < 100; i++) seen.push(await tick());
    // Before the routing layer's verdict the region fails every request and is not called down...
    const detecting = seen[10]!;
    expect(regionOf(detecting, primary)).toMatchObject({ status: "DEGRADED", errorRate: 1 });
    // ...and from the moment it is DOWN, it receives nothing and its replica takes no writes.
    const down = seen.filter((s) => regionOf(s, primary).status === "DOWN");
    expect(down.length).toBeGreaterThan(0);
    for (const snapshot of down) {
      expect(regionOf(snapshot, primary).requestsPerSecond).toBe(0);
      expect(regionOf(snapshot, standby).requestsPerSecond).toBe(regionOf(before, primary).requestsPerSecond);
      expect(snapshot.replicas.find((r) => r.replicaId === primaryReplica.id)?.writable).toBe(false);
    }
    expect(seen.at(-1)!.alerts.map((a) => a.kind)).toContain("REGION_DOWN");
    // A hundred ticks: slow on a shared machine, so a longer timeout than the default.
  }, 180_000);

  it("sends nothing to a rule of weight 0 under latency steering", async () => {
    const { deployment, regions, tick } = await demo("global-platform");
    const before = await tick();
    expect(regionOf(before, regions.awsApSoutheast1).requestsPerSecond).toBeGreaterThan(0);
    await db.routingRule.updateMany({
      where: { policy: { deploymentId: deployment.id }, regionId: regions.awsApSoutheast1 },
      data: { weight: 0 },
    });
    const after = await tick();
    expect(regionOf(after, regions.awsApSoutheast1)).toMatchObject({ requestsPerSecond: 0, latencyP50Ms: null });
    const total = (s: LiveSnapshot) => s.regions.reduce((sum, r) => sum + r.requestsPerSecond, 0);
    expect(total(after)).toBeCloseTo(total(before), 0);
  });
});
