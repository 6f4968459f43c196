"use client";
// The "Live graph" tab of a deployment: the graph, and beside it the faults and alerts.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { AlertList } from "@/components/telemetry/alert-list";
import { FaultPanel } from "@/components/telemetry/fault-panel";
import { useTRPC } from "@/components/trpc/client";
import { errorMessage } from "@/components/ui/error-text";
import { PageHeader } from "@/components/ui/layout";
import { TopologyGraph } from "./topology-graph";

export function LiveDeployment({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const model = useQuery(trpc.topology.deployment.queryOptions({ idOrSlug: slug }));
  const back = (
    <Link href="/topology" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
      ← All deployments
    </Link>
  );
  if (model.isPending) return <p className="text-sm text-slate-500">Loading the deployment…</p>;
  if (model.isError) {
    return (
      <div className="space-y-2">
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">{errorMessage(model.error)}</p>
        {back}
      </div>
    );
  }
  const deployment = model.data;
  return (
    <div className="space-y-4">
      {back}
      <PageHeader
        title={deployment.name}
        description={deployment.description || undefined}
        actions={
          <Link href={`/telemetry/${deployment.slug}`} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
            Telemetry →
          </Link>
        }
      />
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <TopologyGraph deployment={deployment} />
        <div className="space-y-4">
          <FaultPanel deployment={deployment} />
          <AlertList deploymentId={deployment.id} />
        </div>
      </div>
    </div>
  );
}
