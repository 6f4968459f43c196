"use client";

// The price catalog every plan is priced from: read-only for most, edited in place by admins (price,
// source, date it holds from). A new price changes every plan, so saving refreshes them too.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";

import { useCan } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/error-text";
import { Field, Input, Select } from "@/components/ui/field";
import { Card, EmptyState } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { PROVIDERS } from "@/lib/cost";
import { formatUsd } from "@/lib/format";
import type { CatalogItemRow } from "@/lib/planning/contracts";
import { label } from "@/lib/topology/words";

import { CatalogRowEditor } from "./catalog-row-editor";

export function PriceCatalog() {
  const trpc = useTRPC();
  const isAdmin = useCan("catalog.edit");
  const catalog = useQuery(trpc.planning.catalog.queryOptions());
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [provider, setProvider] = useState("");
  const [search, setSearch] = useState("");

  function startEditing(id: string) {
    setNotice(null);
    setEditingId(id);
  }

  if (catalog.isPending) return <p className="text-sm text-slate-500">Loading the price catalog…</p>;
  if (catalog.isError)
    return (
      <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
        {errorMessage(catalog.error)}
      </p>
    );

  const needle = search.trim().toLowerCase();
  const items = catalog.data.items.filter(
    (item) =>
      (!provider || item.provider === provider) &&
      (!needle || `${item.item} ${item.unit} ${item.source}`.toLowerCase().includes(needle)),
  );

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Prices as of <span className="font-medium">{catalog.data.effectiveDate}</span>.{" "}
        {isAdmin ? "Edit a price to change every plan priced from it." : "Only admins change prices."}
      </p>
      {notice ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {notice}
        </p>
      ) : null}
      <div className="grid max-w-xl gap-3 sm:grid-cols-2">
        <Field id="catalog-provider" label="Provider">
          <Select
            id="catalog-provider"
            options={[
              { value: "", label: "All providers" },
              ...PROVIDERS.map((value) => ({ value, label: label(value) })),
            ]}
            value={provider}
            onChange={(e) => setProvider(e.target.value)}
          />
        </Field>
        <Field id="catalog-search" label="Find an item">
          <Input
            id="catalog-search"
            type="search"
            value={search}
            placeholder="compute.large, transfer…"
            onChange={(e) => setSearch(e.target.value)}
          />
        </Field>
      </div>
      {items.length === 0 ? (
        <EmptyState title="No prices match">Clear the filters to see the whole catalog.</EmptyState>
      ) : (
        <Card>
          <Table caption="Price catalog">
            <thead>
              <tr>
                <Th>Provider</Th>
                <Th>Item</Th>
                <Th>Unit</Th>
                <Th className="text-right">Price (USD)</Th>
                <Th>Effective date</Th>
                <Th>Source</Th>
                {isAdmin ? (
                  <Th>
                    <span className="sr-only">Edit</span>
                  </Th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items.map((item) =>
                isAdmin && editingId === item.id ? (
                  <CatalogRowEditor
                    key={item.id}
                    item={item}
                    onDone={(saved) => {
                      setEditingId(null);
                      if (saved) setNotice(`Saved ${label(item.provider)} ${item.item}.`);
                    }}
                  />
                ) : (
                  <CatalogRow key={item.id} item={item} onEdit={isAdmin ? () => startEditing(item.id) : undefined} />
                ),
              )}
            </tbody>
          </Table>
        </Card>
      )}
      <p className="text-xs text-slate-500">
        <Link href="/planning" className="text-sky-700 hover:underline dark:text-sky-400">
          ← Planning
        </Link>
      </p>
    </div>
  );
}

function CatalogRow({ item, onEdit }: { item: CatalogItemRow; onEdit?: () => void }) {
  return (
    <tr>
      <Td>{label(item.provider)}</Td>
      <Td className="font-mono text-xs">{item.item}</Td>
      <Td>{item.unit}</Td>
      <Td className="text-right tabular-nums">{formatUsd(item.unitPriceUsd, "unitPrice")}</Td>
      <Td className="tabular-nums">{item.effectiveDate}</Td>
      <Td className="max-w-md text-xs text-slate-600 dark:text-slate-400">{item.source}</Td>
      {onEdit ? (
        <Td className="text-right">
          <Button size="sm" variant="ghost" aria-label={`Edit ${label(item.provider)} ${item.item}`} onClick={onEdit}>
            Edit
          </Button>
        </Td>
      ) : null}
    </tr>
  );
}
