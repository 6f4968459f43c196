"use client";

// A deployment's notification webhook, for operators and admins: where messages go, a secret the
// receiver checks signatures with (typed in, never shown again), a test, and the recent deliveries
// with each one's attempts and last answer, re-read every 5 s while a delivery is pending.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { useCan } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, Input } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Badge, Card } from "@/components/ui/layout";
import { ErrorLine } from "@/components/ui/query-state";
import { Table, Td, Th } from "@/components/ui/table";
import { DELIVERY_TONE } from "@/components/ui/tones";
import { useForm } from "@/components/ui/use-form";
import { formatDateTime } from "@/lib/format";
import { ZWebhookInput, type TWebhookState } from "@/lib/notifications/contracts";
import { DELIVERY_STATUS_LABELS, NOTIFICATION_EVENT_LABELS } from "@/lib/notifications/words";

const FIELDS = ["url", "secret", "enabled"] as const;

function WebhookForm({ deploymentId, state }: { deploymentId: string; state: TWebhookState }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm(ZWebhookInput, {
    deploymentId,
    url: state.webhook?.url ?? "",
    secret: "",
    enabled: state.webhook?.enabled ?? true,
  });
  const key = trpc.notifications.webhook.queryKey({ deploymentId });
  const onSuccess = (next: TWebhookState) => {
    queryClient.setQueryData(key, next);
    form.set("secret", "");
  };
  const save = useMutation(
    trpc.notifications.saveWebhook.mutationOptions({ onSuccess, onError: form.showServerError }),
  );
  const remove = useMutation(trpc.notifications.removeWebhook.mutationOptions({ onSuccess }));
  const test = useMutation(
    trpc.notifications.testWebhook.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.notifications.webhook.queryFilter({ deploymentId })),
      onError: form.showServerError,
    }),
  );
  const { values, errors, set } = form;
  return (
    <form
      className="grid gap-4 lg:grid-cols-[2fr_1fr_auto]"
      onSubmit={form.handleSubmit((input) => save.mutate(input))}
    >
      <Field
        id="webhook-url"
        label="Webhook URL"
        hint="Slack-compatible JSON is posted here (a Slack incoming webhook works as it is)."
        error={errors.url}
      >
        <Input
          id="webhook-url"
          value={values.url}
          placeholder="https://hooks.slack.com/services/…"
          invalid={!!errors.url}
          onChange={(e) => set("url", e.target.value)}
        />
      </Field>
      <Field
        id="webhook-secret"
        label="Signing secret"
        hint={
          state.webhook
            ? "A secret is set; it is never shown. Type a new one to replace it."
            : "At least 16 characters; the receiver checks X-Meridian-Signature with it."
        }
        error={errors.secret}
      >
        <Input
          id="webhook-secret"
          type="password"
          autoComplete="new-password"
          value={values.secret}
          invalid={!!errors.secret}
          onChange={(e) => set("secret", e.target.value)}
        />
      </Field>
      <div className="flex items-center pt-5">
        <Checkbox label="On" checked={values.enabled} onChange={(e) => set("enabled", e.target.checked)} />
      </div>
      <div className="flex flex-wrap items-center gap-2 lg:col-span-3">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          Save webhook
        </Button>
        {state.webhook ? (
          <>
            <Button disabled={test.isPending || !state.webhook.enabled} onClick={() => test.mutate({ deploymentId })}>
              Send a test message
            </Button>
            <Button variant="dangerQuiet" disabled={remove.isPending} onClick={() => remove.mutate({ deploymentId })}>
              Remove
            </Button>
          </>
        ) : null}
        <FormAlert error={save.error ?? test.error ?? remove.error} fieldErrors={errors} fields={FIELDS} />
      </div>
    </form>
  );
}

function Deliveries({ state }: { state: TWebhookState }) {
  if (state.deliveries.length === 0)
    return (
      <p className="text-sm text-slate-500">No deliveries yet: approvals, outcomes and alerts will appear here.</p>
    );
  return (
    <Table caption="Recent deliveries">
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Event</Th>
          <Th>Message</Th>
          <Th>Status</Th>
          <Th>Attempts</Th>
          <Th>Last answer</Th>
        </tr>
      </thead>
      <tbody>
        {state.deliveries.map((delivery) => (
          <tr key={delivery.id} data-testid={`delivery-${delivery.id}`} data-status={delivery.status}>
            <Td className="whitespace-nowrap">{formatDateTime(delivery.createdAt)}</Td>
            <Td>{NOTIFICATION_EVENT_LABELS[delivery.event]}</Td>
            <Td className="max-w-md truncate" title={delivery.text}>
              {delivery.text}
            </Td>
            <Td>
              <Badge tone={DELIVERY_TONE[delivery.status]}>{DELIVERY_STATUS_LABELS[delivery.status]}</Badge>
            </Td>
            <Td className="tabular-nums">{delivery.attempts}</Td>
            <Td>
              {delivery.lastError ?? (delivery.lastStatusCode ? `${delivery.lastStatusCode}` : "—")}
              {delivery.nextAttemptAt ? ` · next try ${formatDateTime(delivery.nextAttemptAt)}` : ""}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function WebhookSection({ deploymentId }: { deploymentId: string }) {
  const trpc = useTRPC();
  const mayEdit = useCan("notifications.edit");
  const state = useQuery(
    trpc.notifications.webhook.queryOptions(
      { deploymentId },
      {
        enabled: mayEdit,
        refetchInterval: (query) => (query.state.data?.deliveries.some((d) => d.status === "PENDING") ? 5_000 : false),
      },
    ),
  );
  if (!mayEdit) return null;
  return (
    <Card title="Notifications">
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        Approval requests and decisions, operation outcomes, and alerts opened and resolved are posted to this webhook,
        signed with HMAC-SHA256 (<code>X-Meridian-Signature: sha256=…</code> over <code>timestamp.body</code>, with{" "}
        <code>X-Meridian-Timestamp</code>) and retried with backoff; <code>Idempotency-Key</code> stays the same across
        retries.
      </p>
      {state.isError ? <ErrorLine error={state.error} /> : null}
      {state.data ? (
        <div className="space-y-4">
          <WebhookForm key={state.data.webhook?.updatedAt ?? "new"} deploymentId={deploymentId} state={state.data} />
          <Deliveries state={state.data} />
        </div>
      ) : null}
    </Card>
  );
}
