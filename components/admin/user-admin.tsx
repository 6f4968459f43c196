"use client";

// User management for admins: the users, their roles and accounts, and adding one.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { useCan } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/error-text";
import { Card, EmptyState, PageHeader } from "@/components/ui/layout";
import { Table, Th } from "@/components/ui/table";

import { UserForm } from "./user-form";
import { UserRow } from "./user-row";

export function UserAdmin() {
  // The nav hides this page from others and the server refuses them; this says why it is empty.
  if (!useCan("users.manage")) {
    return (
      <EmptyState title="Only admins manage users">
        Ask an admin to add a user, change a role or reset a password.
      </EmptyState>
    );
  }
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in to Meridian and what each may do: viewers read, operators edit the model, approvers approve, admins manage users."
      />
      <UserList />
    </>
  );
}

function UserList() {
  const trpc = useTRPC();
  const [adding, setAdding] = useState(false);
  const users = useQuery(trpc.identity.users.queryOptions());

  if (users.isPending) return <p className="text-sm text-slate-500">Loading users…</p>;
  if (users.isError)
    return (
      <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
        {errorMessage(users.error)}
      </p>
    );

  return (
    <div className="space-y-4">
      {!adding ? (
        <Button variant="primary" onClick={() => setAdding(true)}>
          New user
        </Button>
      ) : null}
      {adding ? <UserForm onDone={() => setAdding(false)} /> : null}
      <Card>
        <Table caption="Users">
          <thead>
            <tr>
              <Th>Email</Th>
              <Th>Name</Th>
              <Th>Role</Th>
              <Th>Account</Th>
              <Th>Created</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => (
              <UserRow key={user.id} user={user} />
            ))}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}
