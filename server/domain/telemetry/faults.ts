// Faults an operator injects into a simulated deployment or the lab (whose driver acts them out on
// its relays and servers). The API stores them (audited); the next
// driver session of the deployment applies and clears them (driver-sessions/sync-faults.ts).
import { randomUUID } from "node:crypto";

import { FAULT_TARGET, faultKindsFor, type TInjectFault } from "@/lib/telemetry/contracts";
import { FAULT_LABELS, outageModeSummary } from "@/lib/telemetry/words";
import type { Db, Tx } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { databaseNow } from "@/server/domain/clock";
import { SYSTEM_ACTOR, type Actor } from "@/server/domain/identity/actor";
import { InvalidFaultError } from "@/server/drivers/errors";
import { parseFaultSpec } from "@/server/drivers/fault-spec";
import { AppError, invalid, notFound } from "@/server/errors";
import type { Fault } from "@/server/generated/prisma/client";

export function listActiveFaults(db: Db, deploymentId: string) {
  return db.fault.findMany({ where: { deploymentId, clearedAt: null }, orderBy: { startedAt: "asc" } });
}

/** Checks the target belongs to the deployment and says what the fault hits, in words. */
async function describeTarget(db: Db, deploymentId: string, input: TInjectFault): Promise<string> {
  const { regionId, linkId, clusterId } = input.target;
  const wants = FAULT_TARGET[input.kind];
  if ((wants === "region" || (wants === "regionOrLink" && !linkId)) && regionId) {
    const placement = await db.deploymentRegion.findUnique({
      where: { deploymentId_regionId: { deploymentId, regionId } },
      include: { region: true },
    });
    if (!placement) throw invalid("target.regionId", "the region is not part of this deployment");
    return placement.region.code;
  }
  if ((wants === "link" || wants === "regionOrLink") && linkId) {
    const link = await db.replicationLink.findFirst({
      where: { id: linkId, cluster: { deploymentId } },
      include: { source: true, target: true },
    });
    if (!link) throw invalid("target.linkId", "the replication link is not part of this deployment");
    return `${link.source.name} → ${link.target.name}`;
  }
  if (wants === "cluster" && clusterId) {
    const cluster = await db.databaseCluster.findFirst({ where: { id: clusterId, deploymentId } });
    if (!cluster) throw invalid("target.clusterId", "the database cluster is not part of this deployment");
    return cluster.name;
  }
  const field = wants === "regionOrLink" ? "a region or a link" : `a ${wants}`;
  throw invalid(`target`, `a ${FAULT_LABELS[input.kind].toLowerCase()} needs ${field} as its target`);
}

/**
 * `nowMs`: when the fault starts; by default the database's clock (the worker observes on it, so a
 * fault's start and end are compared with observation times on one clock).
 */
export async function injectFault(db: Db, actor: Actor, input: TInjectFault, nowMs?: number) {
  const deployment = await db.deployment.findUnique({ where: { id: input.deploymentId } });
  if (!deployment) throw notFound("the deployment");
  const kinds = faultKindsFor(deployment.driverKind);
  if (kinds.length === 0) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `${deployment.name} runs on servers Meridian does not own (the ${deployment.driverKind} driver): faults are injected only into simulated deployments and the lab`,
    );
  }
  if (!kinds.includes(input.kind)) {
    throw invalid(
      "kind",
      `the lab acts out ${kinds.map((k) => FAULT_LABELS[k].toLowerCase()).join(", ")}; not ${FAULT_LABELS[input.kind].toLowerCase()}`,
    );
  }
  const targetLabel = await describeTarget(db, deployment.id, input);
  const id = randomUUID();
  const startedAtMs = nowMs ?? (await databaseNow(db));
  const target = Object.fromEntries(Object.entries(input.target).filter(([, value]) => value));
  let spec;
  try {
    spec = parseFaultSpec({
      id,
      kind: input.kind,
      target,
      params: input.params ?? {},
      startedAtMs,
      ...(input.durationSeconds ? { endsAtMs: startedAtMs + input.durationSeconds * 1000 } : {}),
    });
  } catch (error) {
    if (error instanceof InvalidFaultError)
      throw new AppError("BAD_REQUEST", error.message.replace(/^Invalid fault: /, ""), { field: "params" });
    throw error;
  }
  // The lab's outage says how its servers stop; other parameters as they are.
  const params =
    spec.kind === "REGION_OUTAGE"
      ? deployment.driverKind === "lab"
        ? outageModeSummary(spec.params.clean)
        : ""
      : Object.entries(spec.params ?? {})
          .map(([k, v]) => `${k} ${v}`)
          .join(", ");
  const summary = `${FAULT_LABELS[input.kind]} on ${targetLabel}${params ? ` (${params})` : ""}${input.durationSeconds ? ` for ${input.durationSeconds} s` : ""}`;
  return db.$transaction(async (tx) => {
    const fault = await tx.fault.create({
      data: {
        id,
        deploymentId: deployment.id,
        kind: input.kind,
        spec: spec as never,
        summary,
        startedAt: new Date(startedAtMs),
        createdById: actor.userId,
      },
    });
    await recordAudit(tx, actor, {
      action: "fault.inject",
      objectType: "deployment",
      objectId: deployment.id,
      summary: `injected ${summary} into ${deployment.name}`,
      after: fault,
    });
    return fault;
  });
}

export async function clearFault(db: Db, actor: Actor, input: { faultId: string }) {
  return db.$transaction(async (tx) => {
    const fault = await tx.fault.findUnique({ where: { id: input.faultId } });
    if (!fault) throw notFound("the fault");
    if (fault.clearedAt) throw new AppError("CONFLICT", `${fault.summary} was already cleared`);
    const cleared = await tx.fault.update({
      where: { id: fault.id },
      data: { clearedAt: new Date(await databaseNow(tx)), clearedById: actor.userId },
    });
    await recordAudit(tx, actor, {
      action: "fault.clear",
      objectType: "deployment",
      objectId: fault.deploymentId,
      summary: `cleared ${fault.summary}`,
      before: fault,
      after: cleared,
    });
    return cleared;
  });
}

/** Runs `work` in a transaction: `db`'s own, or a new one when `db` is the client. */
function inTransaction<T>(db: Db | Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  // A transaction's client has no $transaction of its own.
  return "$transaction" in db && typeof db.$transaction === "function" ? (db as Db).$transaction(work) : work(db);
}

/**
 * A fault given a duration ends by itself: each active fault whose end is at or before `atMs` is
 * closed at its end (by nobody: its duration ran out), audited. The driver stops applying it at
 * that instant on its own; without this the row stayed active, and every later session tried to
 * apply again a fault the driver had finished.
 */
export async function endElapsedFaults(db: Db | Tx, active: Fault[], atMs: number): Promise<void> {
  for (const fault of active) {
    const { endsAtMs } = parseFaultSpec(fault.spec);
    if (fault.clearedAt || endsAtMs === undefined || endsAtMs > atMs) continue;
    const clearedAt = new Date(endsAtMs);
    await inTransaction(db, async (tx) => {
      // An operator (or another worker) may have closed it meanwhile: then there is nothing to say.
      const ended = await tx.fault.updateMany({ where: { id: fault.id, clearedAt: null }, data: { clearedAt } });
      if (ended.count === 0) return;
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: "fault.end",
        objectType: "deployment",
        objectId: fault.deploymentId,
        summary: `${fault.summary} ended`,
        before: fault,
        after: { ...fault, clearedAt },
      });
    });
  }
}
