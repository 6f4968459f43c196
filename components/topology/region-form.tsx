"use client";

// A new catalog region: provider and code name it; the coordinates place it on maps and latency estimates.
import { useMutation } from "@tanstack/react-query";

import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Card } from "@/components/ui/layout";
import { NumberInput } from "@/components/ui/number-input";
import { useForm } from "@/components/ui/use-form";
import { CONTINENTS, PROVIDERS } from "@/lib/enums";
import { formLabel } from "@/lib/fields";
import { ZRegionInput } from "@/lib/topology/contracts";
import { REGION_FIELDS } from "@/lib/topology/words";

import { useRefreshModel } from "./use-refresh-model";

const FIELDS = ["provider", "code", "displayName", "continent", "latitude", "longitude"] as const;

export function RegionForm({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const refreshModel = useRefreshModel();
  const form = useForm(ZRegionInput, {
    provider: "AWS",
    code: "",
    displayName: "",
    continent: "NORTH_AMERICA",
    latitude: Number.NaN,
    longitude: Number.NaN,
  });
  const create = useMutation(
    trpc.topology.createRegion.mutationOptions({
      onSuccess: async () => {
        await refreshModel({ catalog: true });
        onDone();
      },
      onError: form.showServerError,
    }),
  );
  const { values, errors, set } = form;

  return (
    <Card title="New region">
      <form className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" onSubmit={form.handleSubmit(create.mutate)}>
        <Field id="region-provider" label={formLabel(REGION_FIELDS.provider)} error={errors.provider}>
          <Select
            id="region-provider"
            options={PROVIDERS}
            value={values.provider}
            onChange={(e) => set("provider", e.target.value as typeof values.provider)}
            invalid={!!errors.provider}
          />
        </Field>
        <Field
          id="region-code"
          label={formLabel(REGION_FIELDS.code)}
          hint="the provider's own code, like us-east-1"
          error={errors.code}
        >
          <Input
            id="region-code"
            value={values.code}
            onChange={(e) => set("code", e.target.value)}
            invalid={!!errors.code}
          />
        </Field>
        <Field
          id="region-name"
          label={formLabel(REGION_FIELDS.displayName)}
          hint="like US East (N. Virginia)"
          error={errors.displayName}
        >
          <Input
            id="region-name"
            value={values.displayName}
            onChange={(e) => set("displayName", e.target.value)}
            invalid={!!errors.displayName}
          />
        </Field>
        <Field id="region-continent" label={formLabel(REGION_FIELDS.continent)} error={errors.continent}>
          <Select
            id="region-continent"
            options={CONTINENTS}
            value={values.continent}
            onChange={(e) => set("continent", e.target.value as typeof values.continent)}
            invalid={!!errors.continent}
          />
        </Field>
        <Field id="region-latitude" label={formLabel(REGION_FIELDS.latitude)} hint="-90 to 90" error={errors.latitude}>
          <NumberInput
            id="region-latitude"
            step="any"
            value={values.latitude}
            onValueChange={(v) => set("latitude", v)}
            invalid={!!errors.latitude}
          />
        </Field>
        <Field
          id="region-longitude"
          label={formLabel(REGION_FIELDS.longitude)}
          hint="-180 to 180"
          error={errors.longitude}
        >
          <NumberInput
            id="region-longitude"
            step="any"
            value={values.longitude}
            onValueChange={(v) => set("longitude", v)}
            invalid={!!errors.longitude}
          />
        </Field>
        <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-3">
          <Button type="submit" variant="primary" disabled={create.isPending}>
            Create region
          </Button>
          <Button onClick={onDone}>Cancel</Button>
          <FormAlert error={create.error} fieldErrors={errors} fields={FIELDS} />
        </div>
      </form>
    </Card>
  );
}
