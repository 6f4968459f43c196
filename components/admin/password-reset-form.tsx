"use client";

// Sets a new password for a user; the server ends their sessions, so they sign in again with it.
import { useMutation } from "@tanstack/react-query";

import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/error-text";
import { Field, Input } from "@/components/ui/field";
import { useForm } from "@/components/ui/use-form";
import { ZPasswordReset } from "@/lib/identity/contracts";

import type { UserSummary } from "./user-row";

export function PasswordResetForm({ user, onDone }: { user: UserSummary; onDone: () => void }) {
  const trpc = useTRPC();
  const form = useForm(ZPasswordReset, { id: user.id, password: "" });
  const reset = useMutation(trpc.identity.resetPassword.mutationOptions({ onError: form.showServerError }));
  const { values, errors, set } = form;
  const id = `${user.id}-new-password`;

  if (reset.isSuccess) {
    return (
      <div className="flex items-center gap-3">
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          The password of {user.email} was reset and their sessions ended.
        </p>
        <Button size="sm" onClick={onDone}>
          Close
        </Button>
      </div>
    );
  }

  return (
    <form className="flex flex-wrap items-start gap-3" onSubmit={form.handleSubmit(reset.mutate)}>
      <div className="w-72">
        <Field id={id} label={`New password for ${user.email}`} hint="at least 10 characters" error={errors.password}>
          <Input
            id={id}
            type="password"
            autoComplete="new-password"
            autoFocus
            value={values.password}
            onChange={(e) => set("password", e.target.value)}
            invalid={!!errors.password}
          />
        </Field>
      </div>
      <div className="mt-5 flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary" size="sm" disabled={reset.isPending}>
          Set password
        </Button>
        <Button size="sm" onClick={onDone}>
          Cancel
        </Button>
        {reset.isError && !errors.password ? (
          <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
            {errorMessage(reset.error)}
          </p>
        ) : null}
      </div>
    </form>
  );
}
