"use client";

// Where a `postgres` deployment's servers are: one form per replica (host, port, database, user,
// password, TLS mode). The password is typed in and never shown again ("a password is set"; type a
// new one to replace it). "Test connection" signs in with what the form holds and runs `select 1`.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { useCan } from "@/components/shell/actor-context";
import type { Cluster, DeploymentModelData, Replica } from "@/components/topology/model-types";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Badge, Card } from "@/components/ui/layout";
import { useForm } from "@/components/ui/use-form";
import {
  TLS_MODES,
  ZConnectionInput,
  type TConnectionTestResult,
  type TConnectionView,
} from "@/lib/connections/contracts";
import { CONNECTION_FIELDS as F, TLS_MODE_LABELS } from "@/lib/connections/words";
import { formLabel } from "@/lib/fields";

const FIELDS = ["host", "port", "database", "user", "password", "sslMode"] as const;

function ConnectionForm({
  deploymentId,
  replica,
  view,
  canEdit,
}: {
  deploymentId: string;
  replica: Replica;
  view: TConnectionView | undefined;
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<TConnectionTestResult | null>(null);
  const form = useForm(ZConnectionInput, {
    replicaId: replica.id,
    host: view?.host ?? "",
    port: view?.port ?? 5432,
    database: view?.database ?? "postgres",
    user: view?.user ?? "postgres",
    password: "",
    sslMode: view?.sslMode ?? "require",
  });
  const save = useMutation(
    trpc.connections.save.mutationOptions({
      onSuccess: async () => {
        form.set("password", "");
        await queryClient.invalidateQueries(trpc.connections.list.queryFilter({ deploymentId }));
      },
      onError: form.showServerError,
    }),
  );
  const test = useMutation(
    trpc.connections.test.mutationOptions({ onSuccess: setResult, onError: form.showServerError }),
  );
  const { values, errors, set } = form;
  const id = (field: string) => `conn-${replica.id}-${field}`;
  const text = (field: "host" | "database" | "user", placeholder?: string) => (
    <Field id={id(field)} label={formLabel(F[field])} error={errors[field]}>
      <Input
        id={id(field)}
        value={values[field]}
        placeholder={placeholder}
        disabled={!canEdit}
        invalid={!!errors[field]}
        onChange={(e) => set(field, e.target.value)}
      />
    </Field>
  );
  return (
    <form
      aria-label={`Connection of ${replica.name}`}
      className="grid gap-3 border-t border-slate-200 pt-3 first:border-t-0 first:pt-0 sm:grid-cols-2 lg:grid-cols-6 dark:border-slate-800"
      onSubmit={form.handleSubmit((input) => {
        setResult(null);
        save.mutate(input);
      })}
    >
      <div className="flex items-center gap-2 lg:col-span-6">
        <span className="font-medium">{replica.name}</span>
        {view ? <Badge tone="good">details saved</Badge> : <Badge tone="warn">no details yet</Badge>}
      </div>
      {text("host", "db.example.com")}
      <Field id={id("port")} label={formLabel(F.port)} error={errors.port}>
        <Input
          id={id("port")}
          type="number"
          value={Number.isNaN(values.port) ? "" : values.port}
          disabled={!canEdit}
          invalid={!!errors.port}
          onChange={(e) => set("port", e.target.valueAsNumber)}
        />
      </Field>
      {text("database")}
      {text("user")}
      <Field
        id={id("password")}
        label={formLabel(F.password)}
        hint={view?.passwordSet ? "A password is set; it is never shown. Type a new one to replace it." : undefined}
        error={errors.password}
      >
        <Input
          id={id("password")}
          type="password"
          autoComplete="new-password"
          placeholder={view?.passwordSet ? "password set" : ""}
          value={values.password}
          disabled={!canEdit}
          invalid={!!errors.password}
          onChange={(e) => set("password", e.target.value)}
        />
      </Field>
      <Field id={id("sslMode")} label={formLabel(F.sslMode)} error={errors.sslMode}>
        <Select
          id={id("sslMode")}
          options={TLS_MODES.map((value) => ({ value, label: TLS_MODE_LABELS[value] }))}
          value={values.sslMode}
          disabled={!canEdit}
          onChange={(e) => set("sslMode", e.target.value as typeof values.sslMode)}
        />
      </Field>
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-2 lg:col-span-6">
          <Button type="submit" variant="primary" size="sm" disabled={save.isPending}>
            Save connection
          </Button>
          <Button
            size="sm"
            disabled={test.isPending}
            onClick={() => {
              setResult(null);
              const parsed = form.validate();
              if (parsed) test.mutate(parsed);
            }}
          >
            {test.isPending ? "Testing…" : "Test connection"}
          </Button>
          {result ? (
            <p
              role="status"
              data-testid={`connection-test-${replica.name}`}
              className={result.ok ? "text-sm text-emerald-700 dark:text-emerald-400" : "text-sm text-rose-600"}
            >
              {result.sentence}
            </p>
          ) : null}
          <FormAlert error={save.error ?? test.error} fieldErrors={errors} fields={FIELDS} />
        </div>
      ) : null}
    </form>
  );
}

function ClusterConnections({
  deploymentId,
  cluster,
  views,
  canEdit,
}: {
  deploymentId: string;
  cluster: Cluster;
  views: TConnectionView[];
  canEdit: boolean;
}) {
  if (cluster.replicas.length === 0) return null;
  return (
    <div className="space-y-3">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{cluster.name}</h3>
      {cluster.replicas.map((replica) => {
        const view = views.find((v) => v.replicaId === replica.id);
        return (
          <ConnectionForm
            key={`${replica.id}-${view?.updatedAt ?? "new"}`}
            deploymentId={deploymentId}
            replica={replica}
            view={view}
            canEdit={canEdit}
          />
        );
      })}
    </div>
  );
}

export function ConnectionsSection({ deployment }: { deployment: DeploymentModelData }) {
  const trpc = useTRPC();
  const canEdit = useCan("topology.edit");
  const enabled = deployment.driverKind === "postgres";
  const list = useQuery(trpc.connections.list.queryOptions({ deploymentId: deployment.id }, { enabled }));
  if (!enabled) return null;
  return (
    <Card title="Connections">
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        This deployment is observed on PostgreSQL servers you run. Meridian connects to each replica&apos;s server with
        these details; passwords are stored encrypted and never shown again.
      </p>
      {list.data ? (
        <div className="space-y-5">
          {deployment.clusters.length === 0 ? (
            <p className="text-sm text-slate-500">Add a database cluster and its replicas first.</p>
          ) : null}
          {deployment.clusters.map((cluster) => (
            <ClusterConnections
              key={cluster.id}
              deploymentId={deployment.id}
              cluster={cluster}
              views={list.data}
              canEdit={canEdit}
            />
          ))}
        </div>
      ) : null}
    </Card>
  );
}
