"use client";

// The regions a deployment runs in, each with its stack, and adding a catalog region to it.
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { useCan } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Card, EmptyState } from "@/components/ui/layout";
import { useForm } from "@/components/ui/use-form";
import { formLabel } from "@/lib/fields";
import { ZDeploymentRegionInput } from "@/lib/topology/contracts";
import { REGION_FIELDS } from "@/lib/topology/words";

import type { DeploymentModelData } from "./model-types";
import { RegionCard } from "./region-card";
import { useRefreshModel } from "./use-refresh-model";

export function RegionsSection({ deployment }: { deployment: DeploymentModelData }) {
  const canEdit = useCan("topology.edit");
  return (
    <Card
      title="Regions"
      actions={
        <Link href="/topology/regions" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
          Region catalog →
        </Link>
      }
    >
      <div className="space-y-4">
        {canEdit ? <AddRegionForm deployment={deployment} /> : null}
        {deployment.regions.length === 0 ? (
          <EmptyState title="No regions yet">
            Add the regions this deployment runs in, then what runs in each.
          </EmptyState>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {deployment.regions.map((placement) => (
              <RegionCard key={placement.regionId} deployment={deployment} placement={placement} />
            ))}
          </div>
        )}
      </div>
    </Card>
  );
}

function AddRegionForm({ deployment }: { deployment: DeploymentModelData }) {
  const trpc = useTRPC();
  const refreshModel = useRefreshModel();
  const catalog = useQuery(trpc.topology.regions.queryOptions());
  const form = useForm(ZDeploymentRegionInput, { deploymentId: deployment.id, regionId: "" });
  const add = useMutation(
    trpc.topology.addRegion.mutationOptions({
      onSuccess: async () => {
        form.reset();
        await refreshModel({ catalog: true });
      },
      onError: form.showServerError,
    }),
  );

  const used = new Set(deployment.regions.map((placement) => placement.regionId));
  const available = (catalog.data ?? []).filter((region) => !used.has(region.id));
  const options = [
    {
      value: "",
      label: catalog.isPending
        ? "Loading regions…"
        : available.length
          ? "Choose a region…"
          : "Every catalog region is in use",
    },
    ...available.map((region) => ({
      value: region.id,
      label: `${region.code} · ${region.displayName} (${region.provider})`,
    })),
  ];
  const { values, errors, set } = form;

  return (
    <form className="flex flex-wrap items-start gap-2" onSubmit={form.handleSubmit(add.mutate)}>
      <div className="w-80">
        <Field id="add-region" label={formLabel(REGION_FIELDS.catalogRegion)} error={errors.regionId}>
          <Select
            id="add-region"
            options={options}
            value={values.regionId}
            onChange={(e) => set("regionId", e.target.value)}
            invalid={!!errors.regionId}
          />
        </Field>
      </div>
      <Button type="submit" variant="primary" className="mt-5" disabled={add.isPending}>
        Add region
      </Button>
      <div className="mt-6">
        <FormAlert error={add.error ?? catalog.error} fieldErrors={errors} fields={["regionId"]} />
      </div>
    </form>
  );
}
