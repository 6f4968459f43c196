"use client";

// One user: change their role, disable or enable the account, reset the password.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Fragment, useState } from "react";

import { useActor } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";
import type { RouterOutputs } from "@/components/trpc/types";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/error-text";
import { Field, Select } from "@/components/ui/field";
import { Badge } from "@/components/ui/layout";
import { Td } from "@/components/ui/table";
import { useForm } from "@/components/ui/use-form";
import { ROLES } from "@/lib/enums";
import { formLabel } from "@/lib/fields";
import { formatDateTime } from "@/lib/format";
import { ZUserUpdate } from "@/lib/identity/contracts";
import { roleOptions, USER_FIELDS } from "@/lib/identity/words";

import { PasswordResetForm } from "./password-reset-form";

export type UserSummary = RouterOutputs["identity"]["users"][number];

export function UserRow({ user }: { user: UserSummary }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const isMe = useActor().email === user.email;
  const [resetting, setResetting] = useState(false);
  const toggle = useMutation(
    trpc.identity.updateUser.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.identity.users.pathFilter()),
    }),
  );
  const unlock = useMutation(
    trpc.identity.unlockUser.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.identity.users.pathFilter()),
    }),
  );
  const accountAction = user.disabled ? "Enable" : "Disable";

  return (
    <Fragment>
      <tr>
        <Td className="font-medium">
          {user.email}
          {isMe ? <span className="ml-1 text-xs font-normal text-slate-500">(you)</span> : null}
        </Td>
        <Td>{user.name}</Td>
        <Td>
          <RoleForm user={user} />
        </Td>
        <Td>
          <div className="flex flex-wrap gap-1">
            {user.disabled ? <Badge tone="bad">Disabled</Badge> : <Badge tone="good">Active</Badge>}
            {user.signInLockedUntil ? (
              <Badge tone="bad">Locked until {formatDateTime(user.signInLockedUntil)}</Badge>
            ) : user.signInFailures > 0 ? (
              <Badge tone="warn">
                {user.signInFailures} wrong password{user.signInFailures === 1 ? "" : "s"}
              </Badge>
            ) : null}
          </div>
        </Td>
        <Td className="whitespace-nowrap text-xs text-slate-500">{formatDateTime(user.createdAt)}</Td>
        <Td>
          <div className="flex flex-col items-end gap-1">
            <div className="flex flex-wrap justify-end gap-1">
              <Button
                size="sm"
                variant={user.disabled ? "secondary" : "danger"}
                aria-label={`${accountAction} ${user.email}`}
                disabled={toggle.isPending}
                onClick={() => {
                  // Disabling ends their sessions at once, so it asks; enabling does not need to.
                  if (user.disabled || window.confirm(`Disable ${user.email}? They are signed out now.`)) {
                    toggle.mutate({ id: user.id, disabled: !user.disabled });
                  }
                }}
              >
                {accountAction}
              </Button>
              {user.signInFailures > 0 ? (
                <Button
                  size="sm"
                  aria-label={`Unlock sign-in of ${user.email}`}
                  disabled={unlock.isPending}
                  onClick={() => unlock.mutate({ id: user.id })}
                >
                  Unlock sign-in
                </Button>
              ) : null}
              {!resetting ? (
                <Button size="sm" aria-label={`Reset password of ${user.email}`} onClick={() => setResetting(true)}>
                  Reset password
                </Button>
              ) : null}
            </div>
            {toggle.error || unlock.error ? (
              <p role="alert" className="max-w-xs text-right text-xs text-rose-600 dark:text-rose-400">
                {errorMessage(toggle.error ?? unlock.error)}
              </p>
            ) : null}
          </div>
        </Td>
      </tr>
      {resetting ? (
        <tr>
          <Td colSpan={6}>
            <PasswordResetForm user={user} onDone={() => setResetting(false)} />
          </Td>
        </tr>
      ) : null}
    </Fragment>
  );
}

function RoleForm({ user }: { user: UserSummary }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm(ZUserUpdate, { id: user.id, role: user.role });
  const update = useMutation(
    trpc.identity.updateUser.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.identity.users.pathFilter()),
      onError: form.showServerError,
    }),
  );
  const { values, errors, set } = form;
  const id = `${user.id}-role`;
  const showAlert = update.isError && !errors.role;

  return (
    <form className="flex items-start gap-2" onSubmit={form.handleSubmit(update.mutate)}>
      <div className="w-36">
        <Field id={id} label={formLabel(USER_FIELDS.role)} error={errors.role}>
          <Select
            id={id}
            options={roleOptions(ROLES)}
            value={values.role}
            onChange={(e) => set("role", e.target.value as typeof values.role)}
            invalid={!!errors.role}
          />
        </Field>
        {showAlert ? (
          <p role="alert" className="text-xs text-rose-600 dark:text-rose-400">
            {errorMessage(update.error)}
          </p>
        ) : null}
      </div>
      <Button
        type="submit"
        size="sm"
        className="mt-5"
        aria-label={`Save role of ${user.email}`}
        disabled={update.isPending || values.role === user.role}
      >
        Save
      </Button>
    </form>
  );
}
