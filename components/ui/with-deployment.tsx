"use client";

// Loads one deployment's model by slug and renders `children` with it, or says it is loading or
// why it failed, with the way back. Every per-deployment page starts this way.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";

import type { DeploymentModelData } from "@/components/topology/model-types";
import { useTRPC } from "@/components/trpc/client";
import { errorMessage } from "@/components/ui/error-text";

export function WithDeployment({
  slug,
  backHref,
  children,
}: {
  slug: string;
  backHref: string;
  children: (deployment: DeploymentModelData, back: ReactNode) => ReactNode;
}) {
  const trpc = useTRPC();
  const model = useQuery(trpc.topology.deployment.queryOptions({ idOrSlug: slug }));
  const back = (
    <Link href={backHref} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
      ← All deployments
    </Link>
  );
  if (model.isPending) return <p className="text-sm text-slate-500">Loading the deployment…</p>;
  if (model.isError) {
    return (
      <div className="space-y-2">
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {errorMessage(model.error)}
        </p>
        {back}
      </div>
    );
  }
  return <>{children(model.data, back)}</>;
}
