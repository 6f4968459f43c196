"use client";

// Breaking a simulated deployment (or the lab's real servers and links) on purpose: operators inject a fault (what, where, how hard, for
// how long) and clear it; everyone sees which faults are active (from the live snapshot).
import { useMutation } from "@tanstack/react-query";
import { memo, useState } from "react";
import { z } from "zod";

import { useCan } from "@/components/shell/actor-context";
import type { DeploymentModelData } from "@/components/topology/model-types";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { errorMessage, fieldErrorsOf } from "@/components/ui/error-text";
import { Field, Select } from "@/components/ui/field";
import { Badge, Card } from "@/components/ui/layout";
import { NumberInput } from "@/components/ui/number-input";
import { formLabel } from "@/lib/fields";
import { formatDateTime } from "@/lib/format";
import { FAULT_TARGET, faultKindsFor, ZInjectFault, type LiveFault, type TFaultKind } from "@/lib/telemetry/contracts";
import { FAULT_FIELDS, FAULT_LABELS, faultKindLabel, FAULTS_NOT_HERE, OUTAGE_MODES } from "@/lib/telemetry/words";

import { faultsOf } from "./snapshot-parts";
import { useSnapshotPart } from "./use-live-snapshot";

/** The one parameter each kind takes, with the driver's limits, so a wrong value is caught before sending. */
const PARAMETERS: Partial<
  Record<TFaultKind, { name: string; label: string; hint: string; initial: number; step: string; check: z.ZodNumber }>
> = {
  ADDED_LATENCY: {
    name: "addedLatencyMs",
    label: "Added latency (ms)",
    hint: "1 to 600000 ms",
    initial: 200,
    step: "1",
    check: z
      .number({ error: "addedLatencyMs must be a number" })
      .min(1, "addedLatencyMs must be between 1 and 600000")
      .max(600_000, "addedLatencyMs must be between 1 and 600000"),
  },
  LAG_SPIKE: {
    name: "applyRateFactor",
    label: "Apply rate factor",
    hint: "0 (replay stops) up to, not including, 1",
    initial: 0,
    step: "0.05",
    check: z
      .number({ error: "applyRateFactor must be a number" })
      .min(0, "applyRateFactor must be at least 0 and below 1")
      .lt(1, "applyRateFactor must be at least 0 and below 1"),
  },
  WRITE_SURGE: {
    name: "multiplier",
    label: "Write multiplier",
    hint: "1 to 100 times the usual write rate",
    initial: 5,
    step: "0.5",
    check: z
      .number({ error: "multiplier must be a number" })
      .min(1, "multiplier must be between 1 and 100")
      .max(100, "multiplier must be between 1 and 100"),
  },
};

/** ZInjectFault plus what the kind asks of the target and the parameter. */
const ZFaultForm = ZInjectFault.superRefine((input, ctx) => {
  const wants = FAULT_TARGET[input.kind];
  const { regionId, linkId, clusterId } = input.target;
  const ok =
    wants === "region"
      ? !!regionId
      : wants === "link"
        ? !!linkId
        : wants === "cluster"
          ? !!clusterId
          : !!regionId !== !!linkId;
  if (!ok)
    ctx.addIssue({
      code: "custom",
      path: ["target"],
      message: `choose ${wants === "regionOrLink" ? "a region or a link" : `a ${wants}`} as the target`,
    });
  const parameter = PARAMETERS[input.kind];
  if (parameter) {
    const checked = parameter.check.safeParse(input.params[parameter.name]);
    if (!checked.success)
      ctx.addIssue({
        code: "custom",
        path: ["params"],
        message: checked.error.issues[0]?.message ?? "check the parameter",
      });
  }
});

type TargetOption = { value: string; label: string };

function targetOptions(deployment: DeploymentModelData, kind: TFaultKind): TargetOption[] {
  const wants = FAULT_TARGET[kind];
  const regions = [...deployment.regions]
    .sort((a, b) => a.region.code.localeCompare(b.region.code))
    .map((placement) => ({
      value: `region:${placement.regionId}`,
      label: `${wants === "regionOrLink" ? "Region " : ""}${placement.region.code} · ${placement.region.displayName}`,
    }));
  const links = deployment.clusters.flatMap((cluster) => {
    const nameOf = (id: string) => cluster.replicas.find((replica) => replica.id === id)?.name ?? "?";
    return cluster.links.map((link) => ({
      value: `link:${link.id}`,
      label: `${wants === "regionOrLink" ? "Link " : ""}${nameOf(link.sourceReplicaId)} → ${nameOf(link.targetReplicaId)}`,
    }));
  });
  const clusters = deployment.clusters.map((cluster) => ({ value: `cluster:${cluster.id}`, label: cluster.name }));
  const options =
    wants === "region" ? regions : wants === "link" ? links : wants === "cluster" ? clusters : [...regions, ...links];
  return [
    { value: "", label: options.length ? "Choose a target…" : "Nothing to target in this deployment" },
    ...options,
  ];
}

