"use client";

// Editing one runbook's approval policy (admins). Checked by the same zod contract as the server;
// the server's field errors land beside their field.
import { useMutation, useQueryClient } from "@tanstack/react-query";

import { useTRPC } from "@/components/trpc/client";
import type { RouterOutputs } from "@/components/trpc/types";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, Select } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { NumberInput } from "@/components/ui/number-input";
import { useForm } from "@/components/ui/use-form";
import { formLabel } from "@/lib/fields";
import { APPROVER_ROLES } from "@/lib/identity/permissions";
import { roleOptions } from "@/lib/identity/words";
import { STEP_KINDS, ZApprovalPolicyInput } from "@/lib/operations/contracts";
import { APPROVAL_POLICY_FIELDS, RUNBOOK_LABELS, STEP_KIND_LABELS } from "@/lib/operations/words";

/** Viewers only watch: the server refuses them as approvers, so the form does not offer them. */

export type TPolicyRow = RouterOutputs["operations"]["policies"][number];

const FIELDS = [
  "approvalsRequired",
  "approverRole",
  "expiresAfterSeconds",
  "gatedSteps",
  "lagToleranceSeconds",
] as const;

export function PolicyEditForm({
  deploymentId,
  row,
  onDone,
}: {
  deploymentId: string;
  row: TPolicyRow;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm(ZApprovalPolicyInput, {
    deploymentId,
    runbook: row.runbook,
    approvalsRequired: row.approvalsRequired,
    approverRole: row.approverRole,
    expiresAfterSeconds: row.expiresAfterSeconds,
    gatedSteps: row.gatedSteps,
    lagToleranceSeconds: row.lagToleranceSeconds,
  });
  const save = useMutation(
    trpc.operations.setPolicy.mutationOptions({
      onSuccess: async () => {
        // Plans quote the policy, so they are stale too.
        await Promise.all([
          queryClient.invalidateQueries(trpc.operations.policies.pathFilter()),
          queryClient.invalidateQueries(trpc.operations.plan.pathFilter()),
        ]);
        onDone();
      },
      onError: form.showServerError,
    }),
  );
  const { values, errors, set } = form;
  const gated = values.gatedSteps ?? [];
  const id = (field: string) => `policy-${row.runbook}-${field}`;

  return (
    <form
      aria-label={`${RUNBOOK_LABELS[row.runbook]} policy`}
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4"
      onSubmit={form.handleSubmit(save.mutate)}
    >
      <Field
        id={id("approvals")}
        label={formLabel(APPROVAL_POLICY_FIELDS.approvalsRequired)}
        error={errors.approvalsRequired}
      >
        <NumberInput
          id={id("approvals")}
          min={0}
          max={10}
          value={values.approvalsRequired}
          onValueChange={(v) => set("approvalsRequired", v)}
          invalid={!!errors.approvalsRequired}
        />
      </Field>
      <Field id={id("role")} label={formLabel(APPROVAL_POLICY_FIELDS.approverRole)} error={errors.approverRole}>
        <Select
          id={id("role")}
          options={roleOptions(APPROVER_ROLES)}
          value={values.approverRole}
          onChange={(e) => set("approverRole", e.target.value as typeof values.approverRole)}
          invalid={!!errors.approverRole}
        />
      </Field>
      <Field
        id={id("expires")}
        label={formLabel(APPROVAL_POLICY_FIELDS.expiresAfterSeconds)}
        error={errors.expiresAfterSeconds}
      >
        <NumberInput
          id={id("expires")}
          min={60}
          value={values.expiresAfterSeconds}
          onValueChange={(v) => set("expiresAfterSeconds", v)}
          invalid={!!errors.expiresAfterSeconds}
        />
      </Field>
      <Field
        id={id("lag")}
        label={formLabel(APPROVAL_POLICY_FIELDS.lagToleranceSeconds)}
        error={errors.lagToleranceSeconds}
      >
        <NumberInput
          id={id("lag")}
          min={0}
          value={values.lagToleranceSeconds ?? 5}
          onValueChange={(v) => set("lagToleranceSeconds", v)}
          invalid={!!errors.lagToleranceSeconds}
        />
      </Field>
      <fieldset className="sm:col-span-2 lg:col-span-4">
        <legend className="text-xs font-medium text-slate-600 dark:text-slate-400">Gated steps</legend>
        <p className="text-xs text-slate-500">Each ticked step waits for its own approval before it runs.</p>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {STEP_KINDS.map((kind) => (
            <Checkbox
              key={kind}
              label={STEP_KIND_LABELS[kind]}
              checked={gated.includes(kind)}
              onChange={(e) =>
                set("gatedSteps", e.target.checked ? [...gated, kind] : gated.filter((one) => one !== kind))
              }
            />
          ))}
        </div>
        {errors.gatedSteps ? (
          <p role="alert" className="text-xs text-rose-600 dark:text-rose-400">
            {errors.gatedSteps}
          </p>
        ) : null}
      </fieldset>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          Save policy
        </Button>
        <Button onClick={onDone}>Cancel</Button>
        <FormAlert error={save.error} fieldErrors={errors} fields={FIELDS} />
      </div>
    </form>
  );
}
