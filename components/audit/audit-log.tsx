"use client";

// The audit trail with filters, newest first, and whether its hash chain verifies.
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";

import { useCan } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/error-text";
import { Checkbox, Field, Input, Select } from "@/components/ui/field";
import { Badge, Card } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { AUDIT_CATEGORIES, type TAuditCategory } from "@/lib/audit/contracts";
import { AUDIT_CATEGORY_LABELS, AUDIT_FIELDS } from "@/lib/audit/words";
import { formLabel } from "@/lib/fields";
import { formatClientAddress, formatDateTime } from "@/lib/format";

const OBJECT_TYPES = ["", "deployment", "region", "stack", "cluster", "replica", "link", "policy", "rule", "user"];

export function AuditLog() {
  const trpc = useTRPC();
  const mayManageUsers = useCan("users.manage");
  const [filters, setFilters] = useState({
    actorEmail: "",
    action: "",
    objectType: "",
    category: "" as TAuditCategory | "",
    from: "",
    to: "",
    hideSignIns: false,
  });
  const [applied, setApplied] = useState(filters);
  const verdict = useQuery(trpc.audit.verify.queryOptions(undefined, { staleTime: 0 }));
  const input = {
    actorEmail: applied.actorEmail || undefined,
    action: applied.action || undefined,
    objectType: applied.objectType || undefined,
    category: applied.category || undefined,
    hideSignIns: applied.hideSignIns,
    // datetime-local values are the browser's local time, as the rows' times are shown.
    from: applied.from ? new Date(applied.from) : undefined,
    to: applied.to ? new Date(applied.to) : undefined,
    limit: 50,
  };
  const records = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );

  return (
    <div className="space-y-4">
      <Card>
        <div className="flex flex-wrap items-center gap-3" data-testid="audit-chain">
          {verdict.isPending ? (
            <span className="text-sm text-slate-500">Verifying the hash chain…</span>
          ) : verdict.isError ? (
            <span role="alert" className="text-sm text-rose-600">
              {errorMessage(verdict.error)}
            </span>
          ) : verdict.data.verified ? (
            <>
              <Badge tone="good">Chain verifies</Badge>
              <span className="text-sm text-slate-600 dark:text-slate-400">
                {verdict.data.recordsChecked} records checked: none edited, inserted or removed.
              </span>
            </>
          ) : (
            <>
              <Badge tone="bad">Chain broken</Badge>
              <span className="text-sm text-rose-700 dark:text-rose-400">
                {verdict.data.reason} (after {verdict.data.recordsChecked} good records)
              </span>
            </>
          )}
          <Button size="sm" className="ml-auto" onClick={() => verdict.refetch()}>
            Verify again
          </Button>
        </div>
      </Card>

      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(filters);
        }}
      >
        <Field id="audit-category" label={formLabel(AUDIT_FIELDS.category)}>
          <Select
            id="audit-category"
            options={[
              { value: "", label: "any" },
              ...AUDIT_CATEGORIES.map((value) => ({ value, label: AUDIT_CATEGORY_LABELS[value] })),
            ]}
            value={filters.category}
            onChange={(e) => setFilters({ ...filters, category: e.target.value as TAuditCategory | "" })}
          />
        </Field>
        <Field id="audit-actor" label={formLabel(AUDIT_FIELDS.actor)}>
          <Input
            id="audit-actor"
            value={filters.actorEmail}
            onChange={(e) => setFilters({ ...filters, actorEmail: e.target.value })}
          />
        </Field>
        <Field id="audit-action" label={formLabel(AUDIT_FIELDS.action)}>
          <Input
            id="audit-action"
            placeholder="region.create, auth."
            value={filters.action}
            onChange={(e) => setFilters({ ...filters, action: e.target.value })}
          />
        </Field>
        <Field id="audit-object" label={formLabel(AUDIT_FIELDS.objectType)}>
          <Select
            id="audit-object"
            options={OBJECT_TYPES.map((t) => ({ value: t, label: t || "any" }))}
            value={filters.objectType}
            onChange={(e) => setFilters({ ...filters, objectType: e.target.value })}
          />
        </Field>
        <Field id="audit-from" label={formLabel(AUDIT_FIELDS.from)}>
          <Input
            id="audit-from"
            type="datetime-local"
            value={filters.from}
            onChange={(e) => setFilters({ ...filters, from: e.target.value })}
          />
        </Field>
        <Field id="audit-to" label={formLabel(AUDIT_FIELDS.to)}>
          <Input
            id="audit-to"
            type="datetime-local"
            value={filters.to}
            onChange={(e) => setFilters({ ...filters, to: e.target.value })}
          />
        </Field>
        <div className="pb-1.5">
          <Checkbox
            label={AUDIT_FIELDS.hideSignIns.label}
            checked={filters.hideSignIns}
            onChange={(e) => setFilters({ ...filters, hideSignIns: e.target.checked })}
          />
        </div>
        <Button type="submit" variant="primary">
          Filter
        </Button>
      </form>

      <Card>
        {records.isPending ? (
          <p className="text-sm text-slate-500">Loading records…</p>
        ) : records.isError ? (
          <p role="alert" className="text-sm text-rose-600">
            {errorMessage(records.error)}
          </p>
        ) : records.data.pages[0]?.records.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="audit-empty">
            {filtered(applied)
              ? "No record matches these filters. Widen the time range or clear a filter."
              : "No records yet."}
          </p>
        ) : (
          <>
            <Table caption="Audit records">
              <thead>
                <tr>
                  <Th>#</Th>
                  <Th>When</Th>
                  <Th>Who</Th>
                  <Th>Action</Th>
                  <Th>What happened</Th>
                  <Th>Object</Th>
                  <Th>Hash</Th>
                </tr>
              </thead>
              <tbody>
                {records.data.pages
                  .flatMap((page) => page.records)
                  .map((record) => (
                    <tr key={record.seq}>
                      <Td className="text-slate-500">{record.seq}</Td>
                      <Td className="whitespace-nowrap">{formatDateTime(record.at)}</Td>
                      <Td>{record.actorEmail}</Td>
                      <Td>
                        <code className="text-xs">{record.action}</code>
                      </Td>
                      <Td>
                        {record.summary}
                        <ClientAddress after={record.after} />
                        {record.before || record.after ? (
                          <AuditDiff before={record.before} after={record.after} />
                        ) : null}
                      </Td>
                      <Td>
                        {record.link && (record.link.href !== "/admin" || mayManageUsers) ? (
                          <Link href={record.link.href} className="text-sky-700 hover:underline dark:text-sky-400">
                            {record.link.label}
                          </Link>
                        ) : (
                          <span className="text-slate-400">—</span>
                        )}
                      </Td>
                      <Td>
                        <code className="text-xs text-slate-500" title={record.hash}>
                          {record.hash.slice(0, 10)}…
                        </code>
                      </Td>
                    </tr>
                  ))}
              </tbody>
            </Table>
            {records.hasNextPage ? (
              <div className="mt-3">
                <Button onClick={() => records.fetchNextPage()} disabled={records.isFetchingNextPage}>
                  Older records
                </Button>
              </div>
            ) : null}
          </>
        )}
      </Card>
    </div>
  );
}

function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  return (
    <details className="mt-1 text-xs">
      <summary className="cursor-pointer text-slate-500">before / after</summary>
      <div className="mt-1 grid gap-2 md:grid-cols-2">
        <pre className="overflow-x-auto rounded bg-slate-100 p-2 dark:bg-slate-800">
          {before ? JSON.stringify(before, null, 2) : "—"}
        </pre>
        <pre className="overflow-x-auto rounded bg-slate-100 p-2 dark:bg-slate-800">
          {after ? JSON.stringify(after, null, 2) : "—"}
        </pre>
      </div>
    </details>
  );
}

const filtered = (applied: Record<string, string | boolean>) => Object.values(applied).some(Boolean);

/** A sign-in's recorded address, as the client's own (an IPv4 address that arrived as IPv6 reads as itself). */
function ClientAddress({ after }: { after: unknown }) {
  const address = (after as { ipAddress?: unknown } | null)?.ipAddress;
  if (typeof address !== "string" && address !== null) return null;
  if (address === undefined) return null;
  return <span className="ml-2 text-xs text-slate-500">from {formatClientAddress(address)}</span>;
}
