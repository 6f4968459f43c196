"use client";

// A cluster's replication links: which replica feeds which, how, and how much a day.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";

import { useCan } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { label } from "@/lib/topology/words";

import { DeleteButton } from "./delete-button";
import { LinkForm } from "./link-form";
import type { Cluster, ReplicationLink } from "./model-types";
import { useRefreshModel } from "./use-refresh-model";

export function LinksTable({ cluster }: { cluster: Cluster }) {
  const canEdit = useCan("topology.edit");
  const [adding, setAdding] = useState(false);
  const nameOf = (replicaId: string) => cluster.replicas.find((replica) => replica.id === replicaId)?.name ?? "—";

  return (
    <div className="space-y-3">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Replication links</h3>
      {cluster.links.length === 0 ? (
        <p className="text-sm text-slate-500">No replication links yet.</p>
      ) : (
        <Table caption={`Replication links of ${cluster.name}`}>
          <thead>
            <tr>
              <Th>Source → target</Th>
              <Th>Mode</Th>
              <Th className="text-right">GB/day</Th>
              {canEdit ? (
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {cluster.links.map((link) => {
              const name = `${nameOf(link.sourceReplicaId)} → ${nameOf(link.targetReplicaId)}`;
              return (
                <tr key={link.id}>
                  <Td className="font-medium">{name}</Td>
                  <Td>
                    <Badge tone={link.mode === "SYNC" ? "info" : "neutral"}>{label(link.mode)}</Badge>
                  </Td>
                  <Td className="text-right">{link.expectedVolumeGbPerDay}</Td>
                  {canEdit ? (
                    <Td>
                      <RemoveLink link={link} name={name} />
                    </Td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {canEdit && !adding ? (
        <Button
          size="sm"
          onClick={() => setAdding(true)}
          disabled={cluster.replicas.length < 2}
          title={cluster.replicas.length < 2 ? "A link joins two replicas: add a second one first" : undefined}
        >
          Add link
        </Button>
      ) : null}
      {adding ? <LinkForm cluster={cluster} onDone={() => setAdding(false)} /> : null}
    </div>
  );
}

function RemoveLink({ link, name }: { link: ReplicationLink; name: string }) {
  const trpc = useTRPC();
  const refreshModel = useRefreshModel();
  const remove = useMutation(trpc.topology.deleteLink.mutationOptions({ onSuccess: () => refreshModel() }));
  return (
    <DeleteButton
      label="Remove"
      ariaLabel={`Remove link ${name}`}
      confirmText={`Remove the replication link ${name}?`}
      onDelete={() => remove.mutate({ id: link.id })}
      isPending={remove.isPending}
      error={remove.error}
    />
  );
}
