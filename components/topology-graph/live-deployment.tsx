"use client";

// The "Live graph" tab of a deployment: the graph, and beside it the faults and alerts; a large
// graph takes the page's whole width (each pixel of it makes the zoomed-out regions' names larger)
// and the panels go below it.
import Link from "next/link";

import { AlertList } from "@/components/telemetry/alert-list";
import { FaultPanel } from "@/components/telemetry/fault-panel";
import { ServerPanel } from "@/components/telemetry/server-panel";
import { PageHeader } from "@/components/ui/layout";
import { WithDeployment } from "@/components/ui/with-deployment";

import { isLargeGraph, TopologyGraph } from "./topology-graph";

export function LiveDeployment({ slug }: { slug: string }) {
  return (
    <WithDeployment slug={slug} backHref="/topology">
      {(deployment, back) => {
        const large = isLargeGraph(deployment);
        return (
          <div className="space-y-4">
            {back}
            <PageHeader
              title={deployment.name}
              description={deployment.description || undefined}
              actions={
                <Link
                  href={`/telemetry/${deployment.slug}`}
                  className="text-sm text-sky-700 hover:underline dark:text-sky-400"
                >
                  Telemetry →
                </Link>
              }
            />
            <div className={`grid gap-4 ${large ? "" : "xl:grid-cols-[minmax(0,1fr)_22rem]"}`}>
              <TopologyGraph deployment={deployment} />
              <div className={large ? "grid items-start gap-4 lg:grid-cols-3" : "space-y-4"}>
                <FaultPanel deployment={deployment} />
                <AlertList deploymentId={deployment.id} />
                <ServerPanel deployment={deployment} />
              </div>
            </div>
          </div>
        );
      }}
    </WithDeployment>
  );
}
