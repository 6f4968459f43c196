"use client";

// A new replica of a cluster, in one of the deployment's regions.
import { useMutation } from "@tanstack/react-query";

import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useForm } from "@/components/ui/use-form";
import { type REPLICA_ROLES } from "@/lib/enums";
import { formLabel } from "@/lib/fields";
import { ZReplicaInput } from "@/lib/topology/contracts";
import { label, REPLICA_FIELDS } from "@/lib/topology/words";

import type { CatalogRegion, Cluster } from "./model-types";
import { useRefreshModel } from "./use-refresh-model";

type Role = (typeof REPLICA_ROLES)[number];
const FIELDS = ["name", "regionId", "role", "endpoint"] as const;

/** The roles a cluster's write topology allows; the server refuses the others anyway. */
function rolesFor(cluster: Cluster): Role[] {
  return cluster.writeTopology === "SINGLE_PRIMARY" ? ["PRIMARY", "READ_REPLICA"] : ["MULTI_MASTER", "READ_REPLICA"];
}

function firstRole(cluster: Cluster): Role {
  if (cluster.writeTopology === "MULTI_PRIMARY") return "MULTI_MASTER";
  return cluster.replicas.some((replica) => replica.role === "PRIMARY") ? "READ_REPLICA" : "PRIMARY";
}

export function ReplicaForm({
  cluster,
  regions,
  onDone,
}: {
  cluster: Cluster;
  regions: CatalogRegion[];
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const refreshModel = useRefreshModel();
  const form = useForm(ZReplicaInput, {
    clusterId: cluster.id,
    regionId: "",
    name: "",
    role: firstRole(cluster),
    endpoint: "",
  });
  const create = useMutation(
    trpc.topology.createReplica.mutationOptions({
      onSuccess: async () => {
        await refreshModel();
        onDone();
      },
      onError: form.showServerError,
    }),
  );
  const { values, errors, set } = form;
  const prefix = `${cluster.id}-replica`;
  const regionOptions = [
    { value: "", label: "Choose a region…" },
    ...regions.map((region) => ({ value: region.id, label: `${region.code} · ${region.displayName}` })),
  ];

  return (
    <form
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
      onSubmit={(e) => {
        e.preventDefault();
        const input = form.validate();
        // The API parses again: "no endpoint" goes as undefined there, not as the parsed null.
        if (input) create.mutate({ ...input, endpoint: input.endpoint ?? undefined });
      }}
    >
      <Field id={`${prefix}-name`} label={formLabel(REPLICA_FIELDS.name)} hint="like orders-use1" error={errors.name}>
        <Input
          id={`${prefix}-name`}
          value={values.name}
          onChange={(e) => set("name", e.target.value)}
          invalid={!!errors.name}
        />
      </Field>
      <Field id={`${prefix}-region`} label={formLabel(REPLICA_FIELDS.region)} error={errors.regionId}>
        <Select
          id={`${prefix}-region`}
          options={regionOptions}
          value={values.regionId}
          onChange={(e) => set("regionId", e.target.value)}
          invalid={!!errors.regionId}
        />
      </Field>
      <Field id={`${prefix}-role`} label={formLabel(REPLICA_FIELDS.role)} error={errors.role}>
        <Select
          id={`${prefix}-role`}
          options={rolesFor(cluster).map((role) => ({ value: role, label: label(role) }))}
          value={values.role}
          onChange={(e) => set("role", e.target.value as Role)}
          invalid={!!errors.role}
        />
      </Field>
      <Field
        id={`${prefix}-endpoint`}
        label={formLabel(REPLICA_FIELDS.endpoint)}
        hint="optional; host or host:port"
        error={errors.endpoint}
      >
        <Input
          id={`${prefix}-endpoint`}
          value={values.endpoint ?? ""}
          onChange={(e) => set("endpoint", e.target.value)}
          invalid={!!errors.endpoint}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit" variant="primary" size="sm" disabled={create.isPending}>
          Add replica
        </Button>
        <Button size="sm" onClick={onDone}>
          Cancel
        </Button>
        <FormAlert error={create.error} fieldErrors={errors} fields={FIELDS} />
      </div>
    </form>
  );
}
