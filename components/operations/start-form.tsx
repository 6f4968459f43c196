"use client";

// Requesting the operation: a reason for the log and the approvers (required, here and on the
// server), then a confirmation of what will happen, then the request, which carries the plan's
// hash so the server refuses it if the plan has changed since it was shown. Disabled, with the
// reason said, for viewers and approvers and while a blocking check fails.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { useActor } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { fieldErrorsOf } from "@/components/ui/error-text";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Card } from "@/components/ui/layout";
import type { TRole } from "@/lib/enums";
import { can } from "@/lib/identity/permissions";
import { roleLabel } from "@/lib/identity/words";
import { isRegionRunbook, ZStartInput, type TOperationPlan, type TStartRequest } from "@/lib/operations/contracts";
import { RUNBOOK_LABELS } from "@/lib/operations/words";

import { RequestConfirmation } from "./request-confirmation";
import { TextArea } from "./text-area";

function whyNot(plan: TOperationPlan, role: TRole, current: boolean): string | null {
  if (!can(role, "operations.run"))
    return `Operators and admins request operations; you are signed in as ${roleLabel(role)}.`;
  const blocking = plan.checks.filter((check) => !check.ok && check.blocking);
  if (blocking.length > 0)
    return `This cannot be requested while ${blocking.length === 1 ? "a blocking check fails" : `${blocking.length} blocking checks fail`}: ${blocking.map((check) => check.label).join("; ")}.`;
  if (!current) return "Wait for the plan to update to your choices.";
  return null;
}

export function StartForm({ plan, current }: { plan: TOperationPlan; current: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { role } = useActor();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The parsed request, once the operator has asked for it: shown for confirmation, then sent.
  const [confirming, setConfirming] = useState<TStartRequest | null>(null);
  const start = useMutation(
    trpc.operations.start.mutationOptions({
      onSuccess: async ({ operationId }) => {
        await queryClient.invalidateQueries(trpc.operations.list.pathFilter());
        router.push(`/operations/${operationId}`);
      },
      onError: (error) => {
        setConfirming(null);
        setErrors(fieldErrorsOf(error));
      },
    }),
  );
  const problem = whyNot(plan, role, current);
  // The plan is re-read while the operator reads the confirmation: a changed plan is not what they confirmed.
  const stale = !!confirming && confirming.planHash !== plan.planHash;
  const name = `Request ${RUNBOOK_LABELS[plan.runbook].toLowerCase()}`;

  return (
    <Card title="Request">
      <form
        aria-label="Request the operation"
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = ZStartInput.safeParse({
            deploymentId: plan.deploymentId,
            runbook: plan.runbook,
            clusterId: plan.clusterId,
            targetReplicaId: plan.target.id,
            ...(isRegionRunbook(plan.runbook) ? { sourceReplicaId: plan.source.id } : {}),
            planHash: plan.planHash,
            reason,
          });
          start.reset();
          if (!parsed.success)
            return setErrors(
              Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0] ?? "form"), issue.message])),
            );
          setErrors({});
          setConfirming(parsed.data);
        }}
      >
        <Field
          id="start-reason"
          label="Reason"
          hint="Why now: the approvers read it, and the audit log keeps it."
          error={errors.reason}
        >
          <TextArea
            id="start-reason"
            rows={3}
            maxLength={500}
            value={reason}
            invalid={!!errors.reason}
            disabled={!!confirming}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
        {confirming ? (
          <div
            role="group"
            aria-label="Confirm the request"
            className="space-y-3 rounded-md border border-sky-300 bg-sky-50 p-3 dark:border-sky-800 dark:bg-sky-950/40"
          >
            <p className="text-sm font-medium">This is what the request will do:</p>
            <RequestConfirmation plan={plan} reason={confirming.reason} />
            {stale ? (
              <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
                The plan changed while you read it (above): go back to the plan and request again.
              </p>
            ) : null}
            <div className="flex gap-2">
              <Button
                variant="primary"
                disabled={!!problem || stale || start.isPending || start.isSuccess}
                onClick={() => start.mutate(confirming)}
              >
                Send the request
              </Button>
              <Button disabled={start.isPending || start.isSuccess} onClick={() => setConfirming(null)}>
                Back to the plan
              </Button>
            </div>
          </div>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          {!confirming ? (
            <Button type="submit" variant="primary" disabled={!!problem || start.isPending || start.isSuccess}>
              {name}
            </Button>
          ) : null}
          {problem ? (
            <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="start-blocked">
              {problem}
            </p>
          ) : null}
        </div>
        <FormAlert error={start.error} fieldErrors={errors} fields={["reason"]} />
        {/* A refusal in the browser about something other than the reason (the plan itself): say it. */}
        {!start.error
          ? Object.entries(errors)
              .filter(([field]) => field !== "reason")
              .map(([field, message]) => (
                <p key={field} role="alert" className="text-sm text-rose-600 dark:text-rose-400">
                  {message}
                </p>
              ))
          : null}
      </form>
    </Card>
  );
}
