// The first screen after sign-in: per deployment, how it is now (the newest snapshot's regions and
// lag), its open alerts, its operations under way and the approvals waiting, each with what a
// link needs. One read per table for all deployments, so the page costs the same for ten or one.
import type { TRole } from "@/lib/enums";
import { ACTIVE_STATUSES, type TOperationStatus, type TRunbook } from "@/lib/operations/contracts";
import type { TDeploymentHealth } from "@/lib/telemetry/contracts";
import type { Db } from "@/server/db";
import { cannotDecide } from "@/server/domain/operations/approvals/decide-rules";
import { LIVE_DATA_MAX_AGE_MS } from "@/server/domain/telemetry/current-live";
import { latestSnapshot } from "@/server/domain/telemetry/snapshot";

export type TOverviewDeployment = {
  id: string;
  slug: string;
  name: string;
  drModel: string;
  health: TDeploymentHealth;
  /** When the newest observation was made (ms), null before the first. */
  observedAtMs: number | null;
  regions: { total: number; down: number; degraded: number };
  /** Links whose lag is over the RPO target right now. */
  linksOverRpo: number;
  alerts: { id: string; kind: string; targetLabel: string; message: string; openedAt: string }[];
  operations: { id: string; runbook: TRunbook; status: TOperationStatus; createdAt: string }[];
  approvals: { gateId: string; operationId: string; runbook: TRunbook; mayDecide: boolean }[];
};

type Viewer = { userId: string | null; role: TRole };

export async function readOverview(db: Db, viewer: Viewer, nowMs = Date.now()): Promise<TOverviewDeployment[]> {
  const [deployments, alerts, operations, gates] = await Promise.all([
    db.deployment.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true, drModel: true } }),
    db.alert.findMany({ where: { resolvedAt: null }, orderBy: { openedAt: "asc" } }),
    db.operation.findMany({
      where: { status: { in: [...ACTIVE_STATUSES] } },
      orderBy: { createdAt: "asc" },
      select: { id: true, deploymentId: true, runbook: true, status: true, createdAt: true },
    }),
    db.approvalGate.findMany({
      where: { status: "OPEN" },
      orderBy: { createdAt: "asc" },
      include: {
        decisions: { select: { approverId: true } },
        operation: { select: { deploymentId: true, runbook: true, requestedById: true, status: true } },
      },
    }),
  ]);
  const snapshots = await Promise.all(deployments.map((d) => latestSnapshot(db, d.id)));

  return deployments.map((deployment, index) => {
    const snapshot = snapshots[index]?.snapshot ?? null;
    const regions = snapshot?.regions ?? [];
    const down = regions.filter((r) => r.status === "DOWN").length;
    const degraded = regions.filter((r) => r.status === "DEGRADED").length;
    const health: TDeploymentHealth = !snapshot
      ? "NO_DATA"
      : nowMs - snapshot.observedAtMs > LIVE_DATA_MAX_AGE_MS
        ? "STALE"
        : down > 0
          ? "DOWN"
          : degraded > 0
            ? "DEGRADED"
            : "HEALTHY";
    return {
      ...deployment,
      health,
      observedAtMs: snapshot?.observedAtMs ?? null,
      regions: { total: regions.length, down, degraded },
      linksOverRpo: (snapshot?.links ?? []).filter((link) => link.overRpo).length,
      alerts: alerts
        .filter((a) => a.deploymentId === deployment.id)
        .map((a) => ({
          id: a.id,
          kind: a.kind,
          targetLabel: a.targetLabel,
          message: a.message,
          openedAt: a.openedAt.toISOString(),
        })),
      operations: operations
        .filter((op) => op.deploymentId === deployment.id)
        .map((op) => ({ id: op.id, runbook: op.runbook, status: op.status, createdAt: op.createdAt.toISOString() })),
      approvals: gates
        .filter((gate) => gate.operation.deploymentId === deployment.id)
        .map((gate) => ({
          gateId: gate.id,
          operationId: gate.operationId,
          runbook: gate.operation.runbook,
          mayDecide: cannotDecide(gate, viewer, nowMs) === null,
        })),
    };
  });
}
