// The live snapshot of a deployment: built by the worker each tick, published as a live event,
// and read back as the starting point of every browser that opens the deployment.
import { parseLiveSnapshot, type LiveSnapshot, type TAlertKind } from "@/lib/telemetry/contracts";
import type { Db, Tx } from "@/server/db";
import type { Driver, Observations } from "@/server/drivers/types";
import { latestEvent } from "@/server/events";

import type { Assessment } from "./assess";
import { listActiveFaults } from "./faults";

export const SNAPSHOT_EVENT = "snapshot";

export async function buildSnapshot(
  db: Db,
  input: {
    deploymentId: string;
    rpoTargetSeconds: number;
    intervalMs: number;
    observations: Observations;
    assessment: Assessment;
    driver: Driver;
  },
): Promise<LiveSnapshot> {
  const { deploymentId, observations, assessment, driver } = input;
  const [alerts, faults, topology] = await Promise.all([
    db.alert.findMany({ where: { deploymentId, resolvedAt: null }, orderBy: { openedAt: "asc" } }),
    listActiveFaults(db, deploymentId),
    driver.currentTopology(),
  ]);
  const writable = new Set((await Promise.all(topology.clusters.map((c) => driver.writableReplicas(c.id)))).flat());
  // A replica in a region that is down takes no writes, whatever it would say if it could be asked.
  const downRegions = new Set(assessment.regions.filter((r) => r.status === "DOWN").map((r) => r.regionId));
  return {
    deploymentId,
    observedAtMs: observations.observedAtMs,
    intervalMs: input.intervalMs,
    rpoTargetSeconds: input.rpoTargetSeconds,
    links: assessment.links,
    regions: assessment.regions,
    clusters: observations.conflicts.map((c) => ({
      clusterId: c.clusterId,
      conflicts: c.conflicts,
      conflictsPerSecond: c.conflictsPerSecond,
    })),
    replicas: topology.replicas.map((r) => {
      const isWriter = r.role !== "READ_REPLICA";
      return {
        replicaId: r.id,
        role: r.role,
        epoch: r.epoch,
        writable: writable.has(r.id) && !downRegions.has(r.regionId),
        fenced: isWriter && !writable.has(r.id),
      };
    }),
    alerts: alerts.map((a) => ({
      id: a.id,
      kind: a.kind as TAlertKind,
      targetId: a.targetId,
      targetLabel: a.targetLabel,
      message: a.message,
      openedAt: a.openedAt.toISOString(),
    })),
    faults: faults.map((f) => ({ id: f.id, kind: f.kind, summary: f.summary, startedAt: f.startedAt.toISOString() })),
    measured: driver.kind !== "sim",
    servers: observations.servers ?? [],
    lagUnknown: observations.lagUnknown ?? [],
    divergence: observations.divergence ?? [],
  };
}

/** The newest snapshot with its event id, or null before the worker's first tick. */
export async function latestSnapshot(
  db: Tx,
  deploymentId: string,
): Promise<{ eventId: string; snapshot: LiveSnapshot } | null> {
  const event = await latestEvent(db, deploymentId, SNAPSHOT_EVENT);
  return event ? { eventId: event.id, snapshot: parseLiveSnapshot(event.payload) } : null;
}
