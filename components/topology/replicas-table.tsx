"use client";

// A cluster's replicas: where each is, its role and fencing epoch; adding and removing them.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";

import { useCan } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { label } from "@/lib/topology/words";

import { DeleteButton } from "./delete-button";
import type { CatalogRegion, Cluster, Replica } from "./model-types";
import { ReplicaForm } from "./replica-form";
import { useRefreshModel } from "./use-refresh-model";

export function ReplicasTable({ cluster, regions }: { cluster: Cluster; regions: CatalogRegion[] }) {
  const canEdit = useCan("topology.edit");
  const [adding, setAdding] = useState(false);
  const codeOf = (regionId: string) => regions.find((region) => region.id === regionId)?.code ?? "—";

  return (
    <div className="space-y-3">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Replicas</h3>
      {cluster.replicas.length === 0 ? (
        <p className="text-sm text-slate-500">
          No replicas yet{cluster.writeTopology === "SINGLE_PRIMARY" ? ": the first one is the primary" : ""}.
        </p>
      ) : (
        <Table caption={`Replicas of ${cluster.name}`}>
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Region</Th>
              <Th>Role</Th>
              <Th className="text-right">Epoch</Th>
              <Th>Endpoint</Th>
              {canEdit ? (
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {cluster.replicas.map((replica) => (
              <tr key={replica.id}>
                <Td className={replica.role === "PRIMARY" ? "font-semibold" : "font-medium"}>{replica.name}</Td>
                <Td className="font-mono text-xs">{codeOf(replica.regionId)}</Td>
                <Td>
                  <RoleBadge role={replica.role} />
                </Td>
                <Td className="text-right">{replica.epoch}</Td>
                <Td className="font-mono text-xs">{replica.endpoint ?? "—"}</Td>
                {canEdit ? (
                  <Td>
                    <RemoveReplica cluster={cluster} replica={replica} />
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {canEdit && !adding ? (
        <Button
          size="sm"
          onClick={() => setAdding(true)}
          disabled={regions.length === 0}
          title={regions.length === 0 ? "Add a region to the deployment first" : undefined}
        >
          Add replica
        </Button>
      ) : null}
      {adding ? <ReplicaForm cluster={cluster} regions={regions} onDone={() => setAdding(false)} /> : null}
    </div>
  );
}

/** The primary takes the writes, so it stands out from its replicas. */
function RoleBadge({ role }: { role: Replica["role"] }) {
  if (role === "PRIMARY") {
    return (
      <Badge tone="good">
        <strong>{label(role)}</strong>
      </Badge>
    );
  }
  return <Badge tone={role === "MULTI_MASTER" ? "info" : "neutral"}>{label(role)}</Badge>;
}

function RemoveReplica({ cluster, replica }: { cluster: Cluster; replica: Replica }) {
  const trpc = useTRPC();
  const refreshModel = useRefreshModel();
  const remove = useMutation(trpc.topology.deleteReplica.mutationOptions({ onSuccess: () => refreshModel() }));
  return (
    <DeleteButton
      label="Remove"
      ariaLabel={`Remove replica ${replica.name}`}
      confirmText={`Remove replica ${replica.name} from ${cluster.name}?`}
      onDelete={(cascade) => remove.mutate({ id: replica.id, cascade })}
      isPending={remove.isPending}
      error={remove.error}
    />
  );
}
