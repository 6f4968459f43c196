"use client";

// The deployment's name and DR plan at a glance, with edit and delete for operators.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { useCan } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Badge, PageHeader } from "@/components/ui/layout";
import { formatSeconds } from "@/lib/format";
import { DEPLOYMENT_FIELDS, DRIVER_KIND_LABELS, label } from "@/lib/topology/words";

import { DeleteButton } from "./delete-button";
import { DeploymentEditForm } from "./deployment-edit-form";
import type { DeploymentModelData } from "./model-types";
import { Setting } from "./setting";

export function DeploymentHeader({ deployment }: { deployment: DeploymentModelData }) {
  const canEdit = useCan("topology.edit");
  const [editing, setEditing] = useState(false);

  return (
    <div>
      <PageHeader
        title={deployment.name}
        description={deployment.description || undefined}
        actions={
          canEdit ? (
            <>
              {!editing ? <Button onClick={() => setEditing(true)}>Edit deployment</Button> : null}
              <DeleteDeployment deployment={deployment} />
            </>
          ) : null
        }
      />
      <dl className="-mt-2 mb-2 flex flex-wrap gap-x-8 gap-y-2 text-sm">
        <Setting term="DR model">
          <Badge tone="info">{label(deployment.drModel)}</Badge>
        </Setting>
        <Setting term="RTO target">{formatSeconds(deployment.rtoTargetSeconds)}</Setting>
        <Setting term="RPO target">{formatSeconds(deployment.rpoTargetSeconds)}</Setting>
        <Setting term="Availability target">{deployment.availabilityTargetPct}%</Setting>
        <Setting term={DEPLOYMENT_FIELDS.driverKind.label}>
          {DRIVER_KIND_LABELS[deployment.driverKind] ?? deployment.driverKind}
        </Setting>
        <Setting term="Slug">
          <span className="font-mono text-xs">{deployment.slug}</span>
        </Setting>
      </dl>
      {editing ? <DeploymentEditForm deployment={deployment} onDone={() => setEditing(false)} /> : null}
    </div>
  );
}

function DeleteDeployment({ deployment }: { deployment: DeploymentModelData }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const remove = useMutation(
    trpc.topology.deleteDeployment.mutationOptions({
      onSuccess: async () => {
        router.push("/topology");
        // Mark stale without refetching: this page's own query would only answer "not found" now.
        await Promise.all([
          queryClient.invalidateQueries({ ...trpc.topology.deployment.pathFilter(), refetchType: "none" }),
          queryClient.invalidateQueries(trpc.topology.deployments.pathFilter()),
          queryClient.invalidateQueries(trpc.topology.regions.pathFilter()),
        ]);
      },
    }),
  );
  return (
    <DeleteButton
      label="Delete deployment"
      confirmText={`Delete deployment ${deployment.name}?`}
      onDelete={(cascade) => remove.mutate({ id: deployment.id, cascade })}
      isPending={remove.isPending}
      error={remove.error}
    />
  );
}
