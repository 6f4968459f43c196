"use client";

// Changing one's own password (better-auth's change-password): the server ends every other session
// and audits the change; a one-time password from `npm run admin:first` is changed here.
import { useState, type FormEvent } from "react";

import { authClient } from "@/components/identity/auth-client";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ZPassword } from "@/lib/identity/contracts";

export function ChangePasswordForm() {
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const parsed = ZPassword.safeParse(newPassword);
    if (!parsed.success) return setError(`new ${parsed.error.issues[0]!.message}`);
    setPending(true);
    const result = await authClient.changePassword({ currentPassword, newPassword });
    setPending(false);
    if (result.error) {
      setError(
        result.error.status === 400 || result.error.status === 401
          ? "the current password is not correct"
          : (result.error.message ?? "the password could not be changed"),
      );
      return;
    }
    setDone(true);
    setCurrent("");
    setNew("");
  }

  return (
    <div className="max-w-md space-y-4">
      <h1 className="text-xl font-semibold">Change your password</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Your other sessions end when it changes; this one stays signed in.
      </p>
      {done ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          Your password was changed and your other sessions ended.
        </p>
      ) : null}
      <form onSubmit={submit} className="space-y-4">
        <Field id="current-password" label="Current password">
          <Input
            id="current-password"
            type="password"
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </Field>
        <Field id="new-password" label="New password" hint="at least 10 characters" error={error ?? undefined}>
          <Input
            id="new-password"
            type="password"
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(e) => setNew(e.target.value)}
            invalid={!!error}
          />
        </Field>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </Button>
      </form>
    </div>
  );
}
