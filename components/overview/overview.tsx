"use client";

// The first screen after sign-in: each deployment's health, open alerts, operations under way and
// approvals waiting, every one a link to the page that deals with it.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";

import { StatusBadge } from "@/components/operations/status-badge";
import { useTRPC } from "@/components/trpc/client";
import type { RouterOutputs } from "@/components/trpc/types";
import { Badge, EmptyState } from "@/components/ui/layout";
import { ErrorLine, Loading } from "@/components/ui/query-state";
import { HEALTH_TONE } from "@/components/ui/tones";
import { formatDateTime } from "@/lib/format";
import { RUNBOOK_LABELS } from "@/lib/operations/words";
import { alertKindLabel, HEALTH_LABELS } from "@/lib/telemetry/words";
import { label } from "@/lib/topology/words";

type OverviewDeployment = RouterOutputs["overview"]["deployments"][number];

const LINK = "text-sky-700 hover:underline dark:text-sky-400";

export function Overview() {
  const trpc = useTRPC();
  // Refreshed as often as the observer publishes: the overview is where an incident is first seen.
  const deployments = useQuery(trpc.overview.deployments.queryOptions(undefined, { refetchInterval: 10_000 }));
  if (deployments.isPending) return <Loading what="the deployments" />;
  if (deployments.isError) return <ErrorLine error={deployments.error} />;
  if (deployments.data.length === 0)
    return (
      <EmptyState title="No deployments yet">
        <Link href="/topology" className={LINK}>
          Model the first one in Topology →
        </Link>
      </EmptyState>
    );
  return (
    <div className="grid gap-4 lg:grid-cols-2 xl:grid-cols-3">
      {deployments.data.map((deployment) => (
        <DeploymentCard key={deployment.id} deployment={deployment} />
      ))}
    </div>
  );
}

function DeploymentCard({ deployment }: { deployment: OverviewDeployment }) {
  const { slug, alerts, operations, approvals } = deployment;
  const mine = approvals.filter((a) => a.mayDecide).length;
  return (
    <section
      aria-label={deployment.name}
      data-testid="overview-deployment"
      className="rounded-lg border border-slate-200 bg-white shadow-xs dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-2.5 dark:border-slate-800">
        <h2 className="text-sm font-semibold">
          <Link href={`/topology/${slug}`} className="hover:underline">
            {deployment.name}
          </Link>
        </h2>
        <span className="text-xs text-slate-500">{label(deployment.drModel)}</span>
      </header>
      <dl className="space-y-3 p-4 text-sm">
        <Row term="Health">
          <Link
            href={`/telemetry/${slug}`}
            className="inline-flex flex-wrap items-center gap-2"
            aria-label={`Health of ${deployment.name}: ${HEALTH_LABELS[deployment.health]}`}
          >
            <Badge tone={HEALTH_TONE[deployment.health]}>{HEALTH_LABELS[deployment.health]}</Badge>
            <span className="text-xs text-slate-600 dark:text-slate-400">{healthDetail(deployment)}</span>
          </Link>
        </Row>
        <Row term="Open alerts">
          {alerts.length === 0 ? (
            <span className="text-slate-500">None</span>
          ) : (
            <ul className="space-y-1">
              {alerts.map((alert) => (
                <li key={alert.id}>
                  <Link href={`/telemetry/${slug}`} className={LINK}>
                    {alertKindLabel(alert.kind)}: {alert.targetLabel}
                  </Link>{" "}
                  <span className="text-xs text-slate-500">since {formatDateTime(alert.openedAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row term="Operations running">
          {operations.length === 0 ? (
            <span className="text-slate-500">
              None ·{" "}
              <Link href={`/operations/new/${slug}`} className={LINK}>
                plan one
              </Link>
            </span>
          ) : (
            <ul className="space-y-1">
              {operations.map((op) => (
                <li key={op.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`/operations/${op.id}`} className={LINK}>
                    {RUNBOOK_LABELS[op.runbook]}
                  </Link>
                  <StatusBadge status={op.status} />
                  <span className="text-xs text-slate-500">requested {formatDateTime(op.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row term="Approvals waiting">
          {approvals.length === 0 ? (
            <span className="text-slate-500">None</span>
          ) : (
            <Link href="/operations/approvals" className={LINK}>
              {approvals.length} waiting{mine > 0 ? `, ${mine} for you` : ""}
            </Link>
          )}
        </Row>
      </dl>
    </section>
  );
}

function healthDetail(deployment: OverviewDeployment): string {
  const { regions, linksOverRpo, observedAtMs } = deployment;
  if (observedAtMs === null) return "the worker has not observed it yet";
  const parts = [
    regions.down > 0 ? `${regions.down} of ${regions.total} regions down` : null,
    regions.degraded > 0 ? `${regions.degraded} of ${regions.total} regions degraded` : null,
    regions.down === 0 && regions.degraded === 0 ? `${regions.total} regions up` : null,
    linksOverRpo > 0 ? `${linksOverRpo} link${linksOverRpo === 1 ? "" : "s"} over RPO` : null,
    `as of ${formatDateTime(new Date(observedAtMs))}`,
  ];
  return parts.filter(Boolean).join(" · ");
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2">
      <dt className="text-xs font-medium text-slate-500 dark:text-slate-400">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
