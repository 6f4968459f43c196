// Driver sessions: the one way the domain opens a deployment's driver, to observe it or to act on it.
//
// Opening a session binds the model as the driver sees it (driver-topology.ts) to a driver from the
// registry, resumed from the deployment's DriverState row (saved-state.ts): a driver that holds
// state (the sim) resumes from its saved JSON, carried onto the model when the model changed since;
// one that holds none (postgres: the servers are the state) is simply connected, with nothing to
// resume and nothing to save but the observer's tracking. The stored faults are then synced into it.
// There is no other copy: nothing of a driver lives only in a process's memory between sessions.
//
// What differs is how the row is held, and so how the session is saved:
//   - observing: the row is claimed by one atomic UPDATE that succeeds only when an observation is
//     due, so two workers cannot both win; no lock is held while the driver observes. The save is
//     conditional on `ticks`: an engine move that committed meanwhile bumped it, and this older copy
//     must not be written over what the move did (a fence, a promotion).
//   - acting: the row is locked FOR UPDATE in the caller's transaction (observers' saves and other
//     moves wait); the save writes the driver's state and the model (roles, epochs, link ends,
//     routing rules) back in that same transaction and bumps `ticks`. A crash before the commit
//     leaves no trace of the action; after it, the step's record and the effect exist together.
import { ACTIVE_STATUSES } from "@/lib/operations/contracts";
import type { Db, Tx } from "@/server/db";
import { createDriver } from "@/server/drivers/registry";
import type { DeploymentTopology, Driver } from "@/server/drivers/types";

import { loadDriverTopology, topologyFingerprint } from "./driver-topology";
import { MAX_RESUME_GAP_MS, parseSavedState, resumption, trackingFor, type SavedDriverState } from "./saved-state";
import { serverDirectoryFor } from "./server-directory";
import { syncDriverFaults } from "./sync-faults";
import { writeModel } from "./write-model";

/** How the session holds the deployment's DriverState row. */
export type SessionHold = { kind: "observing"; ticks: bigint } | { kind: "acting" };

export type DriverSession = {
  deploymentId: string;
  driver: Driver;
  /** The model as the driver saw it when the session opened. */
  topology: DeploymentTopology;
  fingerprint: string;
  /** What the DriverState row held when the session opened (null before the first session). */
  saved: SavedDriverState | null;
  hold: SessionHold;
};

async function ensureRow(db: Db | Tx, deploymentId: string, driverKind: string) {
  await db.driverState.createMany({ data: [{ deploymentId, kind: driverKind }], skipDuplicates: true });
}

/** The one way a session opens, whoever holds the row. */
async function openSession(
  db: Db | Tx,
  deploymentId: string,
  driverKind: string,
  saved: SavedDriverState | null,
  hold: SessionHold,
  nowMs: number,
): Promise<DriverSession> {
  const topology = await loadDriverTopology(db, deploymentId);
  const fingerprint = topologyFingerprint(topology);
  // An acting session is an operation's. An observer asks only when the twin idled past the resume
  // gap, the one case where not being held by an operation would start it afresh.
  const idle = saved !== null && nowMs - saved.atMs > MAX_RESUME_GAP_MS;
  const held =
    hold.kind === "acting" ||
    (idle && (await db.operation.count({ where: { deploymentId, status: { in: [...ACTIVE_STATUSES] } } })) > 0);
  // A fresh twin starts its clock at its first observation.
  const directory = await serverDirectoryFor(db, deploymentId, driverKind, topology);
  const driver = createDriver({
    deploymentId,
    kind: driverKind as "sim",
    topology,
    ...resumption(saved, fingerprint, nowMs, held),
    ...(directory ? { directory } : {}),
  });
  await syncDriverFaults(db, driver, deploymentId, nowMs);
  return { deploymentId, driver, topology, fingerprint, saved, hold };
}

