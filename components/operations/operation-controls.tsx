"use client";

// Pause, resume and abort for operators and admins while the operation is active. Abort asks first
// and says what it will do: stop after the current step and undo, newest first, the finished steps
// that can be undone; it asks its reason there (required, for the audit log and the requester).
// Pause and resume are one click: they change nothing in the estate.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { useCan } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { fieldErrorsOf } from "@/components/ui/error-text";
import { Field, Input } from "@/components/ui/field";
import { ErrorLine } from "@/components/ui/query-state";
import { isActive, ZAbortInput, type TOperationDetail } from "@/lib/operations/contracts";

export function OperationControls({ operation }: { operation: TOperationDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mayRun = useCan("operations.run");
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [reasonError, setReasonError] = useState<string | undefined>();

  // Each control answers with the operation as it now stands: show it at once, then re-read the list.
  const onSuccess = async (next: TOperationDetail) => {
    queryClient.setQueryData(trpc.operations.get.queryKey({ operationId: operation.id }), next);
    setReason("");
    setReasonError(undefined);
    setConfirming(false);
    await Promise.all([
      queryClient.invalidateQueries(trpc.operations.list.pathFilter()),
      queryClient.invalidateQueries(trpc.operations.waiting.pathFilter()),
    ]);
  };
  const pause = useMutation(trpc.operations.pause.mutationOptions({ onSuccess }));
  const resume = useMutation(trpc.operations.resume.mutationOptions({ onSuccess }));
  const abort = useMutation(
    trpc.operations.abort.mutationOptions({
      onSuccess,
      onError: (error) => setReasonError(fieldErrorsOf(error).reason),
    }),
  );

  if (!mayRun || !isActive(operation.status)) return null;
  const busy = pause.isPending || resume.isPending || abort.isPending;
  const input = { operationId: operation.id };
  const confirmAbort = () => {
    const parsed = ZAbortInput.safeParse({ operationId: operation.id, reason });
    if (!parsed.success)
      return setReasonError(parsed.error.issues.find((issue) => issue.path[0] === "reason")?.message);
    setReasonError(undefined);
    abort.mutate(parsed.data);
  };
  const irreversible = operation.steps
    .filter((step) => step.status === "SUCCEEDED" && step.rollback === "irreversible")
    .map((step) => step.title);

  return (
    <section
      aria-label="Controls"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-end gap-3">
        {operation.status === "RUNNING" ? (
          <Button disabled={busy} onClick={() => pause.mutate(input)}>
            Pause
          </Button>
        ) : null}
        {operation.status === "PAUSED" ? (
          <Button variant="primary" disabled={busy} onClick={() => resume.mutate(input)}>
            Resume
          </Button>
        ) : null}
        {!confirming ? (
          <Button
            variant="danger"
            disabled={busy || operation.abortRequested || operation.status === "ROLLING_BACK"}
            onClick={() => setConfirming(true)}
          >
            {operation.abortRequested ? "Abort requested" : "Abort"}
          </Button>
        ) : null}
      </div>
      {confirming ? (
        <div
          role="group"
          aria-label="Confirm abort"
          className="space-y-2 rounded-md border border-rose-300 bg-rose-50 p-3 text-sm dark:border-rose-800 dark:bg-rose-950/40"
        >
          <p>
            {operation.status === "AWAITING_APPROVAL"
              ? "Nothing has run yet: abort cancels the operation and closes its approvals."
              : "Abort stops the run after the current step, then rolls back the finished steps that can be undone, newest first."}
          </p>
          {irreversible.length > 0 ? (
            <p className="text-rose-800 dark:text-rose-300">
              These steps cannot be undone and stay as they are: {irreversible.join(", ")}.
            </p>
          ) : null}
          <Field id="abort-reason" label="Reason for the abort" error={reasonError}>
            <Input
              id="abort-reason"
              value={reason}
              maxLength={500}
              invalid={!!reasonError}
              onChange={(e) => setReason(e.target.value)}
            />
          </Field>
          <div className="flex gap-2">
            <Button variant="danger" disabled={busy} onClick={confirmAbort}>
              Confirm abort
            </Button>
            <Button
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                setReasonError(undefined);
              }}
            >
              Don’t abort
            </Button>
          </div>
        </div>
      ) : null}
      {pause.error || resume.error || (abort.error && !reasonError) ? (
        <ErrorLine error={pause.error ?? resume.error ?? abort.error} />
      ) : null}
    </section>
  );
}
