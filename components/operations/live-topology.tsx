"use client";

// The deployment's live graph beside the run. The worker rewrites replica roles in the model as
// steps finish (demote, promote, repoint), so the model is re-read whenever a step's status changes
// and the graph shows the new primary as it happens.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

import { TopologyGraph } from "@/components/topology-graph/topology-graph";
import { useTRPC } from "@/components/trpc/client";
import { Card } from "@/components/ui/layout";
import { WithDeployment } from "@/components/ui/with-deployment";
import type { TStepView } from "@/lib/operations/contracts";

export function LiveTopology({ slug, steps }: { slug: string; steps: readonly TStepView[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const signature = steps.map((step) => `${step.index}:${step.status}:${step.rolledBackAt ?? ""}`).join("|");
  const seen = useRef(signature);

  useEffect(() => {
    if (seen.current === signature) return;
    seen.current = signature;
    void queryClient.invalidateQueries(trpc.topology.deployment.queryFilter({ idOrSlug: slug }));
  }, [signature, slug, queryClient, trpc]);

  return (
    <Card title="Live topology">
      <WithDeployment slug={slug} backHref="/operations">
        {(deployment) => <TopologyGraph deployment={deployment} />}
      </WithDeployment>
    </Card>
  );
}
