// One observation tick: claim the deployments that are due (each opens its driver session), observe,
// assess lag and health, store every deployment's samples in one batch, then for each: reconcile
// alerts, save the session and publish the live snapshot.
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

/** Observes every given deployment that is due at `nowMs`, writing all their samples in one batch. */
export async function observeTick(
  db: Db,
  deployments: { id: string; driverKind: string }[],
  nowMs: number,
  options: TickOptions,
  onError: (deploymentId: string, error: unknown) => void = () => {},
): Promise<Map<string, TickResult>> {
  const results = new Map<string, TickResult>(deployments.map((d) => [d.id, "not-due"]));
  const observed: Observed[] = [];
  const sessions: DriverSession[] = [];
  // One deployment's failure never stops the tick nor the deployment: it is reported, alerted on,
  // and the deployment is due again at the next tick (its claim moved on, its saved state did not).
  const failed = async (deploymentId: string, error: unknown) => {
    results.set(deploymentId, "failed");
    onError(deploymentId, error);
    await alertObservationFailed(db, deploymentId, error, nowMs).catch((alertError: unknown) =>
      onError(deploymentId, alertError),
    );
  };
  try {
    await Promise.all(
      deployments.map(async (d) => {
        try {
          const session = await claimToObserve(db, d, nowMs, options.intervalMs);
          if (!session) return;
          sessions.push(session);
          observed.push(await observeOne(db, session, nowMs, options));
        } catch (error) {
          await failed(d.id, error);
        }
      }),
    );
    if (observed.length === 0) return results;
    // One batch for the whole tick: a few large statements cost far less than one per deployment.
    await ingestRows(db, mergeSampleRows(observed.map(rowsOf)));
    await Promise.all(
      observed.map(async (o) => {
        try {
          await finish(db, o, nowMs, options.intervalMs);
          results.set(o.session.deploymentId, "observed");
        } catch (error) {
          await failed(o.session.deploymentId, error);
        }
      }),
    );
    return results;
  } finally {
    await Promise.all(sessions.map(endSession));
  }
}

/** The worker's beat: observes every deployment whose driver is implemented, those that are due. */
export async function observeDue(
  db: Db,
  nowMs: number,
  options: TickOptions,
  onError: (deployment: string, error: unknown) => void,
): Promise<Map<string, TickResult>> {
  const deployments = await db.deployment.findMany({
    where: { driverKind: { in: [...IMPLEMENTED_DRIVER_KINDS] } },
    select: { id: true, slug: true, driverKind: true },
  });
  const slugOf = new Map(deployments.map((d) => [d.id, d.slug]));
  return observeTick(db, deployments, nowMs, options, (id, error) => onError(slugOf.get(id) ?? id, error));
}

/** One deployment's tick (tests and tools); the worker ticks all of them together. */
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
