"use client";

// Scenarios saved for this deployment: open one (its link is shareable), tick some to compare, delete.
// Totals here are as saved, with the prices of that day; the comparison re-prices them with today's.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";

import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/error-text";
import { Badge, Card } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime, formatMultiplier, formatUsd } from "@/lib/format";
import type { ScenarioRow } from "@/lib/planning/contracts";

export function SavedScenarios({
  slug,
  rows,
  loading,
  error,
  compareIds,
  editorId,
  canEdit,
  onToggleCompare,
  onDeleted,
}: {
  slug: string;
  rows: readonly ScenarioRow[];
  loading: boolean;
  error: unknown;
  compareIds: readonly string[];
  /** The saved scenario open in the editor: it is compared already, as the current option. */
  editorId: string | null;
  canEdit: boolean;
  onToggleCompare: (id: string) => void;
  onDeleted: (id: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.planning.deleteScenario.mutationOptions({
      onSuccess: async (_result, { id }) => {
        onDeleted(id);
        await queryClient.invalidateQueries(trpc.planning.scenarios.pathFilter());
      },
    }),
  );

  return (
    <Card title="Saved scenarios">
      {loading ? <p className="text-sm text-slate-500">Loading scenarios…</p> : null}
      {error ? (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {errorMessage(error)}
        </p>
      ) : null}
      {!loading && !error && rows.length === 0 ? (
        <p className="text-sm text-slate-500">No saved scenarios yet.</p>
      ) : null}
      {rows.length > 0 ? (
        <Table caption="Saved scenarios of this deployment">
          <thead>
            <tr>
              <Th>Compare</Th>
              <Th>Scenario</Th>
              <Th className="text-right">Changes</Th>
              <Th className="text-right">Total when saved</Th>
              <Th className="text-right">Multiplier</Th>
              <Th>Saved by</Th>
              {canEdit ? (
                <Th>
                  <span className="sr-only">Delete</span>
                </Th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const inEditor = row.id === editorId;
              return (
                <tr key={row.id}>
                  <Td>
                    <input
                      type="checkbox"
                      className="size-4 rounded border-slate-300 dark:border-slate-700"
                      aria-label={inEditor ? `${row.name} is open in the editor and compared` : `Compare ${row.name}`}
                      checked={inEditor || compareIds.includes(row.id)}
                      disabled={inEditor}
                      onChange={() => onToggleCompare(row.id)}
                    />
                  </Td>
                  <Td>
                    <Link
                      href={`/planning/${slug}?scenario=${row.id}`}
                      className="font-medium text-sky-700 hover:underline dark:text-sky-400"
                    >
                      {row.name}
                    </Link>{" "}
                    {inEditor ? <Badge tone="info">in the editor</Badge> : null}
                  </Td>
                  <Td className="text-right tabular-nums">{row.changes.length}</Td>
                  <Td className="text-right tabular-nums">
                    {formatUsd(row.totalMonthlyUsd)}
                    <div className="text-xs text-slate-500">prices of {row.catalogDate}</div>
                  </Td>
                  <Td className="text-right tabular-nums">{formatMultiplier(row.multiplier)}</Td>
                  <Td>
                    {row.createdByEmail}
                    <div className="text-xs text-slate-500">{formatDateTime(row.updatedAt)}</div>
                  </Td>
                  {canEdit ? (
                    <Td className="text-right">
                      <Button
                        variant="dangerQuiet"
                        size="sm"
                        aria-label={`Delete scenario ${row.name}`}
                        disabled={remove.isPending}
                        onClick={() => {
                          if (window.confirm(`Delete the scenario “${row.name}”? Links to it will stop working.`))
                            remove.mutate({ id: row.id });
                        }}
                      >
                        Delete
                      </Button>
                      {remove.isError && remove.variables?.id === row.id ? (
                        <p role="alert" className="text-xs text-rose-600 dark:text-rose-400">
                          {errorMessage(remove.error)}
                        </p>
                      ) : null}
                    </Td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </Table>
      ) : null}
    </Card>
  );
}
