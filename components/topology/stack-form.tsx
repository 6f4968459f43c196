"use client";

// Adding a stack component to a region, and changing its tier or size (its kind is what it is).
import { useMutation } from "@tanstack/react-query";

import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { NumberInput } from "@/components/ui/number-input";
import { useForm } from "@/components/ui/use-form";
import { STACK_KINDS, STACK_TIERS } from "@/lib/enums";
import { formLabel } from "@/lib/fields";
import { ZStackComponentInput } from "@/lib/topology/contracts";
import { label, STACK_FIELDS } from "@/lib/topology/words";

import type { Placement, StackComponent } from "./model-types";
import { useRefreshModel } from "./use-refresh-model";

const ZStackEdit = ZStackComponentInput.pick({ tier: true, instanceCount: true, instanceSize: true });
const ADD_FIELDS = ["kind", "tier", "instanceCount", "instanceSize"] as const;

export function StackAddForm({
  deploymentId,
  placement,
  onDone,
}: {
  deploymentId: string;
  placement: Placement;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const refreshModel = useRefreshModel();
  const form = useForm(ZStackComponentInput, {
    deploymentId,
    regionId: placement.regionId,
    kind: "" as (typeof STACK_KINDS)[number],
    tier: "FULL",
    instanceCount: 2,
    instanceSize: "",
  });
  const create = useMutation(
    trpc.topology.createStackComponent.mutationOptions({
      onSuccess: async () => {
        await refreshModel();
        onDone();
      },
      onError: form.showServerError,
    }),
  );
  const present = new Set(placement.stack.map((component) => component.kind));
  const kinds = [
    { value: "", label: "Choose a kind…" },
    ...STACK_KINDS.filter((kind) => !present.has(kind)).map((kind) => ({ value: kind, label: label(kind) })),
  ];
  const { values, errors, set } = form;
  const prefix = `${placement.regionId}-stack`;

  return (
    <form className="grid gap-3 sm:grid-cols-4" onSubmit={form.handleSubmit(create.mutate)}>
      <Field id={`${prefix}-kind`} label={formLabel(STACK_FIELDS.kind)} error={errors.kind}>
        <Select
          id={`${prefix}-kind`}
          options={kinds}
          value={values.kind}
          onChange={(e) => set("kind", e.target.value as typeof values.kind)}
          invalid={!!errors.kind}
        />
      </Field>
      <Field id={`${prefix}-tier`} label={formLabel(STACK_FIELDS.tier)} error={errors.tier}>
        <Select
          id={`${prefix}-tier`}
          options={STACK_TIERS}
          value={values.tier}
          onChange={(e) => set("tier", e.target.value as typeof values.tier)}
          invalid={!!errors.tier}
        />
      </Field>
      <Field id={`${prefix}-count`} label={formLabel(STACK_FIELDS.instanceCount)} error={errors.instanceCount}>
        <NumberInput
          id={`${prefix}-count`}
          value={values.instanceCount}
          onValueChange={(v) => set("instanceCount", v)}
          invalid={!!errors.instanceCount}
        />
      </Field>
      <Field
        id={`${prefix}-size`}
        label={formLabel(STACK_FIELDS.instanceSize)}
        hint="like m7g.large"
        error={errors.instanceSize}
      >
        <Input
          id={`${prefix}-size`}
          value={values.instanceSize}
          onChange={(e) => set("instanceSize", e.target.value)}
          invalid={!!errors.instanceSize}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-4">
        <Button type="submit" variant="primary" size="sm" disabled={create.isPending}>
          Add component
        </Button>
        <Button size="sm" onClick={onDone}>
          Cancel
        </Button>
        <FormAlert error={create.error} fieldErrors={errors} fields={ADD_FIELDS} />
      </div>
    </form>
  );
}

export function StackEditForm({ component, onDone }: { component: StackComponent; onDone: () => void }) {
  const trpc = useTRPC();
  const refreshModel = useRefreshModel();
  const form = useForm(ZStackEdit, {
    tier: component.tier,
    instanceCount: component.instanceCount,
    instanceSize: component.instanceSize,
  });
  const update = useMutation(
    trpc.topology.updateStackComponent.mutationOptions({
      onSuccess: async () => {
        await refreshModel();
        onDone();
      },
      onError: form.showServerError,
    }),
  );
  const { values, errors, set } = form;
  const prefix = component.id;

  return (
    <form
      className="grid gap-3 sm:grid-cols-3"
      onSubmit={(e) => {
        e.preventDefault();
        const input = form.validate();
        if (input) update.mutate({ id: component.id, ...input });
      }}
    >
      <Field id={`${prefix}-tier`} label={`${label(component.kind)} tier`} error={errors.tier}>
        <Select
          id={`${prefix}-tier`}
          options={STACK_TIERS}
          value={values.tier}
          onChange={(e) => set("tier", e.target.value as typeof values.tier)}
          invalid={!!errors.tier}
        />
      </Field>
      <Field id={`${prefix}-count`} label={formLabel(STACK_FIELDS.instanceCount)} error={errors.instanceCount}>
        <NumberInput
          id={`${prefix}-count`}
          value={values.instanceCount}
          onValueChange={(v) => set("instanceCount", v)}
          invalid={!!errors.instanceCount}
        />
      </Field>
      <Field id={`${prefix}-size`} label={formLabel(STACK_FIELDS.instanceSize)} error={errors.instanceSize}>
        <Input
          id={`${prefix}-size`}
          value={values.instanceSize}
          onChange={(e) => set("instanceSize", e.target.value)}
          invalid={!!errors.instanceSize}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-3">
        <Button type="submit" variant="primary" size="sm" disabled={update.isPending}>
          Save
        </Button>
        <Button size="sm" onClick={onDone}>
          Cancel
        </Button>
        <FormAlert error={update.error} fieldErrors={errors} fields={ADD_FIELDS} />
      </div>
    </form>
  );
}
