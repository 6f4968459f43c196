"use client";

// One catalog row being edited by an admin: price, source and the date it holds from, checked by the
// same contract as the server, whose field errors land beside the same inputs.
import { useMutation, useQueryClient } from "@tanstack/react-query";

import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { NumberInput } from "@/components/ui/number-input";
import { Td } from "@/components/ui/table";
import { useForm } from "@/components/ui/use-form";
import { formLabel } from "@/lib/fields";
import { ZCatalogItemUpdate, type CatalogItemRow } from "@/lib/planning/contracts";
import { PRICE_FIELDS } from "@/lib/planning/words";
import { label } from "@/lib/topology/words";

export function CatalogRowEditor({ item, onDone }: { item: CatalogItemRow; onDone: (saved: boolean) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm(ZCatalogItemUpdate, {
    id: item.id,
    unitPriceUsd: item.unitPriceUsd,
    source: item.source,
    effectiveDate: item.effectiveDate,
  });
  const save = useMutation(
    trpc.planning.updateCatalogItem.mutationOptions({
      onSuccess: async () => {
        // Every plan is priced from the catalog: refresh the plans' inputs along with the catalog.
        await Promise.all([
          queryClient.invalidateQueries(trpc.planning.catalog.pathFilter()),
          queryClient.invalidateQueries(trpc.planning.input.pathFilter()),
        ]);
        onDone(true);
      },
      onError: form.showServerError,
    }),
  );
  const { values, errors, set } = form;
  const name = `${label(item.provider)} ${item.item}`;
  const formId = `catalog-edit-${item.id}`;

  return (
    <tr className="bg-sky-50/60 dark:bg-sky-950/30">
      <Td>{label(item.provider)}</Td>
      <Td className="font-mono text-xs">{item.item}</Td>
      <Td>{item.unit}</Td>
      <Td>
        {/* A table row cannot hold a <form>: the inputs join it by the form attribute. */}
        <Field
          id={`${formId}-price`}
          label={`${PRICE_FIELDS.unitPriceUsd.label} (USD per ${item.unit})`}
          error={errors.unitPriceUsd}
        >
          <NumberInput
            id={`${formId}-price`}
            form={formId}
            step="any"
            min={0}
            value={values.unitPriceUsd}
            onValueChange={(value) => set("unitPriceUsd", value)}
            invalid={!!errors.unitPriceUsd}
          />
        </Field>
      </Td>
      <Td>
        <Field id={`${formId}-date`} label={formLabel(PRICE_FIELDS.effectiveDate)} error={errors.effectiveDate}>
          <Input
            id={`${formId}-date`}
            form={formId}
            type="date"
            value={values.effectiveDate ?? ""}
            onChange={(e) => set("effectiveDate", e.target.value || undefined)}
            invalid={!!errors.effectiveDate}
          />
        </Field>
      </Td>
      <Td>
        <Field id={`${formId}-source`} label={formLabel(PRICE_FIELDS.source)} error={errors.source}>
          <Input
            id={`${formId}-source`}
            form={formId}
            value={values.source}
            maxLength={300}
            onChange={(e) => set("source", e.target.value)}
            invalid={!!errors.source}
          />
        </Field>
      </Td>
      <Td className="text-right">
        <form
          id={formId}
          aria-label={`Edit ${name}`}
          className="flex flex-col items-end gap-1"
          onSubmit={form.handleSubmit(save.mutate)}
        >
          <div className="flex gap-1">
            <Button type="submit" size="sm" variant="primary" disabled={save.isPending}>
              Save
            </Button>
            <Button size="sm" onClick={() => onDone(false)}>
              Cancel
            </Button>
          </div>
          <FormAlert error={save.error} fieldErrors={errors} fields={["unitPriceUsd", "source", "effectiveDate"]} />
        </form>
      </Td>
    </tr>
  );
}
