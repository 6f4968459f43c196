// The worker's tick when something goes wrong: a fault with a duration ends on time (its row and
// its alert close, observation goes on), and a deployment whose observation throws is alerted on
// and observed again at the next tick, without stopping the others.
import { afterEach, describe, expect, it, vi } from "vitest";

import { DEMO_DEPLOYMENTS } from "@/prisma/seed/demo-deployments";
import { DEMO_REGIONS } from "@/prisma/seed/demo-regions";
import { seedDeployment, seedRegions } from "@/prisma/seed/seed-estate";
import { db } from "@/server/db";
import { databaseNow } from "@/server/domain/clock";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";
import { clearFault, injectFault } from "@/server/domain/telemetry/faults";
import { latestSnapshot } from "@/server/domain/telemetry/snapshot";
import { SimDriver } from "@/server/drivers/sim/sim-driver";
import { makeUser, unique } from "@/tests/factories";

import { observeDeployment, observeTick } from "./observe-tick";

const OPTIONS = { intervalMs: 1_000, lagAlertAfterSeconds: 3 };

/** The article's AWS warm standby, under a fresh slug: us-east-1 primary, eu-west-1 replica, RPO 5 s. */
async function warmStandby() {
  const spec = DEMO_DEPLOYMENTS.find((d) => d.deployment.slug === "commerce-aws")!;
  const regionIds = await seedRegions(db, SYSTEM_ACTOR, DEMO_REGIONS);
  const slug = unique("faults");
  const { deployment } = await seedDeployment(
    db,
    SYSTEM_ACTOR,
    { ...spec, deployment: { ...spec.deployment, slug, name: slug } },
    regionIds,
  );
  const link = await db.replicationLink.findFirstOrThrow({ where: { cluster: { deploymentId: deployment.id } } });
  return { deployment, link };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("a fault with a duration", () => {
  it.each([1, 20])(
    "a %i s link partition ends on time: the fault and its alert close, observation goes on",
    async (seconds) => {
      const { deployment, link } = await warmStandby();
      const operator = await makeUser("OPERATOR");
      let now = 1_800_000_000_000;
      const tick = async () => {
        now += 1_000;
        // observeDeployment throws what the observation threw: every tick must observe.
        expect(await observeDeployment(db, deployment.id, now, OPTIONS)).toBe("observed");
        return (await latestSnapshot(db, deployment.id))!.snapshot;
      };
      await tick();
      await tick();
      // The operator injects between two ticks, as the console does.
      const fault = await injectFault(
        db,
        operator,
        {
          deploymentId: deployment.id,
          kind: "LINK_PARTITION",
          target: { linkId: link.id },
          params: {},
          durationSeconds: seconds,
        },
        now + 300,
      );
      const endsAtMs = now + 300 + seconds * 1_000;

      let peakLagMs = 0;
      let last = await tick();
      while (now < endsAtMs + 30_000) {
        last = await tick();
        peakLagMs = Math.max(peakLagMs, last.links.find((l) => l.linkId === link.id)!.lagMs);
        if (now < endsAtMs) expect(last.faults.map((f) => f.id)).toEqual([fault.id]);
      }

      // Observation went on to the end, and the lag drained once the partition healed.
      expect(last.observedAtMs).toBe(now);
      // The partition held for its whole duration (the last tick inside it saw all but the last second).
      expect(peakLagMs).toBeGreaterThan((seconds - 1) * 1_000 * 0.9);
      expect(last.links.find((l) => l.linkId === link.id)!.overRpo).toBe(false);
      // The fault ended at its end, said so in the audit trail, and is no longer active.
      expect(last.faults).toEqual([]);
      const ended = await db.fault.findUniqueOrThrow({ where: { id: fault.id } });
      expect(ended.clearedAt?.getTime()).toBe(endsAtMs);
      expect(ended.clearedById).toBeNull();
      expect(await db.auditRecord.count({ where: { action: "fault.end", objectId: deployment.id } })).toBe(1);
      // A 20 s partition outgrew the RPO target of 5 s: its alert opened and resolved.
      const alerts = await db.alert.findMany({ where: { deploymentId: deployment.id } });
      expect(alerts.map((a) => [a.kind, a.resolvedAt !== null])).toEqual(seconds > 5 ? [["LAG_OVER_RPO", true]] : []);
      expect(last.alerts).toEqual([]);
    },
    // Fifty-odd ticks: slow on a shared machine, so a longer timeout than the default.
    120_000,
  );
});

describe("a fault's times", () => {
  it("come from the database's clock, as the worker's observations do, not the web process's", async () => {
    const { deployment, link } = await warmStandby();
    const operator = await makeUser("OPERATOR");
    // The web process's clock three hours ahead: a fault stamped with it would start in the future
    // for the worker, and a 60 s fault would not be active at the next observation.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 3 * 3600_000);
    const before = await databaseNow(db);
    const fault = await injectFault(db, operator, {
      deploymentId: deployment.id,
      kind: "LINK_PARTITION",
      target: { linkId: link.id },
      params: {},
      durationSeconds: 60,
    });
    const cleared = await clearFault(db, operator, { faultId: fault.id });
    const after = await databaseNow(db);
    for (const at of [fault.startedAt, cleared.clearedAt!]) {
      expect(at.getTime()).toBeGreaterThanOrEqual(before);
      expect(at.getTime()).toBeLessThanOrEqual(after);
    }
  });
});

describe("a failing observation", () => {
  it("is alerted on and does not stop the other deployments, nor itself at the next tick", async () => {
    const [sick, well] = [await warmStandby(), await warmStandby()];
    const observe = SimDriver.prototype.observe;
    let failing = true;
    vi.spyOn(SimDriver.prototype, "observe").mockImplementation(async function (this: SimDriver, atMs: number) {
      const { deploymentId } = await this.currentTopology();
      if (failing && deploymentId === sick.deployment.id) throw new Error("the twin fell over");
      return observe.call(this, atMs);
    });
    const errors: [string, string][] = [];
    const onError = (id: string, error: unknown) => errors.push([id, (error as Error).message]);
    const both = [sick.deployment, well.deployment];
    let now = 1_800_000_500_000;

    for (let i = 0; i < 3; i++) {
      now += 1_000;
      const results = await observeTick(db, both, now, OPTIONS, onError);
      expect(Object.fromEntries(results)).toEqual({ [sick.deployment.id]: "failed", [well.deployment.id]: "observed" });
    }
    expect(errors).toEqual(Array(3).fill([sick.deployment.id, "the twin fell over"]));
    const open = await db.alert.findMany({ where: { deploymentId: sick.deployment.id, resolvedAt: null } });
    expect(open.map((a) => [a.kind, a.targetId])).toEqual([["OBSERVATION_FAILED", sick.deployment.id]]);
    expect(open[0]!.message).toContain("the twin fell over");
    expect(await db.alert.count({ where: { deploymentId: well.deployment.id } })).toBe(0);

    // Once it observes again, it is observed at the very next tick and its alert resolves.
    failing = false;
    now += 1_000;
    const results = await observeTick(db, both, now, OPTIONS, onError);
    expect([...results.values()]).toEqual(["observed", "observed"]);
    expect((await latestSnapshot(db, sick.deployment.id))!.snapshot.observedAtMs).toBe(now);
    const resolved = await db.alert.findUniqueOrThrow({ where: { id: open[0]!.id } });
    expect(resolved.resolvedAt?.getTime()).toBe(now);
    expect(await db.auditRecord.count({ where: { action: "alert.resolve", objectId: resolved.id } })).toBe(1);
  });
});
