"use client";

// One database cluster: its settings, replicas and links, and deleting it.
import { useMutation } from "@tanstack/react-query";

import { useCan } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";
import { Badge, Card } from "@/components/ui/layout";
import { label } from "@/lib/topology/words";

import { DeleteButton } from "./delete-button";
import { LinksTable } from "./links-table";
import type { CatalogRegion, Cluster } from "./model-types";
import { ReplicasTable } from "./replicas-table";
import { Setting } from "./setting";
import { useRefreshModel } from "./use-refresh-model";

export function ClusterCard({
  deploymentName,
  cluster,
  regions,
}: {
  deploymentName: string;
  cluster: Cluster;
  regions: CatalogRegion[];
}) {
  const trpc = useTRPC();
  const canEdit = useCan("topology.edit");
  const refreshModel = useRefreshModel();
  const remove = useMutation(trpc.topology.deleteCluster.mutationOptions({ onSuccess: () => refreshModel() }));

  return (
    <Card
      title={
        <span className="flex flex-wrap items-center gap-2">
          <span>{cluster.name}</span>
          <span className="text-xs font-normal text-slate-500">{cluster.engine}</span>
        </span>
      }
      actions={
        canEdit ? (
          <DeleteButton
            label="Delete cluster"
            ariaLabel={`Delete cluster ${cluster.name}`}
            confirmText={`Delete cluster ${cluster.name} from ${deploymentName}?`}
            onDelete={(cascade) => remove.mutate({ id: cluster.id, cascade })}
            isPending={remove.isPending}
            error={remove.error}
          />
        ) : null
      }
    >
      <div className="space-y-5">
        <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm">
          <Setting term="Write topology">
            <Badge tone="info">{label(cluster.writeTopology)}</Badge>
          </Setting>
          <Setting term="Conflict strategy">
            <Badge>{label(cluster.conflictStrategy)}</Badge>
          </Setting>
          <Setting term="Consistency">
            <Badge>{label(cluster.consistencyLevel)}</Badge>
          </Setting>
        </dl>
        <ReplicasTable cluster={cluster} regions={regions} />
        <LinksTable cluster={cluster} />
      </div>
    </Card>
  );
}
