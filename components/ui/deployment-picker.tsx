"use client";

// Which deployment to open in a section (telemetry, planning): each with its DR model and targets.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { useTRPC } from "@/components/trpc/client";
import { errorMessage } from "@/components/ui/error-text";
import { Badge, Card, EmptyState } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { formatSeconds } from "@/lib/format";
import { label } from "@/lib/topology/words";

/** `basePath` is where a deployment opens (`/telemetry` → `/telemetry/<slug>`); `what` names it for the empty state. */
export function DeploymentPicker({
  basePath,
  what,
  showGraphLink = false,
}: {
  basePath: string;
  what: string;
  showGraphLink?: boolean;
}) {
  const trpc = useTRPC();
  const deployments = useQuery(trpc.topology.deployments.queryOptions());

  if (deployments.isPending) return <p className="text-sm text-slate-500">Loading deployments…</p>;
  if (deployments.isError)
    return (
      <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
        {errorMessage(deployments.error)}
      </p>
    );
  if (deployments.data.length === 0) {
    return (
      <EmptyState title="No deployments yet">
        Model a deployment under{" "}
        <Link href="/topology" className="text-sky-700 hover:underline dark:text-sky-400">
          Topology
        </Link>{" "}
        first; its {what} appears here.
      </EmptyState>
    );
  }

  return (
    <Card>
      <Table caption="Deployments">
        <thead>
          <tr>
            <Th>Deployment</Th>
            <Th>DR model</Th>
            <Th className="text-right">RTO target</Th>
            <Th className="text-right">RPO target</Th>
            <Th className="text-right">Regions</Th>
            {showGraphLink ? (
              <Th>
                <span className="sr-only">Graph</span>
              </Th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {deployments.data.map((deployment) => (
            <tr key={deployment.id}>
              <Td>
                <Link
                  href={`${basePath}/${deployment.slug}`}
                  className="font-medium text-sky-700 hover:underline dark:text-sky-400"
                >
                  {deployment.name}
                </Link>
                <div className="text-xs text-slate-500">{deployment.slug}</div>
              </Td>
              <Td>
                <Badge tone="info">{label(deployment.drModel)}</Badge>
              </Td>
              <Td className="text-right">{formatSeconds(deployment.rtoTargetSeconds)}</Td>
              <Td className="text-right">{formatSeconds(deployment.rpoTargetSeconds)}</Td>
              <Td className="text-right">{deployment._count.regions}</Td>
              {showGraphLink ? (
                <Td className="text-right">
                  <Link
                    href={`/topology/${deployment.slug}`}
                    className="text-xs text-sky-700 hover:underline dark:text-sky-400"
                    aria-label={`Live graph of ${deployment.name}`}
                  >
                    Live graph →
                  </Link>
                </Td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
