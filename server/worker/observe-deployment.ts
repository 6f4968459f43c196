// One tick of one deployment: claim it, bring its driver up to date, observe, store the samples,
// assess lag and health, reconcile alerts, publish the live snapshot, save the driver's state.
//
// Several workers may run: the DriverState row is claimed FOR UPDATE SKIP LOCKED and a tick
// happens only when one is due, so a deployment is observed once per interval whoever does it;
// samples are keyed by series and instant, so even a racing copy inserts nothing.
import type { Db } from "@/server/db";
import { createDriver } from "@/server/drivers/registry";
import type { Driver } from "@/server/drivers/types";
import { publishLiveEvent } from "@/server/events";
import { assess, EMPTY_TRACKING, type Tracking } from "@/server/domain/telemetry/assess";
import { reconcileAlerts } from "@/server/domain/telemetry/alerts";
import { loadDriverTopology, topologyFingerprint } from "@/server/domain/telemetry/driver-topology";
import { syncDriverFaults } from "@/server/domain/telemetry/faults";
import { ingestObservations } from "@/server/domain/telemetry/ingest";
import { buildSnapshot, SNAPSHOT_EVENT } from "@/server/domain/telemetry/snapshot";

export type TickOptions = { intervalMs: number; lagAlertAfterSeconds: number };
export type TickResult = "observed" | "claimed-elsewhere" | "not-due";

/** What the worker keeps between ticks, in PostgreSQL (DriverState.state) so any worker can resume. */
type SavedState = { fingerprint: string; driver: unknown; tracking: Tracking };

/** A twin idle this long starts afresh: replaying hours of simulated time buys nothing. */
const MAX_RESUME_GAP_MS = 10 * 60_000;

// Drivers this process holds, reused while it is the one ticking them.
const held = new Map<string, { driver: Driver; fingerprint: string; ticks: bigint }>();

export async function observeDeployment(db: Db, deploymentId: string, nowMs: number, options: TickOptions): Promise<TickResult> {
  const deployment = await db.deployment.findUniqueOrThrow({ where: { id: deploymentId } });
  await db.driverState.createMany({ data: [{ deploymentId, kind: deployment.driverKind }], skipDuplicates: true });

  return db.$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<{ lastObservedAt: Date | null; ticks: bigint; state: SavedState | null }[]>`
        select "lastObservedAt", ticks, state from "DriverState" where "deploymentId" = ${deploymentId} for update skip locked`;
      const row = claimed[0];
      if (!row) return "claimed-elsewhere";
      const last = row.lastObservedAt?.getTime() ?? 0;
      if (nowMs - last < options.intervalMs * 0.5) return "not-due";

      const topology = await loadDriverTopology(db, deploymentId);
      const fingerprint = topologyFingerprint(topology);
      const driver = resumeDriver(deploymentId, deployment.driverKind, topology, fingerprint, row, nowMs);
      await syncDriverFaults(db, driver, deploymentId, nowMs);

      const observations = await driver.observe(nowMs);
      const saved = row.state;
      const tracking = saved && saved.fingerprint === fingerprint ? saved.tracking : EMPTY_TRACKING;
      const names = await namesOf(db, deploymentId);
      const assessment = assess({ topology, observations, rpoTargetSeconds: deployment.rpoTargetSeconds, tracking, lagAlertAfterSeconds: options.lagAlertAfterSeconds, names });
      // Stored lag is the RPO figure (assess.effectiveLagMs), so charts and alerts agree.
      const lagMsByLink = new Map(assessment.links.map((l) => [l.linkId, l.lagMs]));
      await ingestObservations(db, deploymentId, { ...observations, lag: observations.lag.map((o) => ({ ...o, lagMs: lagMsByLink.get(o.linkId) ?? o.lagMs })) });
      await reconcileAlerts(db, deploymentId, assessment.conditions, nowMs);
      const snapshot = await buildSnapshot(db, { deploymentId, rpoTargetSeconds: deployment.rpoTargetSeconds, observations, assessment, driver });

      const ticks = row.ticks + 1n;
      const state: SavedState = { fingerprint, driver: driver.exportState(), tracking: assessment.tracking };
      await tx.driverState.update({ where: { deploymentId }, data: { state: state as never, lastObservedAt: new Date(nowMs), ticks } });
      await publishLiveEvent(tx, deploymentId, SNAPSHOT_EVENT, snapshot);
      held.set(deploymentId, { driver, fingerprint, ticks });
      return "observed";
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

function resumeDriver(
  deploymentId: string,
  kind: string,
  topology: Parameters<typeof createDriver>[0]["topology"],
  fingerprint: string,
  row: { lastObservedAt: Date | null; ticks: bigint; state: SavedState | null },
  nowMs: number,
): Driver {
  // The twin starts its clock at its first observation.
  const mine = held.get(deploymentId);
  // Still ours if nobody else ticked it since, and the model did not change.
  if (mine && mine.ticks === row.ticks && mine.fingerprint === fingerprint) return mine.driver;
  const fresh = !row.state || row.state.fingerprint !== fingerprint || nowMs - (row.lastObservedAt?.getTime() ?? 0) > MAX_RESUME_GAP_MS;
  return createDriver({
    deploymentId,
    kind: kind as "sim",
    topology,
    savedState: fresh ? undefined : row.state?.driver,
  });
}

async function namesOf(db: Db, deploymentId: string) {
  const [replicas, regions] = await Promise.all([
    db.replica.findMany({ where: { deploymentId }, select: { id: true, name: true } }),
    db.deploymentRegion.findMany({ where: { deploymentId }, include: { region: true } }),
  ]);
  return {
    replicas: Object.fromEntries(replicas.map((r) => [r.id, r.name])),
    regions: Object.fromEntries(regions.map((r) => [r.regionId, r.region.code])),
  };
}
