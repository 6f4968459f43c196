"use client";

// A new user with a first password; they sign in with it straight away.
import { useMutation, useQueryClient } from "@tanstack/react-query";

import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/error-text";
import { Field, Input, Select } from "@/components/ui/field";
import { Card } from "@/components/ui/layout";
import { useForm } from "@/components/ui/use-form";
import { ROLES } from "@/lib/enums";
import { formLabel } from "@/lib/fields";
import { ZUserCreate } from "@/lib/identity/contracts";
import { roleOptions, USER_FIELDS } from "@/lib/identity/words";

const FIELDS = ["email", "name", "role", "password"];

export function UserForm({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm(ZUserCreate, { email: "", name: "", role: "VIEWER", password: "" });
  const create = useMutation(
    trpc.identity.createUser.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.identity.users.pathFilter());
        onDone();
      },
      onError: form.showServerError,
    }),
  );
  const { values, errors, set } = form;
  const showAlert = create.isError && !FIELDS.some((field) => errors[field]);

  return (
    <Card title="New user">
      <form className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" onSubmit={form.handleSubmit(create.mutate)}>
        <Field id="user-email" label={formLabel(USER_FIELDS.email)} error={errors.email}>
          <Input
            id="user-email"
            type="email"
            autoComplete="off"
            value={values.email}
            onChange={(e) => set("email", e.target.value)}
            invalid={!!errors.email}
          />
        </Field>
        <Field id="user-name" label={formLabel(USER_FIELDS.name)} error={errors.name}>
          <Input
            id="user-name"
            value={values.name}
            onChange={(e) => set("name", e.target.value)}
            invalid={!!errors.name}
          />
        </Field>
        <Field id="user-role" label={formLabel(USER_FIELDS.role)} error={errors.role}>
          <Select
            id="user-role"
            options={roleOptions(ROLES)}
            value={values.role}
            onChange={(e) => set("role", e.target.value as typeof values.role)}
            invalid={!!errors.role}
          />
        </Field>
        <Field
          id="user-password"
          label={formLabel(USER_FIELDS.password)}
          hint="their first password, at least 10 characters"
          error={errors.password}
        >
          <Input
            id="user-password"
            type="password"
            autoComplete="new-password"
            value={values.password}
            onChange={(e) => set("password", e.target.value)}
            invalid={!!errors.password}
          />
        </Field>
        <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-4">
          <Button type="submit" variant="primary" disabled={create.isPending}>
            Create user
          </Button>
          <Button onClick={onDone}>Cancel</Button>
          {showAlert ? (
            <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
              {errorMessage(create.error)}
            </p>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
