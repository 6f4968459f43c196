"use client";

// A new traffic policy: the product and layer that route, the steering, and the health check.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";

import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Card } from "@/components/ui/layout";
import { NumberInput } from "@/components/ui/number-input";
import { useForm } from "@/components/ui/use-form";
import { ROUTING_LAYERS, ROUTING_PRODUCTS, STEERINGS } from "@/lib/enums";
import { formLabel } from "@/lib/fields";
import { ZPolicyInput } from "@/lib/topology/contracts";
import { POLICY_FIELDS } from "@/lib/topology/words";

import { listFromText } from "./list-from-text";
import { useRefreshModel } from "./use-refresh-model";

const FIELDS = [
  "name",
  "layer",
  "product",
  "steering",
  "dnsTtlSeconds",
  "healthCheckIntervalSeconds",
  "healthCheckTimeoutSeconds",
  "healthCheckFailureThreshold",
  "healthCheckProbeLocations",
  "healthCheckQuorum",
] as const;

export function PolicyForm({ deploymentId, onDone }: { deploymentId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const refreshModel = useRefreshModel();
  const form = useForm(ZPolicyInput, {
    deploymentId,
    name: "",
    layer: "DNS",
    product: "ROUTE53",
    steering: "LATENCY",
    dnsTtlSeconds: 60,
    healthCheckIntervalSeconds: 30,
    healthCheckTimeoutSeconds: 5,
    healthCheckFailureThreshold: 3,
    healthCheckProbeLocations: [],
    healthCheckQuorum: 1,
  });
  // The text as typed (with its commas and spaces); the form holds the parsed list.
  const [probeText, setProbeText] = useState("");
  const create = useMutation(
    trpc.topology.createPolicy.mutationOptions({
      onSuccess: async () => {
        await refreshModel();
        onDone();
      },
      onError: form.showServerError,
    }),
  );
  const { values, errors, set } = form;

  return (
    <Card title="New policy">
      <form className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" onSubmit={form.handleSubmit(create.mutate)}>
        <Field id="policy-name" label={formLabel(POLICY_FIELDS.name)} error={errors.name}>
          <Input
            id="policy-name"
            value={values.name}
            onChange={(e) => set("name", e.target.value)}
            invalid={!!errors.name}
          />
        </Field>
        <Field id="policy-product" label={formLabel(POLICY_FIELDS.product)} error={errors.product}>
          <Select
            id="policy-product"
            options={ROUTING_PRODUCTS}
            value={values.product}
            onChange={(e) => set("product", e.target.value as typeof values.product)}
            invalid={!!errors.product}
          />
        </Field>
        <Field id="policy-layer" label={formLabel(POLICY_FIELDS.layer)} error={errors.layer}>
          <Select
            id="policy-layer"
            options={ROUTING_LAYERS}
            value={values.layer}
            onChange={(e) => set("layer", e.target.value as typeof values.layer)}
            invalid={!!errors.layer}
          />
        </Field>
        <Field id="policy-steering" label={formLabel(POLICY_FIELDS.steering)} error={errors.steering}>
          <Select
            id="policy-steering"
            options={STEERINGS}
            value={values.steering}
            onChange={(e) => set("steering", e.target.value as typeof values.steering)}
            invalid={!!errors.steering}
          />
        </Field>
        <Field id="policy-ttl" label={formLabel(POLICY_FIELDS.dnsTtlSeconds)} error={errors.dnsTtlSeconds}>
          <NumberInput
            id="policy-ttl"
            value={values.dnsTtlSeconds}
            onValueChange={(v) => set("dnsTtlSeconds", v)}
            invalid={!!errors.dnsTtlSeconds}
          />
        </Field>
        <Field
          id="policy-interval"
          label={formLabel(POLICY_FIELDS.healthCheckIntervalSeconds)}
          error={errors.healthCheckIntervalSeconds}
        >
          <NumberInput
            id="policy-interval"
            value={values.healthCheckIntervalSeconds}
            onValueChange={(v) => set("healthCheckIntervalSeconds", v)}
            invalid={!!errors.healthCheckIntervalSeconds}
          />
        </Field>
        <Field
          id="policy-timeout"
          label={formLabel(POLICY_FIELDS.healthCheckTimeoutSeconds)}
          error={errors.healthCheckTimeoutSeconds}
        >
          <NumberInput
            id="policy-timeout"
            step="any"
            value={values.healthCheckTimeoutSeconds}
            onValueChange={(v) => set("healthCheckTimeoutSeconds", v)}
            invalid={!!errors.healthCheckTimeoutSeconds}
          />
        </Field>
        <Field
          id="policy-failures"
          label={formLabel(POLICY_FIELDS.healthCheckFailureThreshold)}
          error={errors.healthCheckFailureThreshold}
        >
          <NumberInput
            id="policy-failures"
            value={values.healthCheckFailureThreshold}
            onValueChange={(v) => set("healthCheckFailureThreshold", v)}
            invalid={!!errors.healthCheckFailureThreshold}
          />
        </Field>
        <div className="sm:col-span-2 lg:col-span-3">
          <Field
            id="policy-probes"
            label={formLabel(POLICY_FIELDS.healthCheckProbeLocations)}
            hint="comma-separated, like us-east, eu-west, ap-south"
            error={errors.healthCheckProbeLocations}
          >
            <Input
              id="policy-probes"
              value={probeText}
              onChange={(e) => {
                setProbeText(e.target.value);
                set("healthCheckProbeLocations", listFromText(e.target.value));
              }}
              invalid={!!errors.healthCheckProbeLocations}
            />
          </Field>
        </div>
        <Field
          id="policy-quorum"
          label={formLabel(POLICY_FIELDS.healthCheckQuorum)}
          hint="probe locations that must agree"
          error={errors.healthCheckQuorum}
        >
          <NumberInput
            id="policy-quorum"
            value={values.healthCheckQuorum}
            onValueChange={(v) => set("healthCheckQuorum", v)}
            invalid={!!errors.healthCheckQuorum}
          />
        </Field>
        <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-4">
          <Button type="submit" variant="primary" disabled={create.isPending}>
            Create policy
          </Button>
          <Button onClick={onDone}>Cancel</Button>
          <FormAlert error={create.error} fieldErrors={errors} fields={FIELDS} />
        </div>
      </form>
    </Card>
  );
}
