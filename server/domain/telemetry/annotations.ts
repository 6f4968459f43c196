// The events drawn over a deployment's charts, as Grafana draws annotations: each fault, alert and
// operation whose time overlaps the range, as a region from its start to its end (or on to the
// range's end while it lasts), named as the pages name it. One indexed read per kind, each bounded.
import { RUNBOOK_LABELS, statusLabel } from "@/lib/operations/words";
import type { Annotation, TAnnotationsQuery } from "@/lib/telemetry/contracts";
import { alertKindLabel, faultKindLabel } from "@/lib/telemetry/words";
import type { Db } from "@/server/db";

/** At most this many events of each kind: a chart with more would be all annotation. */
export const ANNOTATIONS_PER_KIND = 200;

/** A fault's end: when it was cleared, or when its duration runs out. */
function faultEndMs(clearedAt: Date | null, spec: unknown): number | null {
  if (clearedAt) return clearedAt.getTime();
  const endsAtMs = (spec as { endsAtMs?: unknown } | null)?.endsAtMs;
  return typeof endsAtMs === "number" ? endsAtMs : null;
}

export async function listAnnotations(db: Db, query: Required<TAnnotationsQuery>): Promise<Annotation[]> {
  const { deploymentId } = query;
  const from = new Date(query.fromMs);
  const to = new Date(query.toMs);
  const [faults, alerts, operations] = await Promise.all([
    db.fault.findMany({
      where: { deploymentId, startedAt: { lt: to }, OR: [{ clearedAt: null }, { clearedAt: { gte: from } }] },
      orderBy: { startedAt: "desc" },
      take: ANNOTATIONS_PER_KIND,
    }),
    db.alert.findMany({
      where: { deploymentId, openedAt: { lt: to }, OR: [{ resolvedAt: null }, { resolvedAt: { gte: from } }] },
      orderBy: { openedAt: "desc" },
      take: ANNOTATIONS_PER_KIND,
    }),
    db.operation.findMany({
      where: {
        deploymentId,
        startedAt: { not: null, lt: to },
        OR: [{ finishedAt: null }, { finishedAt: { gte: from } }],
      },
      select: { id: true, runbook: true, status: true, reason: true, startedAt: true, finishedAt: true },
      orderBy: { startedAt: "desc" },
      take: ANNOTATIONS_PER_KIND,
    }),
  ]);
  const annotations: Annotation[] = [
    ...faults.flatMap((fault): Annotation[] => {
      const endMs = faultEndMs(fault.clearedAt, fault.spec);
      if (endMs !== null && endMs < query.fromMs) return []; // ran out before the range
      return [
        {
          id: fault.id,
          kind: "fault",
          title: faultKindLabel(fault.kind),
          detail: fault.summary,
          startMs: fault.startedAt.getTime(),
          endMs,
        },
      ];
    }),
    ...alerts.map((alert): Annotation => ({
      id: alert.id,
      kind: "alert",
      title: `${alertKindLabel(alert.kind)}: ${alert.targetLabel}`,
      detail: alert.message,
      startMs: alert.openedAt.getTime(),
      endMs: alert.resolvedAt?.getTime() ?? null,
    })),
    ...operations.map((operation): Annotation => ({
      id: operation.id,
      kind: "operation",
      title: `${RUNBOOK_LABELS[operation.runbook]}: ${statusLabel(operation.status)}`,
      detail: operation.reason,
      startMs: operation.startedAt!.getTime(),
      endMs: operation.finishedAt?.getTime() ?? null,
    })),
  ];
  return annotations.sort((a, b) => a.startMs - b.startMs || a.id.localeCompare(b.id));
}
