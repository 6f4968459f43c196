"use client";
// One deployment's model page: its DR plan, regions and stacks, database clusters, routing.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { errorMessage } from "@/components/ui/error-text";
import { DeploymentHeader } from "./deployment-header";
import { RegionsSection } from "./regions-section";
import { ClustersSection } from "./clusters-section";
import { RoutingSection } from "./routing-section";

export function DeploymentModel({ slug }: { slug: string }) {
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
    <div className="space-y-6">
      {back}
      <DeploymentHeader deployment={deployment} />
      <RegionsSection deployment={deployment} />
      <ClustersSection deployment={deployment} />
      <RoutingSection deployment={deployment} />
    </div>
  );
}
