"use client";

// Data residency: groups of regions whose data must stay inside the group (GDPR, PDPA). Operators
// add and delete rules; the readiness checklist holds replication and failover targets to them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/error-text";
import { Checkbox, Field, Input } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Card } from "@/components/ui/layout";
import { useForm } from "@/components/ui/use-form";
import type { TRegion } from "@/lib/cost";
import { formLabel } from "@/lib/fields";
import { ZResidencyRuleInput } from "@/lib/planning/contracts";
import { RESIDENCY_FIELDS } from "@/lib/planning/words";

export function ResidencyRules({
  deploymentId,
  regions,
  canEdit,
}: {
  deploymentId: string;
  regions: readonly TRegion[];
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rules = useQuery(trpc.planning.residencyRules.queryOptions({ deploymentId }));
  // Readiness judges against the rules, so both refresh together.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.planning.residencyRules.pathFilter()),
      queryClient.invalidateQueries(trpc.planning.readiness.pathFilter()),
    ]);
  const remove = useMutation(trpc.planning.deleteResidencyRule.mutationOptions({ onSuccess: refresh }));
  const codeOf = (regionId: string) => regions.find((region) => region.id === regionId)?.code ?? regionId;

  return (
    <Card title="Residency rules">
      <div className="space-y-4">
        {rules.isPending ? <p className="text-sm text-slate-500">Loading rules…</p> : null}
        {rules.isError ? (
          <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
            {errorMessage(rules.error)}
          </p>
        ) : null}
        {rules.data && rules.data.length === 0 ? (
          <p className="text-sm text-slate-500">No residency rules: data may replicate to any region.</p>
        ) : null}
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {rules.data?.map((rule) => (
            <li key={rule.id} className="flex items-start gap-3 py-2">
              <div className="flex-1">
                <p className="text-sm font-medium">{rule.name}</p>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  Data stays in {rule.regionIds.map(codeOf).join(", ")}
                </p>
                {remove.isError && remove.variables?.id === rule.id ? (
                  <p role="alert" className="text-xs text-rose-600 dark:text-rose-400">
                    {errorMessage(remove.error)}
                  </p>
                ) : null}
              </div>
              {canEdit ? (
                <Button
                  variant="dangerQuiet"
                  size="sm"
                  aria-label={`Delete residency rule ${rule.name}`}
                  disabled={remove.isPending}
                  onClick={() => {
                    if (window.confirm(`Delete the residency rule “${rule.name}”?`)) remove.mutate({ id: rule.id });
                  }}
                >
                  Delete
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
        {canEdit ? <RuleForm deploymentId={deploymentId} regions={regions} onSaved={refresh} /> : null}
      </div>
    </Card>
  );
}

function RuleForm({
  deploymentId,
  regions,
  onSaved,
}: {
  deploymentId: string;
  regions: readonly TRegion[];
  onSaved: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const form = useForm(ZResidencyRuleInput, { deploymentId, name: "", regionIds: [] });
  const create = useMutation(
    trpc.planning.createResidencyRule.mutationOptions({
      onSuccess: async () => {
        form.reset();
        await onSaved();
      },
      onError: form.showServerError,
    }),
  );
  const { values, errors, set } = form;
  const chosen = new Set(values.regionIds);
  return (
    <form
      aria-label="Add a residency rule"
      className="space-y-3 border-t border-slate-200 pt-4 dark:border-slate-800"
      onSubmit={form.handleSubmit(create.mutate)}
    >
      <Field
        id="residency-name"
        label={formLabel(RESIDENCY_FIELDS.name)}
        hint="like EU data stays in the EU"
        error={errors.name}
      >
        <Input
          id="residency-name"
          value={values.name}
          maxLength={80}
          onChange={(e) => set("name", e.target.value)}
          invalid={!!errors.name}
        />
      </Field>
      <fieldset aria-describedby={errors.regionIds ? "residency-regions-error" : undefined}>
        <legend className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Regions the data must stay in
        </legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {regions.map((region) => (
            <Checkbox
              key={region.id}
              label={region.code}
              checked={chosen.has(region.id)}
              onChange={(e) =>
                set(
                  "regionIds",
                  e.target.checked
                    ? [...values.regionIds, region.id]
                    : values.regionIds.filter((id) => id !== region.id),
                )
              }
            />
          ))}
        </div>
        {errors.regionIds ? (
          <p id="residency-regions-error" role="alert" className="mt-1 text-xs text-rose-600 dark:text-rose-400">
            {errors.regionIds}
          </p>
        ) : null}
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={create.isPending}>
          Add rule
        </Button>
        <FormAlert error={create.error} fieldErrors={errors} fields={["name", "regionIds"]} />
      </div>
    </form>
  );
}
