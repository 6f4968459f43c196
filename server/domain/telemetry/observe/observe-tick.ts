// One tick of the worker: claim the deployments that are due, bring their drivers up to date,
// observe, assess lag and health, store every deployment's samples in one batch, then for each:
// reconcile alerts, save the driver's state and publish the live snapshot.
//
// Several workers may run. A deployment is claimed by one atomic UPDATE that succeeds only when a
// tick is due, so it is observed once per interval whoever does it; samples are keyed by series and
// instant, so even a racing copy would insert nothing. A crash after the claim loses that tick's
// values, never doubles them: the next tick resumes the driver from its last saved state.
import { ACTIVE_STATUSES } from "@/lib/operations/contracts";
import type { Db } from "@/server/db";
import { loadDriverTopology, topologyFingerprint } from "@/server/domain/driver-sessions/driver-topology";
import { MAX_RESUME_GAP_MS, resumption, type SavedDriverState } from "@/server/domain/driver-sessions/saved-state";
import { reconcileAlerts } from "@/server/domain/telemetry/alerts";
import { assess, EMPTY_TRACKING, type Assessment } from "@/server/domain/telemetry/assess";
import { syncDriverFaults } from "@/server/domain/telemetry/faults";
import { ingestRows, mergeSampleRows, observationRows } from "@/server/domain/telemetry/ingest";
import { buildSnapshot, SNAPSHOT_EVENT } from "@/server/domain/telemetry/snapshot";
import { createDriver } from "@/server/drivers/registry";
import type { DeploymentTopology, Driver, Observations } from "@/server/drivers/types";
import { publishLiveEvent } from "@/server/events";

export type TickOptions = { intervalMs: number; lagAlertAfterSeconds: number };
export type TickResult = "observed" | "not-due" | "failed";

/** What the worker keeps between ticks, in PostgreSQL (DriverState.state) so any worker can resume. */
type SavedState = SavedDriverState;

// Drivers this process holds, reused while it is the one ticking them.
const held = new Map<string, { driver: Driver; fingerprint: string; ticks: bigint }>();

type Claim = { deploymentId: string; ticks: bigint; state: SavedState | null };
type Observed = Claim & {
  deployment: { rpoTargetSeconds: number };
  driver: Driver;
  fingerprint: string;
  observations: Observations;
  assessment: Assessment;
};

/** Takes the deployment's tick if one is due: one statement, so two workers cannot both win. */
async function claim(
  db: Db,
  deploymentId: string,
  driverKind: string,
  nowMs: number,
  options: TickOptions,
): Promise<Claim | null> {
  await db.driverState.createMany({ data: [{ deploymentId, kind: driverKind }], skipDuplicates: true });
  const rows = await db.$queryRaw<{ ticks: bigint; state: SavedState | null }[]>`
    update "DriverState" set "lastObservedAt" = ${new Date(nowMs)}, ticks = ticks + 1, "updatedAt" = now()
    where "deploymentId" = ${deploymentId}
      and ("lastObservedAt" is null or "lastObservedAt" <= ${new Date(nowMs - options.intervalMs / 2)})
    returning ticks, state`;
  const row = rows[0];
  return row ? { deploymentId, ticks: row.ticks, state: row.state } : null;
}

function resumeDriver(
  claimed: Claim,
  kind: string,
  topology: DeploymentTopology,
  fingerprint: string,
  nowMs: number,
  inOperation: boolean,
): Driver {
  const mine = held.get(claimed.deploymentId);
  // Still ours if nobody else ticked it since (the claim added one), and the model did not change.
  if (mine && mine.ticks + 1n === claimed.ticks && mine.fingerprint === fingerprint) return mine.driver;
  const saved = claimed.state;
  // A fresh twin starts its clock at its first observation.
  return createDriver({
    deploymentId: claimed.deploymentId,
    kind: kind as "sim",
    topology,
    ...resumption(saved, fingerprint, nowMs, inOperation),
  });
}

