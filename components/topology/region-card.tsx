"use client";

// One region of a deployment: where it is, what runs there, and removing it from the deployment.
import { useMutation } from "@tanstack/react-query";

import { useCan } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";
import { Badge, Card } from "@/components/ui/layout";
import { label } from "@/lib/topology/words";

import { DeleteButton } from "./delete-button";
import type { DeploymentModelData, Placement } from "./model-types";
import { StackTable } from "./stack-table";
import { useRefreshModel } from "./use-refresh-model";

export function RegionCard({ deployment, placement }: { deployment: DeploymentModelData; placement: Placement }) {
  const trpc = useTRPC();
  const canEdit = useCan("topology.edit");
  const refreshModel = useRefreshModel();
  const { region } = placement;
  const remove = useMutation(
    trpc.topology.removeRegion.mutationOptions({ onSuccess: () => refreshModel({ catalog: true }) }),
  );

  return (
    <Card
      title={
        <span className="flex flex-wrap items-center gap-2">
          <span>{region.displayName}</span>
          <span className="font-mono text-xs font-normal text-slate-500">{region.code}</span>
          <Badge>{label(region.provider)}</Badge>
          <Badge>{label(region.continent)}</Badge>
        </span>
      }
      actions={
        canEdit ? (
          <DeleteButton
            label="Remove region"
            ariaLabel={`Remove region ${region.code}`}
            confirmText={`Remove ${region.code} from ${deployment.name}?`}
            onDelete={(cascade) => remove.mutate({ deploymentId: deployment.id, regionId: region.id, cascade })}
            isPending={remove.isPending}
            error={remove.error}
          />
        ) : null
      }
    >
      <StackTable deploymentId={deployment.id} placement={placement} />
    </Card>
  );
}
