"use client";

// Deciding an approval: the approver types their password again (an open console is not enough to
// approve a promotion) and may comment. The decision carries the hash of the context shown above,
// so the server refuses it if the figures have changed since.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { fieldErrorsOf } from "@/components/ui/error-text";
import { Field, Input } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { ZDecideInput, type TGateView } from "@/lib/operations/contracts";

type TDecision = "APPROVE" | "REJECT";

export function DecideForm({ gate }: { gate: Pick<TGateView, "id" | "contextHash"> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState("");
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const decide = useMutation(
    trpc.operations.decide.mutationOptions({
      onSuccess: async (_gate, input) => {
        setPassword("");
        setComment("");
        setDone(input.decision === "APPROVE" ? "You approved this." : "You rejected this.");
        await Promise.all([
          queryClient.invalidateQueries(trpc.operations.get.pathFilter()),
          queryClient.invalidateQueries(trpc.operations.inbox.pathFilter()),
          queryClient.invalidateQueries(trpc.operations.waiting.pathFilter()),
          queryClient.invalidateQueries(trpc.operations.list.pathFilter()),
        ]);
      },
      onError: (error) => setErrors(fieldErrorsOf(error)),
    }),
  );

  function send(decision: TDecision) {
    decide.reset();
    setDone(null);
    const parsed = ZDecideInput.safeParse({
      gateId: gate.id,
      decision,
      password,
      contextHash: gate.contextHash,
      comment,
    });
    if (!parsed.success)
      return setErrors(
        Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0] ?? "form"), issue.message])),
      );
    setErrors({});
    decide.mutate(parsed.data);
  }

  const id = (field: string) => `decide-${gate.id}-${field}`;
  return (
    // Two fields and no submit button: Enter never sends a decision by accident.
    <form aria-label="Decide this approval" className="space-y-3" onSubmit={(e) => e.preventDefault()}>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={id("password")} label="Your password" error={errors.password}>
          <Input
            id={id("password")}
            type="password"
            autoComplete="current-password"
            value={password}
            invalid={!!errors.password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <Field id={id("comment")} label="Comment" error={errors.comment}>
          <Input
            id={id("comment")}
            value={comment}
            maxLength={500}
            invalid={!!errors.comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="primary" disabled={decide.isPending} onClick={() => send("APPROVE")}>
          Approve
        </Button>
        <Button variant="danger" disabled={decide.isPending} onClick={() => send("REJECT")}>
          Reject
        </Button>
        {done ? (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            {done}
          </p>
        ) : null}
      </div>
      <FormAlert error={decide.error} fieldErrors={errors} fields={["password", "comment"]} />
      {!decide.error && (errors.gateId || errors.contextHash || errors.decision) ? (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {errors.gateId ?? errors.contextHash ?? errors.decision}
        </p>
      ) : null}
    </form>
  );
}
