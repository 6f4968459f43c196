"use client";

// Edits a deployment's name, description and DR plan; the slug stays, since links use it.
import { useMutation } from "@tanstack/react-query";

import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Card } from "@/components/ui/layout";
import { NumberInput } from "@/components/ui/number-input";
import { useForm } from "@/components/ui/use-form";
import { DR_MODELS } from "@/lib/enums";
import { formLabel } from "@/lib/fields";
import { ZDeploymentInput } from "@/lib/topology/contracts";
import { DEPLOYMENT_FIELDS } from "@/lib/topology/words";

import type { DeploymentModelData } from "./model-types";
import { useRefreshModel } from "./use-refresh-model";

const ZDeploymentEdit = ZDeploymentInput.omit({ slug: true });
const FIELDS = [
  "name",
  "description",
  "drModel",
  "rtoTargetSeconds",
  "rpoTargetSeconds",
  "availabilityTargetPct",
] as const;

export function DeploymentEditForm({ deployment, onDone }: { deployment: DeploymentModelData; onDone: () => void }) {
  const trpc = useTRPC();
  const refreshModel = useRefreshModel();
  const form = useForm(ZDeploymentEdit, {
    name: deployment.name,
    description: deployment.description,
    drModel: deployment.drModel,
    rtoTargetSeconds: deployment.rtoTargetSeconds,
    rpoTargetSeconds: deployment.rpoTargetSeconds,
    availabilityTargetPct: deployment.availabilityTargetPct,
  });
  const update = useMutation(
    trpc.topology.updateDeployment.mutationOptions({
      onSuccess: async () => {
        await refreshModel();
        onDone();
      },
      onError: form.showServerError,
    }),
  );
  const { values, errors, set } = form;

  return (
    <Card title="Edit deployment" className="mt-4">
      <form
        className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4"
        onSubmit={(e) => {
          e.preventDefault();
          const input = form.validate();
          if (input) update.mutate({ id: deployment.id, ...input });
        }}
      >
        <Field id="deployment-edit-name" label={formLabel(DEPLOYMENT_FIELDS.name)} error={errors.name}>
          <Input
            id="deployment-edit-name"
            value={values.name}
            onChange={(e) => set("name", e.target.value)}
            invalid={!!errors.name}
          />
        </Field>
        <Field id="deployment-edit-model" label={formLabel(DEPLOYMENT_FIELDS.drModel)} error={errors.drModel}>
          <Select
            id="deployment-edit-model"
            options={DR_MODELS}
            value={values.drModel}
            onChange={(e) => set("drModel", e.target.value as typeof values.drModel)}
            invalid={!!errors.drModel}
          />
        </Field>
        <Field
          id="deployment-edit-availability"
          label={formLabel(DEPLOYMENT_FIELDS.availabilityTargetPct)}
          error={errors.availabilityTargetPct}
        >
          <NumberInput
            id="deployment-edit-availability"
            step="any"
            value={values.availabilityTargetPct}
            onValueChange={(v) => set("availabilityTargetPct", v)}
            invalid={!!errors.availabilityTargetPct}
          />
        </Field>
        <Field
          id="deployment-edit-rto"
          label={formLabel(DEPLOYMENT_FIELDS.rtoTargetSeconds)}
          error={errors.rtoTargetSeconds}
        >
          <NumberInput
            id="deployment-edit-rto"
            value={values.rtoTargetSeconds}
            onValueChange={(v) => set("rtoTargetSeconds", v)}
            invalid={!!errors.rtoTargetSeconds}
          />
        </Field>
        <Field
          id="deployment-edit-rpo"
          label={formLabel(DEPLOYMENT_FIELDS.rpoTargetSeconds)}
          error={errors.rpoTargetSeconds}
        >
          <NumberInput
            id="deployment-edit-rpo"
            value={values.rpoTargetSeconds}
            onValueChange={(v) => set("rpoTargetSeconds", v)}
            invalid={!!errors.rpoTargetSeconds}
          />
        </Field>
        <div className="sm:col-span-2 lg:col-span-3">
          <Field
            id="deployment-edit-description"
            label={formLabel(DEPLOYMENT_FIELDS.description)}
            error={errors.description}
          >
            <Input
              id="deployment-edit-description"
              value={values.description}
              onChange={(e) => set("description", e.target.value)}
              invalid={!!errors.description}
            />
          </Field>
        </div>
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
          <Button type="submit" variant="primary" disabled={update.isPending}>
            Save
          </Button>
          <Button onClick={onDone}>Cancel</Button>
          <FormAlert error={update.error} fieldErrors={errors} fields={FIELDS} />
        </div>
      </form>
    </Card>
  );
}
