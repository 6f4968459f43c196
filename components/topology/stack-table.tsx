"use client";

// What runs in one region of a deployment: one row per kind, edited in place.
import { useMutation } from "@tanstack/react-query";
import { Fragment, useState } from "react";

import { useCan } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { TIER_TONE } from "@/components/ui/tones";
import { label, sizeLabel } from "@/lib/topology/words";

import { DeleteButton } from "./delete-button";
import type { Placement, StackComponent } from "./model-types";
import { StackAddForm, StackEditForm } from "./stack-form";
import { useRefreshModel } from "./use-refresh-model";

export function StackTable({ deploymentId, placement }: { deploymentId: string; placement: Placement }) {
  const canEdit = useCan("topology.edit");
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const code = placement.region.code;

  return (
    <div className="space-y-3">
      {placement.stack.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing runs here yet.</p>
      ) : (
        <Table caption={`Stack in ${code}`}>
          <thead>
            <tr>
              <Th>Kind</Th>
              <Th>Tier</Th>
              <Th className="text-right">Instances</Th>
              {canEdit ? (
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {placement.stack.map((component) => (
              <Fragment key={component.id}>
                <tr>
                  <Td className="font-medium">{label(component.kind)}</Td>
                  <Td>
                    <Badge tone={TIER_TONE[component.tier]}>{label(component.tier)}</Badge>
                  </Td>
                  <Td className="text-right">{sizeLabel(component)}</Td>
                  {canEdit ? (
                    <Td>
                      <StackRowActions
                        component={component}
                        regionCode={code}
                        onEdit={() => setEditingId(component.id)}
                      />
                    </Td>
                  ) : null}
                </tr>
                {editingId === component.id ? (
                  <tr>
                    <Td colSpan={4}>
                      <StackEditForm component={component} onDone={() => setEditingId(null)} />
                    </Td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </Table>
      )}
      {canEdit && !adding ? (
        <Button size="sm" onClick={() => setAdding(true)}>
          Add component
        </Button>
      ) : null}
      {adding ? (
        <StackAddForm deploymentId={deploymentId} placement={placement} onDone={() => setAdding(false)} />
      ) : null}
    </div>
  );
}

function StackRowActions({
  component,
  regionCode,
  onEdit,
}: {
  component: StackComponent;
  regionCode: string;
  onEdit: () => void;
}) {
  const trpc = useTRPC();
  const refreshModel = useRefreshModel();
  const remove = useMutation(trpc.topology.deleteStackComponent.mutationOptions({ onSuccess: () => refreshModel() }));
  const what = `${label(component.kind)} in ${regionCode}`;
  return (
    <div className="flex items-start justify-end gap-2">
      <Button size="sm" variant="ghost" aria-label={`Edit ${what}`} onClick={onEdit}>
        Edit
      </Button>
      <DeleteButton
        label="Remove"
        ariaLabel={`Remove ${what}`}
        confirmText={`Remove ${what}?`}
        onDelete={() => remove.mutate({ id: component.id })}
        isPending={remove.isPending}
        error={remove.error}
      />
    </div>
  );
}