async function observeOne(
  db: Db,
  claimed: Claim,
  driverKind: string,
  nowMs: number,
  options: TickOptions,
): Promise<Observed> {
  const deployment = await db.deployment.findUniqueOrThrow({ where: { id: claimed.deploymentId } });
  const topology = await loadDriverTopology(db, claimed.deploymentId);
  const fingerprint = topologyFingerprint(topology);
  // Only a twin idle past the resume gap could start afresh; only then does an operation holding it matter.
  const idle = claimed.state !== null && nowMs - claimed.state.atMs > MAX_RESUME_GAP_MS;
  const inOperation =
    idle &&
    (await db.operation.count({
      where: { deploymentId: claimed.deploymentId, status: { in: [...ACTIVE_STATUSES] } },
    })) > 0;
  const driver = resumeDriver(claimed, driverKind, topology, fingerprint, nowMs, inOperation);
  await syncDriverFaults(db, driver, claimed.deploymentId, nowMs);
  const observations = await driver.observe(nowMs);
  const tracking = claimed.state?.fingerprint === fingerprint ? claimed.state.tracking : EMPTY_TRACKING;
  const assessment = assess({
    topology,
    observations,
    rpoTargetSeconds: deployment.rpoTargetSeconds,
    tracking,
    lagAlertAfterSeconds: options.lagAlertAfterSeconds,
    names: await namesOf(db, claimed.deploymentId),
  });
  return { ...claimed, deployment, driver, fingerprint, observations, assessment };
}

/** Samples as stored: the lag is the RPO figure (assess.effectiveLagMs), so charts and alerts agree. */
function rowsOf(observed: Observed) {
  const lagMsByLink = new Map(observed.assessment.links.map((l) => [l.linkId, l.lagMs]));
  const lag = observed.observations.lag.map((o) => ({ ...o, lagMs: lagMsByLink.get(o.linkId) ?? o.lagMs }));
  return observationRows(observed.deploymentId, { ...observed.observations, lag });
}

async function finish(db: Db, observed: Observed, nowMs: number) {
  const { deploymentId, driver, assessment } = observed;
  await reconcileAlerts(db, deploymentId, assessment.conditions, nowMs);
  const snapshot = await buildSnapshot(db, {
    deploymentId,
    rpoTargetSeconds: observed.deployment.rpoTargetSeconds,
    observations: observed.observations,
    assessment,
    driver,
  });
  const state: SavedState = {
    fingerprint: observed.fingerprint,
    driver: driver.exportState(),
    tracking: assessment.tracking,
    atMs: nowMs,
  };
  // Saved only if nobody acted on the twin since the claim (the runbook engine bumps ticks when it
  // fences or promotes): writing this older copy over it would undo a fence. The next tick resumes
  // from what the engine saved.
  const saved = await db.$transaction(async (tx) => {
    const updated = await tx.$executeRaw`
      update "DriverState" set state = ${JSON.stringify(state)}::jsonb, "updatedAt" = now()
      where "deploymentId" = ${deploymentId} and ticks = ${observed.ticks}`;
    if (updated === 0) return false;
    await publishLiveEvent(tx, deploymentId, SNAPSHOT_EVENT, snapshot);
    return true;
  });
  if (saved) held.set(deploymentId, { driver, fingerprint: observed.fingerprint, ticks: observed.ticks });
  else held.delete(deploymentId);
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
  await Promise.all(
    deployments.map(async (d) => {
      try {
        const claimed = await claim(db, d.id, d.driverKind, nowMs, options);
        if (claimed) observed.push(await observeOne(db, claimed, d.driverKind, nowMs, options));
      } catch (error) {
        results.set(d.id, "failed");
        onError(d.id, error);
      }
    }),
  );
  if (observed.length === 0) return results;
  // One batch for the whole tick: a few large statements cost far less than one per deployment.
  await ingestRows(db, mergeSampleRows(observed.map(rowsOf)));
  await Promise.all(
    observed.map(async (o) => {
      try {
        await finish(db, o, nowMs);
        results.set(o.deploymentId, "observed");
      } catch (error) {
        results.set(o.deploymentId, "failed");
        onError(o.deploymentId, error);
      }
    }),
  );
  return results;
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
