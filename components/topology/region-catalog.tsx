"use client";

// The shared region catalog: where deployments can run, how many use each place, and adding one.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { useCan } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";
import type { RouterOutputs } from "@/components/trpc/types";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/error-text";
import { Card, EmptyState } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { label } from "@/lib/topology/words";

import { DeleteButton } from "./delete-button";
import { RegionForm } from "./region-form";
import { useRefreshModel } from "./use-refresh-model";

type CatalogEntry = RouterOutputs["topology"]["regions"][number];

export function RegionCatalog() {
  const trpc = useTRPC();
  const canEdit = useCan("topology.edit");
  const [adding, setAdding] = useState(false);
  const regions = useQuery(trpc.topology.regions.queryOptions());

  if (regions.isPending) return <p className="text-sm text-slate-500">Loading regions…</p>;
  if (regions.isError)
    return (
      <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
        {errorMessage(regions.error)}
      </p>
    );

  return (
    <div className="space-y-4">
      {canEdit && !adding ? (
        <Button variant="primary" onClick={() => setAdding(true)}>
          New region
        </Button>
      ) : null}
      {adding ? <RegionForm onDone={() => setAdding(false)} /> : null}
      {regions.data.length === 0 ? (
        <EmptyState title="No regions yet">Add the cloud and lab regions your deployments run in.</EmptyState>
      ) : (
        <Card>
          <Table caption="Regions">
            <thead>
              <tr>
                <Th>Provider</Th>
                <Th>Code</Th>
                <Th>Display name</Th>
                <Th>Continent</Th>
                <Th className="text-right">Lat / long</Th>
                <Th className="text-right">Deployments</Th>
                {canEdit ? (
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {regions.data.map((region) => (
                <tr key={region.id}>
                  <Td>{label(region.provider)}</Td>
                  <Td className="font-mono text-xs font-medium">{region.code}</Td>
                  <Td>{region.displayName}</Td>
                  <Td>{label(region.continent)}</Td>
                  <Td className="text-right">
                    {region.latitude.toFixed(2)}, {region.longitude.toFixed(2)}
                  </Td>
                  <Td className="text-right">{region._count.deployments}</Td>
                  {canEdit ? (
                    <Td>
                      <DeleteRegion region={region} />
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
    </div>
  );
}

function DeleteRegion({ region }: { region: CatalogEntry }) {
  const trpc = useTRPC();
  const refreshModel = useRefreshModel();
  const remove = useMutation(
    trpc.topology.deleteRegion.mutationOptions({ onSuccess: () => refreshModel({ catalog: true }) }),
  );
  return (
    <DeleteButton
      label="Delete"
      ariaLabel={`Delete region ${region.provider} ${region.code}`}
      confirmText={`Delete region ${label(region.provider)} ${region.code} from the catalog?`}
      onDelete={() => remove.mutate({ id: region.id })}
      isPending={remove.isPending}
      error={remove.error}
    />
  );
}
