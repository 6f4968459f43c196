"use client";

// A deployment's alerts: the open ones first, then those resolved in the last day, each with its
// kind, target, message, its value now and the worst it reached (alert-values.ts), and when it
// opened and resolved in local time. Open alerts come with the live snapshot the page already
// receives; the list with peaks is read again only when that open set changes.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

import { useTRPC } from "@/components/trpc/client";
import { errorMessage } from "@/components/ui/error-text";
import { Badge, Card } from "@/components/ui/layout";
import { formatLocalTime } from "@/lib/format";
import { alertKindLabel } from "@/lib/telemetry/words";

import { alertValuesAt } from "./alert-values";
import { openAlertsOf } from "./snapshot-parts";
import { useSnapshotPart } from "./use-live-snapshot";

type Alert = {
  id: string;
  kind: string;
  targetId: string;
  targetLabel: string;
  message: string;
  openedAt: Date | string;
  resolvedAt?: Date | null;
  peak?: number | null;
  details?: unknown;
  /** The condition's live value, while open. */
  now?: number | null;
};

const RESOLVED_SHOWN = 20;

export function AlertList({ deploymentId }: { deploymentId: string }) {
  const trpc = useTRPC();
  const { part: live, isPending } = useSnapshotPart(deploymentId, openAlertsOf);
  const queryClient = useQueryClient();
  const alertsQuery = trpc.telemetry.alerts.queryOptions({ deploymentId, includeResolved: true });
  const recentAlerts = useQuery(alertsQuery);
  // Each snapshot raises the read peaks of the open alerts it exceeds, so a peak seen live stays shown.
  const { queryKey } = alertsQuery;
  useEffect(() => {
    if (!live) return;
    const nowOf = new Map(live.map((alert) => [alert.id, alert.now]));
    queryClient.setQueryData(queryKey, (cached) => {
      if (!cached) return cached;
      let raised = false;
      const next = cached.map((alert) => {
        const now = alert.resolvedAt ? null : (nowOf.get(alert.id) ?? null);
        if (now === null || now <= (alert.peak ?? -Infinity)) return alert;
        raised = true;
        return { ...alert, peak: now };
      });
      return raised ? next : cached; // unchanged: the same data, so nothing re-renders
    });
  }, [live, queryClient, queryKey]);
  // An alert that leaves the open set has just been resolved: that is when the resolved list changes.
  const openIds = (live ?? []).map((alert) => alert.id).join(" ");
  const { refetch } = recentAlerts;
  const seenOpenIds = useRef(openIds);
  useEffect(() => {
    if (seenOpenIds.current === openIds) return;
    seenOpenIds.current = openIds;
    void refetch();
  }, [openIds, refetch]);

  if (isPending)
    return (
      <Card title="Alerts">
        <p className="text-sm text-slate-500">Loading alerts…</p>
      </Card>
    );

  // Open alerts as the snapshot has them, with the peak and details the list read has.
  const read = new Map((recentAlerts.data ?? []).map((alert) => [alert.id, alert]));
  const open: Alert[] = (live ?? []).map((alert) => ({
    ...alert,
    peak: read.get(alert.id)?.peak ?? null,
    details: read.get(alert.id)?.details,
  }));
  const resolved = (recentAlerts.data ?? []).filter((alert) => alert.resolvedAt).slice(0, RESOLVED_SHOWN);

  return (
    <Card
      title={
        <span className="flex items-center gap-2">
          Alerts {open.length ? <Badge tone="bad">{open.length} open</Badge> : <Badge tone="good">none open</Badge>}
        </span>
      }
    >
      <div className="space-y-4">
        <section aria-labelledby={`open-alerts-${deploymentId}`} className="space-y-2">
          <h3
            id={`open-alerts-${deploymentId}`}
            className="text-xs font-semibold uppercase tracking-wide text-slate-500"
          >
            Open
          </h3>
          {open.length === 0 ? (
            <p className="text-sm text-slate-500">No open alerts.</p>
          ) : (
            <AlertItems alerts={open} testId="open-alerts" />
          )}
        </section>
        <section aria-labelledby={`resolved-alerts-${deploymentId}`} className="space-y-2">
          <h3
            id={`resolved-alerts-${deploymentId}`}
            className="text-xs font-semibold uppercase tracking-wide text-slate-500"
          >
            Resolved in the last day
          </h3>
          {recentAlerts.isError ? (
            <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
              {errorMessage(recentAlerts.error)}
            </p>
          ) : resolved.length === 0 ? (
            <p className="text-sm text-slate-500">{recentAlerts.isPending ? "Loading…" : "None."}</p>
          ) : (
            <AlertItems alerts={resolved} testId="resolved-alerts" />
          )}
        </section>
      </div>
    </Card>
  );
}

function AlertItems({ alerts, testId }: { alerts: Alert[]; testId: string }) {
  return (
    <ul className="space-y-2" data-testid={testId}>
      {alerts.map((alert) => {
        const values = alertValuesAt(alert, alert.resolvedAt ? null : (alert.now ?? null));
        return (
          <li
            key={alert.id}
            data-alert-kind={alert.kind}
            className={`rounded-md border px-3 py-2 text-sm ${alert.resolvedAt ? "border-slate-200 dark:border-slate-800" : "border-rose-300 bg-rose-50 dark:border-rose-900 dark:bg-rose-950/50"}`}
          >
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={alert.resolvedAt ? "neutral" : "bad"}>{alertKindLabel(alert.kind)}</Badge>
              <span className="font-medium">{alert.targetLabel}</span>
            </div>
            <p className="mt-1 break-words">{alert.message}</p>
            {values.now || values.peak || values.threshold ? (
              <dl className="mt-1 flex flex-wrap gap-x-4 text-sm" data-testid="alert-values">
                {values.now ? (
                  <div className="flex gap-1">
                    <dt className="text-slate-600 dark:text-slate-400">Now</dt>
                    <dd className="font-medium tabular-nums">{values.now}</dd>
                  </div>
                ) : null}
                {values.peak ? (
                  <div className="flex gap-1">
                    <dt className="text-slate-600 dark:text-slate-400">Peak</dt>
                    <dd className="font-medium tabular-nums">{values.peak}</dd>
                  </div>
                ) : null}
                {values.threshold ? <dd className="text-slate-600 dark:text-slate-400">{values.threshold}</dd> : null}
              </dl>
            ) : null}
            <dl className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-600 dark:text-slate-400">
              {values.sinceMs !== null ? (
                <div className="flex gap-1">
                  <dt>Over the target since</dt>
                  <dd>{formatLocalTime(values.sinceMs)}</dd>
                </div>
              ) : null}
              <div className="flex gap-1">
                <dt>Opened</dt>
                <dd>{formatLocalTime(alert.openedAt)}</dd>
              </div>
              {alert.resolvedAt ? (
                <div className="flex gap-1">
                  <dt>Resolved</dt>
                  <dd>{formatLocalTime(alert.resolvedAt)}</dd>
                </div>
              ) : null}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
