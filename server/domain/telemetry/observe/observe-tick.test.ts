// The worker's tick against real PostgreSQL and the sim driver: one set of samples per instant
// however many workers race, and a region outage that turns into alerts and back.
import { describe, expect, it } from "vitest";

import { DEMO_DEPLOYMENTS } from "@/prisma/seed/demo-deployments";
import { DEMO_REGIONS } from "@/prisma/seed/demo-regions";
import { seedDeployment, seedRegions } from "@/prisma/seed/seed-estate";
import { db } from "@/server/db";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";
import { clearFault, injectFault } from "@/server/domain/telemetry/faults";
import { latestSnapshot } from "@/server/domain/telemetry/snapshot";
import { makeUser, unique } from "@/tests/factories";

import { observeDeployment, observeEachDue, observeTick } from "./observe-tick";

const OPTIONS = { intervalMs: 1_000, lagAlertAfterSeconds: 3 };

/** The article's AWS warm standby, under a fresh slug: us-east-1 primary, eu-west-1 replica, RPO 5 s. */
async function warmStandby() {
  const spec = DEMO_DEPLOYMENTS.find((d) => d.deployment.slug === "commerce-aws")!;
  const regionIds = await seedRegions(db, SYSTEM_ACTOR, DEMO_REGIONS);
  const slug = unique("tick");
  const { deployment } = await seedDeployment(
    db,
    SYSTEM_ACTOR,
    { ...spec, deployment: { ...spec.deployment, slug, name: slug } },
    regionIds,
  );
  const link = await db.replicationLink.findFirstOrThrow({ where: { cluster: { deploymentId: deployment.id } } });
  return { deployment, link, euWest1: regionIds.awsEuWest1 };
}