function targetOf(choice: string) {
  const [kind, ...rest] = choice.split(":");
  const id = rest.join(":");
  if (!id) return {};
  return kind === "region"
    ? { regionId: id }
    : kind === "link"
      ? { linkId: id }
      : kind === "cluster"
        ? { clusterId: id }
        : {};
}

export function FaultPanel({ deployment }: { deployment: DeploymentModelData }) {
  const canEdit = useCan("faults.inject");
  // The active faults come with the live snapshot: a fault injected or cleared shows at the next
  // observation. Only they are read, so a tick that leaves them as they were renders nothing here.
  const { part, isPending } = useSnapshotPart(deployment.id, faultsOf);
  const faults = part ?? [];

  return (
    <Card title="Faults">
      <div className="space-y-4">
        {faultKindsFor(deployment.driverKind).length === 0 ? (
          <p className="text-xs text-slate-500">{FAULTS_NOT_HERE}</p>
        ) : canEdit ? (
          <InjectFaultForm deployment={deployment} />
        ) : (
          <p className="text-xs text-slate-500">Operators inject and clear faults.</p>
        )}
        <section className="space-y-2" aria-labelledby="active-faults">
          <h3 id="active-faults" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            Active faults
          </h3>
          {isPending ? (
            <p className="text-sm text-slate-500">Loading…</p>
          ) : faults.length === 0 ? (
            <p className="text-sm text-slate-500">None: the deployment runs as modelled.</p>
          ) : (
            <ul className="space-y-2" data-testid="active-faults">
              {faults.map((fault) => (
                <ActiveFault key={fault.id} fault={fault} canClear={canEdit} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </Card>
  );
}

function ActiveFault({ fault, canClear }: { fault: LiveFault; canClear: boolean }) {
  const trpc = useTRPC();
  // Cleared: it leaves the list with the next snapshot; until then it cannot be cleared twice.
  const clear = useMutation(trpc.telemetry.clearFault.mutationOptions());
  const kindLabel = faultKindLabel(fault.kind);
  return (
    <li className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-800 dark:bg-amber-950/50">
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <Badge tone="warn">{kindLabel}</Badge>
          <p className="mt-1 break-words">{fault.summary}</p>
          <p className="text-xs text-slate-500">since {formatDateTime(fault.startedAt)}</p>
        </div>
        {canClear ? (
          <Button
            size="sm"
            aria-label={`Clear ${kindLabel}: ${fault.summary}`}
            disabled={clear.isPending || clear.isSuccess}
            onClick={() => clear.mutate({ faultId: fault.id })}
          >
            Clear
          </Button>
        ) : null}
      </div>
      {clear.error ? (
        <p role="alert" className="mt-1 text-xs text-rose-600 dark:text-rose-400">
          {errorMessage(clear.error)}
        </p>
      ) : null}
    </li>
  );
}

// Memoised: the panel renders again on every snapshot (its active faults), the form need not (a
// select of every region and link: a few milliseconds a tick at 500 nodes).
const InjectFaultForm = memo(function InjectFaultForm({ deployment }: { deployment: DeploymentModelData }) {
  const trpc = useTRPC();
  const [kind, setKind] = useState<TFaultKind>(faultKindsFor(deployment.driverKind)[0] ?? "REGION_OUTAGE");
  const [target, setTarget] = useState("");
  const [parameter, setParameter] = useState(Number.NaN);
  const [durationSeconds, setDurationSeconds] = useState(Number.NaN);
  // The lab stops real servers: kill -9 (an unplanned outage) or a clean shutdown.
  const [clean, setClean] = useState(0);
  const asksHow = kind === "REGION_OUTAGE" && deployment.driverKind === "lab";
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [injected, setInjected] = useState<string | null>(null);

  const inject = useMutation(
    trpc.telemetry.injectFault.mutationOptions({
      // The fault joins the active list with the next live snapshot.
      onSuccess: (fault) => setInjected(`Injected: ${fault.summary}`),
      onError: (error) => {
        const fields = fieldErrorsOf(error);
        const targetError = Object.entries(fields).find(([key]) => key.startsWith("target"))?.[1];
        setErrors({
          ...(targetError ? { target: targetError } : {}),
          ...(fields.params ? { params: fields.params } : {}),
          ...(fields.durationSeconds ? { durationSeconds: fields.durationSeconds } : {}),
        });
      },
    }),
  );

  const spec = PARAMETERS[kind];
  const options = targetOptions(deployment, kind);
  const clearError = (field: string) => setErrors(({ [field]: _cleared, ...rest }) => rest);

  function chooseKind(next: TFaultKind) {
    setKind(next);
    // Keep the target when the new kind takes the same sort of thing.
    if (!targetOptions(deployment, next).some((option) => option.value === target)) setTarget("");
    setParameter(PARAMETERS[next]?.initial ?? Number.NaN);
    setErrors({});
  }

  function submit() {
    setInjected(null);
    const input = {
      deploymentId: deployment.id,
      kind,
      target: targetOf(target),
      params: spec ? { [spec.name]: parameter } : asksHow ? { clean } : {},
      ...(Number.isNaN(durationSeconds) ? {} : { durationSeconds }),
    };
    const parsed = ZFaultForm.safeParse(input);
    if (!parsed.success) {
      setErrors(
        Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0] ?? "form"), issue.message])),
      );
      return;
    }
    setErrors({});
    inject.mutate(parsed.data);
  }

  const fieldShown = ["kind", "target", "params", "durationSeconds"].some((field) => errors[field]);

  return (
    <form
      className="space-y-3"
      aria-label="Inject fault"
      // The schema says what is wrong, in words; the browser's own checks would only block the submit.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field id="fault-kind" label={formLabel(FAULT_FIELDS.kind)} error={errors.kind}>
        <Select
          id="fault-kind"
          value={kind}
          options={faultKindsFor(deployment.driverKind).map((value) => ({ value, label: FAULT_LABELS[value] }))}
          onChange={(e) => chooseKind(e.target.value as TFaultKind)}
          invalid={!!errors.kind}
        />
      </Field>
      <Field id="fault-target" label={formLabel(FAULT_FIELDS.target)} error={errors.target}>
        <Select
          id="fault-target"
          value={target}
          options={options}
          onChange={(e) => {
            setTarget(e.target.value);
            clearError("target");
          }}
          invalid={!!errors.target}
        />
      </Field>
      {asksHow ? (
        <Field
          id="fault-outage-mode"
          label={formLabel(FAULT_FIELDS.outageMode)}
          hint="cleared by starting the servers again"
        >
          <Select
            id="fault-outage-mode"
            value={String(clean)}
            options={OUTAGE_MODES.map((mode) => ({ value: String(mode.clean), label: mode.label }))}
            onChange={(e) => setClean(Number(e.target.value))}
          />
        </Field>
      ) : null}
      {spec ? (
        <Field id={`fault-${spec.name}`} label={spec.label} hint={spec.hint} error={errors.params}>
          <NumberInput
            id={`fault-${spec.name}`}
            step={spec.step}
            value={parameter}
            onValueChange={(value) => {
              setParameter(value);
              clearError("params");
            }}
            invalid={!!errors.params}
          />
        </Field>
      ) : null}
      <Field
        id="fault-duration"
        label={formLabel(FAULT_FIELDS.durationSeconds)}
        hint="optional; empty: until someone clears it"
        error={errors.durationSeconds}
      >
        <NumberInput
          id="fault-duration"
          min={1}
          max={86_400}
          value={durationSeconds}
          onValueChange={(value) => {
            setDurationSeconds(value);
            clearError("durationSeconds");
          }}
          invalid={!!errors.durationSeconds}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="danger" disabled={inject.isPending}>
          Inject fault
        </Button>
        {injected ? (
          <p role="status" className="text-xs text-emerald-700 dark:text-emerald-400">
            {injected}
          </p>
        ) : null}
      </div>
      {errors.form ? (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {errors.form}
        </p>
      ) : null}
      {inject.error && !fieldShown ? (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {errorMessage(inject.error)}
        </p>
      ) : null}
    </form>
  );
});
