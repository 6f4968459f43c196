"use client";

// A new replication link between two replicas of the same cluster.
import { useMutation } from "@tanstack/react-query";

import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { NumberInput } from "@/components/ui/number-input";
import { useForm } from "@/components/ui/use-form";
import { LINK_MODES } from "@/lib/enums";
import { formLabel } from "@/lib/fields";
import { ZLinkInput } from "@/lib/topology/contracts";
import { LINK_FIELDS } from "@/lib/topology/words";

import type { Cluster } from "./model-types";
import { useRefreshModel } from "./use-refresh-model";

const FIELDS = ["sourceReplicaId", "targetReplicaId", "mode", "expectedVolumeGbPerDay"] as const;

export function LinkForm({ cluster, onDone }: { cluster: Cluster; onDone: () => void }) {
  const trpc = useTRPC();
  const refreshModel = useRefreshModel();
  // Data usually flows out of the primary, so it is the likely source.
  const primary = cluster.replicas.find((replica) => replica.role === "PRIMARY");
  const form = useForm(ZLinkInput, {
    sourceReplicaId: primary?.id ?? "",
    targetReplicaId: "",
    mode: "ASYNC",
    expectedVolumeGbPerDay: Number.NaN,
  });
  const create = useMutation(
    trpc.topology.createLink.mutationOptions({
      onSuccess: async () => {
        await refreshModel();
        onDone();
      },
      onError: form.showServerError,
    }),
  );
  const { values, errors, set } = form;
  const prefix = `${cluster.id}-link`;
  const replicaOptions = [
    { value: "", label: "Choose a replica…" },
    ...cluster.replicas.map((replica) => ({ value: replica.id, label: replica.name })),
  ];

  return (
    <form className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" onSubmit={form.handleSubmit(create.mutate)}>
      <Field id={`${prefix}-source`} label={formLabel(LINK_FIELDS.source)} error={errors.sourceReplicaId}>
        <Select
          id={`${prefix}-source`}
          options={replicaOptions}
          value={values.sourceReplicaId}
          onChange={(e) => set("sourceReplicaId", e.target.value)}
          invalid={!!errors.sourceReplicaId}
        />
      </Field>
      <Field id={`${prefix}-target`} label={formLabel(LINK_FIELDS.target)} error={errors.targetReplicaId}>
        <Select
          id={`${prefix}-target`}
          options={replicaOptions}
          value={values.targetReplicaId}
          onChange={(e) => set("targetReplicaId", e.target.value)}
          invalid={!!errors.targetReplicaId}
        />
      </Field>
      <Field id={`${prefix}-mode`} label={formLabel(LINK_FIELDS.mode)} error={errors.mode}>
        <Select
          id={`${prefix}-mode`}
          options={LINK_MODES}
          value={values.mode}
          onChange={(e) => set("mode", e.target.value as typeof values.mode)}
          invalid={!!errors.mode}
        />
      </Field>
      <Field
        id={`${prefix}-volume`}
        label={formLabel(LINK_FIELDS.expectedVolumeGbPerDay)}
        error={errors.expectedVolumeGbPerDay}
      >
        <NumberInput
          id={`${prefix}-volume`}
          step="any"
          value={values.expectedVolumeGbPerDay}
          onValueChange={(v) => set("expectedVolumeGbPerDay", v)}
          invalid={!!errors.expectedVolumeGbPerDay}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit" variant="primary" size="sm" disabled={create.isPending}>
          Add link
        </Button>
        <Button size="sm" onClick={onDone}>
          Cancel
        </Button>
        <FormAlert error={create.error} fieldErrors={errors} fields={FIELDS} />
      </div>
    </form>
  );
}