describe("observing a deployment", () => {
  it("stores one sample per series and instant, however many workers tick at once", async () => {
    const { deployment, link } = await warmStandby();
    const t0 = 1_800_000_000_000;
    expect(await observeDeployment(db, deployment.id, t0, OPTIONS)).toBe("observed");
    const racing = await Promise.all([1, 2, 3].map(() => observeDeployment(db, deployment.id, t0 + 1_000, OPTIONS)));
    expect(racing.filter((r) => r === "observed")).toHaveLength(1);
    expect(await db.lagSample.count({ where: { linkId: link.id } })).toBe(2);
    // Not due yet: a tick a moment later observes nothing.
    expect(await observeDeployment(db, deployment.id, t0 + 1_100, OPTIONS)).toBe("not-due");
    const state = await db.driverState.findUniqueOrThrow({ where: { deploymentId: deployment.id } });
    expect(state.ticks).toBe(2n);
    const snapshot = await latestSnapshot(db, deployment.id);
    expect(snapshot?.snapshot.observedAtMs).toBe(t0 + 1_000);
    expect(snapshot?.snapshot.regions.map((r) => r.status)).toEqual(["HEALTHY", "HEALTHY"]);
  });

  it("ticks several deployments together, each storing its samples and publishing on its own", async () => {
    const [a, b] = [await warmStandby(), await warmStandby()];
    const now = 1_800_000_050_000;
    const results = await observeTick(db, [a.deployment, b.deployment], now, OPTIONS);
    expect([...results.values()]).toEqual(["observed", "observed"]);
    for (const { link } of [a, b])
      expect(await db.lagSample.count({ where: { linkId: link.id, at: new Date(now) } })).toBe(1);
    // A second worker at the same instant finds nothing due.
    expect([...(await observeTick(db, [a.deployment, b.deployment], now, OPTIONS)).values()]).toEqual([
      "not-due",
      "not-due",
    ]);
  });

  it("the beat starts every due deployment without waiting, and skips one whose tick still runs", async () => {
    const [a, b] = [await warmStandby(), await warmStandby()];
    const errors: string[] = [];
    const beat = observeEachDue(db, OPTIONS, (slug) => errors.push(slug), [a.deployment.id, b.deployment.id]);
    const now = 1_800_000_090_000;
    const first = await beat(now);
    expect(first.started.sort()).toEqual([a.deployment.id, b.deployment.id].sort());
    // Called again before the first ticks are over: none of theirs starts twice.
    const second = await beat(now + 1_000);
    expect(second.started).toEqual([]);
    const results = await first.done;
    await second.done;
    expect(results.get(a.deployment.id)).toBe("observed");
    expect(results.get(b.deployment.id)).toBe("observed");
    for (const { deployment } of [a, b])
      expect((await latestSnapshot(db, deployment.id))?.snapshot.observedAtMs).toBe(now);
    // Once they are done, the next beat takes them again.
    const third = await beat(now + 2_000);
    expect(third.started.sort()).toEqual([a.deployment.id, b.deployment.id].sort());
    expect([...(await third.done).values()]).toEqual(["observed", "observed"]);
    expect(errors).toEqual([]);
  });

  it("turns a region outage into a down region, lag over the RPO target and alerts, and back", async () => {
    const { deployment, link, euWest1 } = await warmStandby();
    const operator = await makeUser("OPERATOR");
    let now = 1_800_000_100_000;
    const tick = async (times: number) => {
      for (let i = 0; i < times; i++) {
        now += 1_000;
        await observeDeployment(db, deployment.id, now, OPTIONS);
      }
      return (await latestSnapshot(db, deployment.id))!.snapshot;
    };
    await tick(2);
    const fault = await injectFault(db, operator, {
      deploymentId: deployment.id,
      kind: "REGION_OUTAGE",
      target: { regionId: euWest1 },
      params: {},
    });

    // Route 53's health check calls it down after 3 failures 30 s apart: the routing layer's verdict.
    const during = await tick(95);
    expect(during.regions.find((r) => r.regionId === euWest1)?.status).toBe("DOWN");
    expect(during.links.find((l) => l.linkId === link.id)?.overRpo).toBe(true);
    expect(during.faults.map((f) => f.id)).toEqual([fault.id]);
    const open = await db.alert.findMany({ where: { deploymentId: deployment.id, resolvedAt: null } });
    expect(open.map((a) => a.kind).sort()).toEqual(["LAG_OVER_RPO", "REGION_DOWN"]);
    expect(
      await db.auditRecord.count({ where: { action: "alert.open", objectId: { in: open.map((a) => a.id) } } }),
    ).toBe(2);

    await clearFault(db, operator, { faultId: fault.id });
    // Ninety seconds of backlog drain at the replica's replay speed.
    let after = await tick(1);
    for (let i = 0; i < 240 && (after.links.some((l) => l.overRpo) || after.alerts.length > 0); i++)
      after = await tick(1);
    expect(after.regions.find((r) => r.regionId === euWest1)?.status).toBe("HEALTHY");
    expect(after.links.find((l) => l.linkId === link.id)?.overRpo).toBe(false);
    expect(after.alerts).toEqual([]);
    expect(await db.alert.count({ where: { deploymentId: deployment.id, resolvedAt: null } })).toBe(0);
    expect(
      await db.auditRecord.count({ where: { action: "alert.resolve", objectId: { in: open.map((a) => a.id) } } }),
    ).toBe(2);
    // Over two minutes of ticks: slow on a shared machine, so a longer timeout than the default.
  }, 300_000);

  it("refuses a fault whose target is not in the deployment, or whose parameters are wrong, and stores nothing", async () => {
    const { deployment, link } = await warmStandby();
    const operator = await makeUser("OPERATOR");
    const foreign = await seedRegions(db, SYSTEM_ACTOR, DEMO_REGIONS);
    await expect(
      injectFault(db, operator, {
        deploymentId: deployment.id,
        kind: "REGION_OUTAGE",
        target: { regionId: foreign.azureEastUs },
        params: {},
      }),
    ).rejects.toThrow(/not part of this deployment/);
    await expect(
      injectFault(db, operator, {
        deploymentId: deployment.id,
        kind: "LAG_SPIKE",
        target: { linkId: link.id },
        params: { applyRateFactor: 1.5 },
      }),
    ).rejects.toThrow(/applyRateFactor must be at least 0 and below 1/);
    await expect(
      injectFault(db, operator, {
        deploymentId: deployment.id,
        kind: "WRITE_SURGE",
        target: { regionId: foreign.awsUsEast1 },
        params: { multiplier: 3 },
      }),
    ).rejects.toThrow(/needs a cluster as its target/);
    expect(await db.fault.count({ where: { deploymentId: deployment.id } })).toBe(0);
    expect(await db.auditRecord.count({ where: { actorId: operator.userId } })).toBe(0);
  });
});