/** Claims the deployment's observation at `nowMs` if one is due and opens its session; null when not due. */
export async function claimToObserve(
  db: Db,
  deployment: { id: string; driverKind: string },
  nowMs: number,
  intervalMs: number,
): Promise<DriverSession | null> {
  await ensureRow(db, deployment.id, deployment.driverKind);
  const rows = await db.$queryRaw<{ ticks: bigint; state: unknown }[]>`
    update "DriverState" set "lastObservedAt" = ${new Date(nowMs)}, ticks = ticks + 1, "updatedAt" = now()
    where "deploymentId" = ${deployment.id}
      and ("lastObservedAt" is null or "lastObservedAt" <= ${new Date(nowMs - intervalMs / 2)})
    returning ticks, state`;
  const row = rows[0];
  if (!row) return null;
  const hold: SessionHold = { kind: "observing", ticks: row.ticks };
  return openSession(db, deployment.id, deployment.driverKind, parseSavedState(row.state), hold, nowMs);
}

/** Locks the deployment's DriverState row in `tx` and opens its session to act. */
export async function lockToAct(tx: Tx, deploymentId: string, nowMs: number): Promise<DriverSession> {
  const { driverKind } = await tx.deployment.findUniqueOrThrow({
    where: { id: deploymentId },
    select: { driverKind: true },
  });
  await ensureRow(tx, deploymentId, driverKind);
  const [row] = await tx.$queryRaw<{ state: unknown }[]>`
    select state from "DriverState" where "deploymentId" = ${deploymentId} for update`;
  return openSession(tx, deploymentId, driverKind, parseSavedState(row?.state), { kind: "acting" }, nowMs);
}

/**
 * Saves an observing session: the driver's state and the observer's new tracking, only if nobody
 * acted on the driver since the claim. False when it was skipped: the next session resumes from
 * what the engine saved.
 */
export async function saveObserved(
  tx: Tx,
  session: DriverSession,
  tracking: SavedDriverState["tracking"],
  nowMs: number,
): Promise<boolean> {
  if (session.hold.kind !== "observing") throw new Error("saveObserved needs an observing session");
  const state: SavedDriverState = {
    fingerprint: session.fingerprint,
    driver: session.driver.exportState(),
    tracking,
    atMs: nowMs,
  };
  const updated = await tx.$executeRaw`
    update "DriverState" set state = ${JSON.stringify(state)}::jsonb, "updatedAt" = now()
    where "deploymentId" = ${session.deploymentId} and ticks = ${session.hold.ticks}`;
  return updated > 0;
}

/** Saves an acting session in its transaction: what the driver changed goes into the model, its state into the row. */
export async function saveActed(tx: Tx, session: DriverSession, nowMs: number): Promise<void> {
  const after = await session.driver.currentTopology();
  await writeModel(tx, session.topology, after);
  const state: SavedDriverState = {
    // writeModel made the model equal to the driver's topology, so its fingerprint is the model's.
    fingerprint: topologyFingerprint(after),
    driver: session.driver.exportState(),
    tracking: trackingFor(session.saved, session.fingerprint),
    atMs: Math.max(nowMs, session.saved?.atMs ?? 0),
  };
  // ticks + 1 tells an observer that claimed before this commit that its copy is stale.
  await tx.$executeRaw`
    update "DriverState" set state = ${JSON.stringify(state)}::jsonb, ticks = ticks + 1, "updatedAt" = now()
    where "deploymentId" = ${session.deploymentId}`;
}

/** Lets go of what the driver holds open (a real driver's connections); the sim holds nothing. */
export async function endSession(session: DriverSession): Promise<void> {
  await session.driver.close?.();
}

/**
 * Acts on a deployment's driver inside `tx`: lock, open, act, save (the engine's steps and undos).
 * `before` is the model; `world` is the topology as the driver answers it, which is what steps must
 * read: a real server's state can be ahead of the model when a move was lost after its action.
 */
export async function withDriverSession<T>(
  tx: Tx,
  deploymentId: string,
  nowMs: number,
  act: (session: { driver: Driver; before: DeploymentTopology; world: DeploymentTopology }) => Promise<T>,
  /** Wraps the driver before any call (the engine bounds every call by its lease's deadline). */
  bound?: (driver: Driver) => Driver,
): Promise<T> {
  const session = await lockToAct(tx, deploymentId, nowMs);
  if (bound) session.driver = bound(session.driver);
  try {
    const world = await session.driver.currentTopology();
    const result = await act({ driver: session.driver, before: session.topology, world });
    await saveActed(tx, session, nowMs);
    return result;
  } finally {
    await endSession(session);
  }
}
