"use client";

// A new database cluster of this deployment: engine, how it takes writes, how it settles conflicts.
import { useMutation } from "@tanstack/react-query";

import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Card } from "@/components/ui/layout";
import { useForm } from "@/components/ui/use-form";
import { CONFLICT_STRATEGIES, CONSISTENCY_LEVELS, WRITE_TOPOLOGIES } from "@/lib/enums";
import { formLabel } from "@/lib/fields";
import { ZClusterInput } from "@/lib/topology/contracts";
import { CLUSTER_FIELDS } from "@/lib/topology/words";

import { useRefreshModel } from "./use-refresh-model";

const FIELDS = ["name", "engine", "writeTopology", "conflictStrategy", "consistencyLevel"] as const;

export function ClusterForm({ deploymentId, onDone }: { deploymentId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const refreshModel = useRefreshModel();
  const form = useForm(ZClusterInput, {
    deploymentId,
    name: "",
    engine: "",
    writeTopology: "SINGLE_PRIMARY",
    conflictStrategy: "NONE",
    consistencyLevel: "STRONG",
  });
  const create = useMutation(
    trpc.topology.createCluster.mutationOptions({
      onSuccess: async () => {
        await refreshModel();
        onDone();
      },
      onError: form.showServerError,
    }),
  );
  const { values, errors, set } = form;

  return (
    <Card title="New cluster">
      <form className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5" onSubmit={form.handleSubmit(create.mutate)}>
        <Field id="cluster-name" label={formLabel(CLUSTER_FIELDS.name)} error={errors.name}>
          <Input
            id="cluster-name"
            value={values.name}
            onChange={(e) => set("name", e.target.value)}
            invalid={!!errors.name}
          />
        </Field>
        <Field
          id="cluster-engine"
          label={formLabel(CLUSTER_FIELDS.engine)}
          hint="like PostgreSQL 17"
          error={errors.engine}
        >
          <Input
            id="cluster-engine"
            value={values.engine}
            onChange={(e) => set("engine", e.target.value)}
            invalid={!!errors.engine}
          />
        </Field>
        <Field id="cluster-write-topology" label={formLabel(CLUSTER_FIELDS.writeTopology)} error={errors.writeTopology}>
          <Select
            id="cluster-write-topology"
            options={WRITE_TOPOLOGIES}
            value={values.writeTopology}
            onChange={(e) => set("writeTopology", e.target.value as typeof values.writeTopology)}
            invalid={!!errors.writeTopology}
          />
        </Field>
        <Field
          id="cluster-conflict-strategy"
          label={formLabel(CLUSTER_FIELDS.conflictStrategy)}
          error={errors.conflictStrategy}
        >
          <Select
            id="cluster-conflict-strategy"
            options={CONFLICT_STRATEGIES}
            value={values.conflictStrategy}
            onChange={(e) => set("conflictStrategy", e.target.value as typeof values.conflictStrategy)}
            invalid={!!errors.conflictStrategy}
          />
        </Field>
        <Field
          id="cluster-consistency"
          label={formLabel(CLUSTER_FIELDS.consistencyLevel)}
          error={errors.consistencyLevel}
        >
          <Select
            id="cluster-consistency"
            options={CONSISTENCY_LEVELS}
            value={values.consistencyLevel}
            onChange={(e) => set("consistencyLevel", e.target.value as typeof values.consistencyLevel)}
            invalid={!!errors.consistencyLevel}
          />
        </Field>
        <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-5">
          <Button type="submit" variant="primary" disabled={create.isPending}>
            Create cluster
          </Button>
          <Button onClick={onDone}>Cancel</Button>
          <FormAlert error={create.error} fieldErrors={errors} fields={FIELDS} />
        </div>
      </form>
    </Card>
  );
}
