"use client";

// Saving the scenario (operators): as a new scenario, or over the saved one it was opened from.
// The same zod contract as the server checks it first; the server's field errors land in the same place.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";

import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { errorMessage, fieldErrorsOf } from "@/components/ui/error-text";
import { Field, Input } from "@/components/ui/field";
import type { TScenarioChange } from "@/lib/cost";
import { formLabel } from "@/lib/fields";
import { ZScenarioInput, type ScenarioRow } from "@/lib/planning/contracts";
import { SCENARIO_FIELDS } from "@/lib/planning/words";

type TErrors = { name?: string; changes?: string; form?: string };

/** Server field errors come keyed by path ("changes.0.drModel"): fold them onto the two fields shown. */
function errorsFrom(fieldErrors: Record<string, string>, fallback: string): TErrors {
  const errors: TErrors = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    if (path === "name") errors.name = message;
    else if (path.startsWith("changes")) errors.changes ??= message;
    else errors.form ??= message;
  }
  return errors.name || errors.changes || errors.form ? errors : { form: fallback };
}

export function SaveScenario({
  deploymentId,
  slug,
  name,
  onName,
  changes,
  savedScenario,
  onSaved,
}: {
  deploymentId: string;
  slug: string;
  name: string;
  onName: (name: string) => void;
  changes: readonly TScenarioChange[];
  /** The saved scenario the editor holds, if any: it can be updated in place. */
  savedScenario: { id: string; name: string } | null;
  onSaved: (row: Pick<ScenarioRow, "id" | "name">) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<TErrors>({});
  const [notice, setNotice] = useState<string | null>(null);

  async function afterSave(row: Pick<ScenarioRow, "id" | "name">, words: string) {
    setErrors({});
    setNotice(words);
    onSaved(row);
    await Promise.all([
      queryClient.invalidateQueries(trpc.planning.scenarios.pathFilter()),
      queryClient.invalidateQueries(trpc.planning.scenario.pathFilter()),
    ]);
  }
  const onError = (error: unknown) => {
    setNotice(null);
    setErrors(errorsFrom(fieldErrorsOf(error), errorMessage(error)));
  };
  const create = useMutation(
    trpc.planning.createScenario.mutationOptions({
      onSuccess: (row) => afterSave(row, `Saved “${row.name}”.`),
      onError,
    }),
  );
  const update = useMutation(
    trpc.planning.updateScenario.mutationOptions({
      onSuccess: (row) => afterSave({ id: row.id, name: row.name }, `Updated “${row.name}”.`),
      onError,
    }),
  );

  function checked() {
    const parsed = ZScenarioInput.safeParse({ deploymentId, name, changes });
    if (parsed.success) return parsed.data;
    setNotice(null);
    setErrors(
      errorsFrom(
        Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message])),
        "the scenario is not valid",
      ),
    );
    return null;
  }

  const busy = create.isPending || update.isPending;
  return (
    <form
      aria-label="Save the scenario"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const input = checked();
        if (input) create.mutate(input);
      }}
    >
      <Field id="scenario-name" label={formLabel(SCENARIO_FIELDS.name)} error={errors.name}>
        <Input
          id="scenario-name"
          value={name}
          maxLength={80}
          placeholder="Warm standby, EU only"
          invalid={!!errors.name}
          onChange={(e) => {
            onName(e.target.value);
            setErrors(({ name: _cleared, ...rest }) => rest);
          }}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" disabled={busy}>
          Save scenario
        </Button>
        {savedScenario ? (
          <Button
            disabled={busy}
            onClick={() => {
              const input = checked();
              if (input) update.mutate({ id: savedScenario.id, name: input.name, changes: input.changes });
            }}
          >
            Update “{savedScenario.name}”
          </Button>
        ) : null}
      </div>
      {errors.changes ? (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {errors.changes}
        </p>
      ) : null}
      {errors.form ? (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {errors.form}
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {notice}
        </p>
      ) : null}
      {savedScenario ? (
        <p className="text-xs text-slate-500">
          Shareable link:{" "}
          <Link
            href={`/planning/${slug}?scenario=${savedScenario.id}`}
            className="text-sky-700 hover:underline dark:text-sky-400"
          >
            /planning/{slug}?scenario={savedScenario.id}
          </Link>
        </p>
      ) : null}
    </form>
  );
}
