"use client";

// All deployments, with their DR model and targets, and a form to add one.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";

import { useCan } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/error-text";
import { Field, Input, Select } from "@/components/ui/field";
import { Badge, Card, EmptyState } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { useForm } from "@/components/ui/use-form";
import { DR_MODELS } from "@/lib/enums";
import { formLabel } from "@/lib/fields";
import { formatSeconds } from "@/lib/format";
import { CHOOSABLE_DRIVER_KINDS, ZDeploymentCreate } from "@/lib/topology/contracts";
import { DEPLOYMENT_FIELDS, DRIVER_KIND_LABELS, label } from "@/lib/topology/words";

export function DeploymentList() {
  const trpc = useTRPC();
  const canEdit = useCan("topology.edit");
  const [adding, setAdding] = useState(false);
  const deployments = useQuery(trpc.topology.deployments.queryOptions());

  if (deployments.isPending) return <p className="text-sm text-slate-500">Loading deployments…</p>;
  if (deployments.isError)
    return (
      <p role="alert" className="text-sm text-rose-600">
        {errorMessage(deployments.error)}
      </p>
    );

  return (
    <div className="space-y-4">
      {canEdit && !adding ? (
        <Button variant="primary" onClick={() => setAdding(true)}>
          New deployment
        </Button>
      ) : null}
      {adding ? <DeploymentForm onDone={() => setAdding(false)} /> : null}
      {deployments.data.length === 0 ? (
        <EmptyState title="No deployments yet">
          Describe a system: its DR model, its targets, then its regions, databases and routing.
        </EmptyState>
      ) : (
        <Card>
          <Table caption="Deployments">
            <thead>
              <tr>
                <Th>Deployment</Th>
                <Th>DR model</Th>
                <Th className="text-right">RTO target</Th>
                <Th className="text-right">RPO target</Th>
                <Th className="text-right">Availability</Th>
                <Th className="text-right">Regions</Th>
                <Th className="text-right">Clusters</Th>
              </tr>
            </thead>
            <tbody>
              {deployments.data.map((d) => (
                <tr key={d.id}>
                  <Td>
                    <Link
                      href={`/topology/${d.slug}`}
                      className="font-medium text-sky-700 hover:underline dark:text-sky-400"
                    >
                      {d.name}
                    </Link>
                    <div className="text-xs text-slate-500">{d.slug}</div>
                  </Td>
                  <Td>
                    <Badge tone="info">{label(d.drModel)}</Badge>
                  </Td>
                  <Td className="text-right">{formatSeconds(d.rtoTargetSeconds)}</Td>
                  <Td className="text-right">{formatSeconds(d.rpoTargetSeconds)}</Td>
                  <Td className="text-right">{d.availabilityTargetPct}%</Td>
                  <Td className="text-right">{d._count.regions}</Td>
                  <Td className="text-right">{d._count.clusters}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
    </div>
  );
}

function DeploymentForm({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm(ZDeploymentCreate, {
    driverKind: "sim",
    slug: "",
    name: "",
    description: "",
    drModel: "WARM_STANDBY",
    rtoTargetSeconds: 600,
    rpoTargetSeconds: 5,
    availabilityTargetPct: 99.95,
  });
  const create = useMutation(
    trpc.topology.createDeployment.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.topology.deployments.pathFilter());
        onDone();
      },
      onError: form.showServerError,
    }),
  );
  const { values, errors, set } = form;
  return (
    <Card title="New deployment">
      <form className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" onSubmit={form.handleSubmit(create.mutate)}>
        <Field id="dep-name" label={formLabel(DEPLOYMENT_FIELDS.name)} error={errors.name}>
          <Input
            id="dep-name"
            value={values.name}
            onChange={(e) => set("name", e.target.value)}
            invalid={!!errors.name}
          />
        </Field>
        <Field
          id="dep-slug"
          label={formLabel(DEPLOYMENT_FIELDS.slug)}
          hint="used in URLs, like commerce-aws"
          error={errors.slug}
        >
          <Input
            id="dep-slug"
            value={values.slug}
            onChange={(e) => set("slug", e.target.value)}
            invalid={!!errors.slug}
          />
        </Field>
        <Field id="dep-model" label={formLabel(DEPLOYMENT_FIELDS.drModel)} error={errors.drModel}>
          <Select
            id="dep-model"
            options={DR_MODELS}
            value={values.drModel}
            onChange={(e) => set("drModel", e.target.value as typeof values.drModel)}
          />
        </Field>
        <Field
          id="dep-availability"
          label={formLabel(DEPLOYMENT_FIELDS.availabilityTargetPct)}
          error={errors.availabilityTargetPct}
        >
          <Input
            id="dep-availability"
            type="number"
            step="any"
            value={values.availabilityTargetPct}
            onChange={(e) => set("availabilityTargetPct", e.target.valueAsNumber)}
            invalid={!!errors.availabilityTargetPct}
          />
        </Field>
        <Field id="dep-rto" label={formLabel(DEPLOYMENT_FIELDS.rtoTargetSeconds)} error={errors.rtoTargetSeconds}>
          <Input
            id="dep-rto"
            type="number"
            value={values.rtoTargetSeconds}
            onChange={(e) => set("rtoTargetSeconds", e.target.valueAsNumber)}
            invalid={!!errors.rtoTargetSeconds}
          />
        </Field>
        <Field id="dep-rpo" label={formLabel(DEPLOYMENT_FIELDS.rpoTargetSeconds)} error={errors.rpoTargetSeconds}>
          <Input
            id="dep-rpo"
            type="number"
            value={values.rpoTargetSeconds}
            onChange={(e) => set("rpoTargetSeconds", e.target.valueAsNumber)}
            invalid={!!errors.rpoTargetSeconds}
          />
        </Field>
        <Field
          id="dep-driver"
          label={formLabel(DEPLOYMENT_FIELDS.driverKind)}
          hint={
            values.driverKind === "postgres"
              ? "Enter each replica's connection details in its Model tab"
              : "A twin in Meridian's database"
          }
          error={errors.driverKind}
        >
          <Select
            id="dep-driver"
            options={CHOOSABLE_DRIVER_KINDS.map((value) => ({ value, label: DRIVER_KIND_LABELS[value]! }))}
            value={values.driverKind}
            onChange={(e) => set("driverKind", e.target.value as typeof values.driverKind)}
          />
        </Field>
        <div className="sm:col-span-2">
          <Field id="dep-description" label={formLabel(DEPLOYMENT_FIELDS.description)} error={errors.description}>
            <Input
              id="dep-description"
              value={values.description}
              onChange={(e) => set("description", e.target.value)}
            />
          </Field>
        </div>
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
          <Button type="submit" variant="primary" disabled={create.isPending}>
            Create deployment
          </Button>
          <Button onClick={onDone}>Cancel</Button>
          {create.isError && !Object.keys(errors).length ? (
            <p role="alert" className="text-sm text-rose-600">
              {errorMessage(create.error)}
            </p>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
