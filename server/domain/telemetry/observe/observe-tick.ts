// One observation tick: each deployment that is due, on its own and concurrently with the others,
// is claimed (opening its driver session), observed, assessed (lag and health), its samples stored,
// its alerts reconciled, its session saved and its live snapshot published. One large deployment
// delays nobody else's snapshot: there is no batch to wait for (one batch per tick made every
// deployment's observation-to-browser delay that of the slowest), and the worker's beat
// (`observeEachDue`) starts each deployment when it is due, skipping only one still in flight.
//
// Several workers may run. A deployment is claimed by one atomic UPDATE that succeeds only when a
// tick is due, so it is observed once per interval whoever does it; samples are keyed by series and
// instant, so even a racing copy would insert nothing. A crash after the claim loses that tick's
// values, never doubles them: the next tick resumes the driver from its last saved state.
import type { Db } from "@/server/db";
import { trackingFor } from "@/server/domain/driver-sessions/saved-state";
import { claimToObserve, endSession, saveObserved, type DriverSession } from "@/server/domain/driver-sessions/session";
import { alertObservationFailed, reconcileAlerts } from "@/server/domain/telemetry/alerts";
import { assess, type Assessment } from "@/server/domain/telemetry/assess";
import { ingestRows, mergeSampleRows, observationRows } from "@/server/domain/telemetry/ingest";
import { buildSnapshot, SNAPSHOT_EVENT } from "@/server/domain/telemetry/snapshot";
import { IMPLEMENTED_DRIVER_KINDS } from "@/server/drivers/registry";
import type { Observations } from "@/server/drivers/types";
import { publishLiveEvent } from "@/server/events";

export type TickOptions = { intervalMs: number; lagAlertAfterSeconds: number };
export type TickResult = "observed" | "not-due" | "failed";

type Observed = {
  session: DriverSession;
  deployment: { rpoTargetSeconds: number };
  observations: Observations;
  assessment: Assessment;
};

async function observeOne(db: Db, session: DriverSession, nowMs: number, options: TickOptions): Promise<Observed> {
  const deployment = await db.deployment.findUniqueOrThrow({ where: { id: session.deploymentId } });
  const observations = await session.driver.observe(nowMs);
  const assessment = assess({
    topology: session.topology,
    observations,
    rpoTargetSeconds: deployment.rpoTargetSeconds,
    tracking: trackingFor(session.saved, session.fingerprint),
    lagAlertAfterSeconds: options.lagAlertAfterSeconds,
    names: await namesOf(db, session.deploymentId),
  });
  return { session, deployment, observations, assessment };
}

/** Samples as stored: the lag is the RPO figure (assess.effectiveLagMs), so charts and alerts agree. */
function rowsOf(observed: Observed) {
  const lagMsByLink = new Map(observed.assessment.links.map((l) => [l.linkId, l.lagMs]));
  const lag = observed.observations.lag.map((o) => ({ ...o, lagMs: lagMsByLink.get(o.linkId) ?? o.lagMs }));
  return observationRows(observed.session.deploymentId, { ...observed.observations, lag });
}

async function finish(db: Db, observed: Observed, nowMs: number, intervalMs: number) {
  const { session, assessment } = observed;
  const { deploymentId, driver } = session;
  await reconcileAlerts(db, deploymentId, assessment.conditions, nowMs);
  const snapshot = await buildSnapshot(db, {
    deploymentId,
    rpoTargetSeconds: observed.deployment.rpoTargetSeconds,
    intervalMs,
    observations: observed.observations,
    assessment,
    driver,
  });
  // Published only when saved: a session skipped because the engine acted meanwhile saw a world
  // that no longer is.
  await db.$transaction(async (tx) => {
    if (await saveObserved(tx, session, assessment.tracking, nowMs))
      await publishLiveEvent(tx, deploymentId, SNAPSHOT_EVENT, snapshot);
  });
}

/** Observes every given deployment that is due at `nowMs`, each on its own: claim, observe, store, publish. */
export async function observeTick(
  db: Db,
  deployments: { id: string; driverKind: string }[],
  nowMs: number,
  options: TickOptions,
  onError: (deploymentId: string, error: unknown) => void = () => {},
): Promise<Map<string, TickResult>> {
  const results = new Map<string, TickResult>(deployments.map((d) => [d.id, "not-due"]));
  // One deployment's failure never stops the tick nor the deployment: it is reported, alerted on,
  // and the deployment is due again at the next tick (its claim moved on, its saved state did not).
  const failed = async (deploymentId: string, error: unknown) => {
    results.set(deploymentId, "failed");
    onError(deploymentId, error);
    await alertObservationFailed(db, deploymentId, error, nowMs).catch((alertError: unknown) =>
      onError(deploymentId, alertError),
    );
  };
  await Promise.all(
    deployments.map(async (d) => {
      let session: DriverSession | null = null;
      try {
        session = await claimToObserve(db, d, nowMs, options.intervalMs);
        if (!session) return;
        const observed = await observeOne(db, session, nowMs, options);
        await ingestRows(db, mergeSampleRows([rowsOf(observed)]));
        await finish(db, observed, nowMs, options.intervalMs);
        results.set(d.id, "observed");
      } catch (error) {
        await failed(d.id, error);
      } finally {
        if (session) await endSession(session);
      }
    }),
  );
  return results;
}

/**
 * The worker's beat: each call starts, for every deployment whose driver is implemented, its
 * tick, without waiting for the others; a deployment whose previous tick is still running is
 * skipped (never two of one at once). Returns which it started and the promise of their results.
 */
export function observeEachDue(
  db: Db,
  options: TickOptions,
  onError: (deployment: string, error: unknown) => void,
  /** Only these deployments (tests); all by default. */
  only?: readonly string[],
): (nowMs: number) => Promise<{ started: string[]; done: Promise<Map<string, TickResult>> }> {
  const inFlight = new Set<string>();
  return async (nowMs) => {
    const deployments = await db.deployment.findMany({
      where: { driverKind: { in: [...IMPLEMENTED_DRIVER_KINDS] }, ...(only ? { id: { in: [...only] } } : {}) },
      select: { id: true, slug: true, driverKind: true },
    });
    const free = deployments.filter((d) => !inFlight.has(d.id));
    for (const d of free) inFlight.add(d.id);
    const ticks = free.map((d) =>
      observeTick(db, [d], nowMs, options, (_id, error) => onError(d.slug, error)).finally(() => inFlight.delete(d.id)),
    );
    const done = Promise.all(ticks).then((maps) => new Map(maps.flatMap((map) => [...map])));
    return { started: free.map((d) => d.id), done };
  };
}

/** One deployment's tick (tests and tools). */
export async function observeDeployment(
  db: Db,
  deploymentId: string,
  nowMs: number,
  options: TickOptions,
): Promise<TickResult> {
  const deployment = await db.deployment.findUniqueOrThrow({
    where: { id: deploymentId },
    select: { id: true, driverKind: true },
  });
  let failure: unknown;
  const result = (await observeTick(db, [deployment], nowMs, options, (_id, error) => (failure = error))).get(
    deploymentId,
  )!;
  if (result === "failed") throw failure;
  return result;
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
