"use client";

// One traffic policy: how it routes and checks health, its rules, and deleting it.
import { useMutation } from "@tanstack/react-query";

import { useCan } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";
import { Badge, Card } from "@/components/ui/layout";
import { formatSeconds } from "@/lib/format";
import { label } from "@/lib/topology/words";

import { DeleteButton } from "./delete-button";
import type { CatalogRegion, Policy } from "./model-types";
import { RulesTable } from "./rules-table";
import { Setting } from "./setting";
import { useRefreshModel } from "./use-refresh-model";

export function PolicyCard({
  deploymentName,
  policy,
  regions,
}: {
  deploymentName: string;
  policy: Policy;
  regions: CatalogRegion[];
}) {
  const trpc = useTRPC();
  const canEdit = useCan("topology.edit");
  const refreshModel = useRefreshModel();
  const remove = useMutation(trpc.topology.deletePolicy.mutationOptions({ onSuccess: () => refreshModel() }));
  const locations = policy.healthCheckProbeLocations;

  return (
    <Card
      title={policy.name}
      actions={
        canEdit ? (
          <DeleteButton
            label="Delete policy"
            ariaLabel={`Delete policy ${policy.name}`}
            confirmText={`Delete routing policy ${policy.name} from ${deploymentName}?`}
            onDelete={(cascade) => remove.mutate({ id: policy.id, cascade })}
            isPending={remove.isPending}
            error={remove.error}
          />
        ) : null
      }
    >
      <div className="space-y-5">
        <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm">
          <Setting term="Layer">
            <Badge>{label(policy.layer)}</Badge>
          </Setting>
          <Setting term="Product">
            <Badge tone="info">{label(policy.product)}</Badge>
          </Setting>
          <Setting term="Steering">
            <Badge>{label(policy.steering)}</Badge>
          </Setting>
          <Setting term="DNS TTL">{formatSeconds(policy.dnsTtlSeconds)}</Setting>
          <Setting term="Health check">
            every {formatSeconds(policy.healthCheckIntervalSeconds)}, timeout{" "}
            {formatSeconds(policy.healthCheckTimeoutSeconds)}, {policy.healthCheckFailureThreshold} failures, quorum{" "}
            {policy.healthCheckQuorum} of {locations.length} locations
          </Setting>
          <Setting term="Probe locations">
            <span className="flex flex-wrap gap-1">
              {locations.map((location) => (
                <Badge key={location}>{location}</Badge>
              ))}
            </span>
          </Setting>
        </dl>
        <RulesTable policy={policy} regions={regions} />
      </div>
    </Card>
  );
}
