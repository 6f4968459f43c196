// Opens an alert for each new condition and resolves the alerts whose condition is gone, each
// audited. The partial unique index on open alerts keeps a second worker from opening a copy.
import type { TAlertKind } from "@/lib/telemetry/contracts";
import type { Db } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";
import { noticeAlert } from "@/server/domain/notifications/notices";

import { alertPeaks } from "./alert-peaks";
import type { Condition } from "./assess";

/** The deployment's open alerts (or all of the last day), newest first, each with its peak (alert-peaks.ts). */
export async function listAlerts(db: Db, deploymentId: string, includeResolved = false) {
  const alerts = await db.alert.findMany({
    where: {
      deploymentId,
      ...(includeResolved ? { openedAt: { gt: new Date(Date.now() - 86_400_000) } } : { resolvedAt: null }),
    },
    orderBy: { openedAt: "desc" },
    take: 200,
  });
  const peaks = await alertPeaks(db, alerts);
  return alerts.map((alert) => ({ ...alert, peak: peaks.get(alert.id) ?? null }));
}

/** Opens the alert for a condition unless one is open already (this worker's or another's). */
async function openAlert(db: Db, deploymentId: string, condition: Condition, atMs: number) {
  await db
    .$transaction(async (tx) => {
      const alert = await tx.alert.create({
        data: {
          deploymentId,
          kind: condition.kind,
          targetId: condition.targetId,
          targetLabel: condition.targetLabel,
          message: condition.message,
          details: condition.details as never,
          openedAt: new Date(atMs),
        },
      });
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: "alert.open",
        objectType: "alert",
        objectId: alert.id,
        summary: condition.message,
        after: alert,
      });
      await noticeAlert(tx, alert, true, condition.message, atMs);
    })
    .catch((error: unknown) => {
      // Another worker opened the same alert a moment earlier: nothing to do.
      if ((error as { code?: string }).code !== "P2002") throw error;
    });
}

const RESOLVED: Record<TAlertKind, (targetLabel: string) => string> = {
  REGION_DOWN: (label) => `${label} passes its health check again`,
  LAG_OVER_RPO: (label) => `lag on ${label} is back under the RPO target`,
  OBSERVATION_FAILED: (label) => `${label} is observed again`,
};

export async function reconcileAlerts(db: Db, deploymentId: string, conditions: Condition[], atMs: number) {
  const open = await db.alert.findMany({ where: { deploymentId, resolvedAt: null } });
  const key = (c: { kind: string; targetId: string }) => `${c.kind}:${c.targetId}`;
  const current = new Map(conditions.map((c) => [key(c), c]));
  const openKeys = new Set(open.map(key));

  for (const condition of conditions) {
    if (!openKeys.has(key(condition))) await openAlert(db, deploymentId, condition, atMs);
  }
  for (const alert of open) {
    if (current.has(key(alert))) continue;
    await db.$transaction(async (tx) => {
      const resolved = await tx.alert.updateMany({
        where: { id: alert.id, resolvedAt: null },
        data: { resolvedAt: new Date(atMs) },
      });
      if (resolved.count === 0) return;
      const words = (RESOLVED[alert.kind as TAlertKind] ?? RESOLVED.LAG_OVER_RPO)(alert.targetLabel);
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: "alert.resolve",
        objectType: "alert",
        objectId: alert.id,
        summary: `resolved: ${words}`,
        before: alert,
      });
      await noticeAlert(tx, alert, false, words, atMs);
    });
  }
}

/**
 * A deployment whose observation threw gets an alert saying why (one while it lasts; the next
 * observation that succeeds resolves it, as reconcileAlerts resolves any condition that is gone).
 * The tick goes on with the others, and the next tick observes this one again.
 */
export async function alertObservationFailed(db: Db, deploymentId: string, error: unknown, atMs: number) {
  const deployment = await db.deployment.findUnique({ where: { id: deploymentId }, select: { name: true } });
  if (!deployment) return;
  const reason = error instanceof Error ? error.message : String(error);
  await openAlert(
    db,
    deploymentId,
    {
      kind: "OBSERVATION_FAILED",
      targetId: deploymentId,
      targetLabel: deployment.name,
      message: `Observing ${deployment.name} failed: ${reason}`,
      details: { reason },
    },
    atMs,
  );
}
