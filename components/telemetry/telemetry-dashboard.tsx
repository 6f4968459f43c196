"use client";

// One deployment's telemetry page: the charts over a chosen range and its alerts.
import Link from "next/link";

import { TelemetryCharts } from "@/components/charts/telemetry-charts";
import type { DeploymentModelData } from "@/components/topology/model-types";
import { PageHeader } from "@/components/ui/layout";
import { WithDeployment } from "@/components/ui/with-deployment";
import { formatSeconds } from "@/lib/format";

import { AlertList } from "./alert-list";
import { LiveMark } from "./live-mark";
import { MeasuredBadge } from "./measured-badge";
import { ServerPanel } from "./server-panel";
import { useLiveSnapshot } from "./use-live-snapshot";

export function TelemetryDashboard({ slug }: { slug: string }) {
  return (
    <WithDeployment slug={slug} backHref="/telemetry">
      {(deployment, back) => (
        <div className="space-y-4">
          {back}
          <LiveTelemetry deployment={deployment} />
        </div>
      )}
    </WithDeployment>
  );
}

function LiveTelemetry({ deployment }: { deployment: DeploymentModelData }) {
  const { snapshot, connected } = useLiveSnapshot(deployment.id);
  return (
    <>
      <PageHeader
        title={`${deployment.name}: telemetry`}
        description={`Replication lag against the RPO target of ${formatSeconds(deployment.rpoTargetSeconds)}, health, traffic, errors and conflicts.`}
        actions={
          <Link
            href={`/topology/${deployment.slug}`}
            className="text-sm text-sky-700 hover:underline dark:text-sky-400"
          >
            Live graph →
          </Link>
        }
      />
      <div className="-mt-4 flex flex-wrap items-center gap-2">
        <LiveMark snapshot={snapshot} connected={connected} />
        <MeasuredBadge driverKind={deployment.driverKind} />
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <TelemetryCharts deployment={deployment} snapshot={snapshot} />
        <div className="space-y-4">
          <AlertList deploymentId={deployment.id} />
          <ServerPanel deployment={deployment} />
        </div>
      </div>
    </>
  );
}
