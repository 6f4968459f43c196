"use client";

// Adding a rule that routes a policy's traffic to one region, and changing its weight and priority.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";

import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { NumberInput } from "@/components/ui/number-input";
import { useForm } from "@/components/ui/use-form";
import { formLabel } from "@/lib/fields";
import { ZRuleInput } from "@/lib/topology/contracts";
import { RULE_FIELDS } from "@/lib/topology/words";

import { listFromText } from "./list-from-text";
import type { CatalogRegion, Policy, Rule } from "./model-types";
import { useRefreshModel } from "./use-refresh-model";

const ZRuleEdit = ZRuleInput.pick({ weight: true, priority: true });
const FIELDS = ["regionId", "weight", "priority", "geoMatch"] as const;

export function RuleAddForm({
  policy,
  regions,
  onDone,
}: {
  policy: Policy;
  regions: CatalogRegion[];
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const refreshModel = useRefreshModel();
  // A new rule goes after the existing ones in failover order.
  const nextPriority = Math.max(0, ...policy.rules.map((rule) => rule.priority + 1));
  const form = useForm(ZRuleInput, {
    policyId: policy.id,
    regionId: "",
    weight: 100,
    priority: Math.min(nextPriority, 1000),
    geoMatch: [],
  });
  const [geoText, setGeoText] = useState("");
  const create = useMutation(
    trpc.topology.createRule.mutationOptions({
      onSuccess: async () => {
        await refreshModel();
        onDone();
      },
      onError: form.showServerError,
    }),
  );
  const routed = new Set(policy.rules.map((rule) => rule.regionId));
  const regionOptions = [
    { value: "", label: "Choose a region…" },
    ...regions
      .filter((region) => !routed.has(region.id))
      .map((region) => ({ value: region.id, label: `${region.code} · ${region.displayName}` })),
  ];
  const { values, errors, set } = form;
  const prefix = `${policy.id}-rule`;

  return (
    <form className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" onSubmit={form.handleSubmit(create.mutate)}>
      <Field id={`${prefix}-region`} label={formLabel(RULE_FIELDS.region)} error={errors.regionId}>
        <Select
          id={`${prefix}-region`}
          options={regionOptions}
          value={values.regionId}
          onChange={(e) => set("regionId", e.target.value)}
          invalid={!!errors.regionId}
        />
      </Field>
      <Field id={`${prefix}-weight`} label={formLabel(RULE_FIELDS.weight)} hint="0 to 100" error={errors.weight}>
        <NumberInput
          id={`${prefix}-weight`}
          value={values.weight}
          onValueChange={(v) => set("weight", v)}
          invalid={!!errors.weight}
        />
      </Field>
      <Field
        id={`${prefix}-priority`}
        label={formLabel(RULE_FIELDS.priority)}
        hint="lower goes first"
        error={errors.priority}
      >
        <NumberInput
          id={`${prefix}-priority`}
          value={values.priority}
          onValueChange={(v) => set("priority", v)}
          invalid={!!errors.priority}
        />
      </Field>
      <Field
        id={`${prefix}-geo`}
        label={formLabel(RULE_FIELDS.geoMatch)}
        hint="optional; comma-separated, like EU, US-CA"
        error={errors.geoMatch}
      >
        <Input
          id={`${prefix}-geo`}
          value={geoText}
          onChange={(e) => {
            setGeoText(e.target.value);
            set("geoMatch", listFromText(e.target.value));
          }}
          invalid={!!errors.geoMatch}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit" variant="primary" size="sm" disabled={create.isPending}>
          Add rule
        </Button>
        <Button size="sm" onClick={onDone}>
          Cancel
        </Button>
        <FormAlert error={create.error} fieldErrors={errors} fields={FIELDS} />
      </div>
    </form>
  );
}

export function RuleEditForm({ rule, regionCode, onDone }: { rule: Rule; regionCode: string; onDone: () => void }) {
  const trpc = useTRPC();
  const refreshModel = useRefreshModel();
  const form = useForm(ZRuleEdit, { weight: rule.weight, priority: rule.priority });
  const update = useMutation(
    trpc.topology.updateRule.mutationOptions({
      onSuccess: async () => {
        await refreshModel();
        onDone();
      },
      onError: form.showServerError,
    }),
  );
  const { values, errors, set } = form;

  return (
    <form
      className="flex flex-wrap items-start gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        const input = form.validate();
        if (input) update.mutate({ id: rule.id, ...input });
      }}
    >
      <Field id={`${rule.id}-weight`} label={`Weight for ${regionCode}`} error={errors.weight}>
        <NumberInput
          id={`${rule.id}-weight`}
          value={values.weight}
          onValueChange={(v) => set("weight", v)}
          invalid={!!errors.weight}
        />
      </Field>
      <Field id={`${rule.id}-priority`} label={`Priority for ${regionCode}`} error={errors.priority}>
        <NumberInput
          id={`${rule.id}-priority`}
          value={values.priority}
          onValueChange={(v) => set("priority", v)}
          invalid={!!errors.priority}
        />
      </Field>
      <div className="mt-5 flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary" size="sm" disabled={update.isPending}>
          Save
        </Button>
        <Button size="sm" onClick={onDone}>
          Cancel
        </Button>
        <FormAlert error={update.error} fieldErrors={errors} fields={FIELDS} />
      </div>
    </form>
  );
}
