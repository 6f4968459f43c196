"use client";

// Every operation, running ones first (they need eyes), then the newest. Refetched every 2 s so a
// run's status moves without a reload.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { replicaWords } from "@/components/operations/step-view";
import { useTRPC } from "@/components/trpc/client";
import { Card, EmptyState } from "@/components/ui/layout";
import { ErrorLine, Loading } from "@/components/ui/query-state";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { isActive, type TOperationSummary } from "@/lib/operations/contracts";
import { RUNBOOK_LABELS } from "@/lib/operations/words";

import { StatusBadge } from "./status-badge";

function activeFirst(rows: readonly TOperationSummary[]): TOperationSummary[] {
  return [...rows].sort(
    (a, b) => Number(isActive(b.status)) - Number(isActive(a.status)) || b.createdAt.localeCompare(a.createdAt),
  );
}

export function OperationsTable() {
  const trpc = useTRPC();
  const list = useQuery(trpc.operations.list.queryOptions({ limit: 100 }, { refetchInterval: 2_000 }));
  if (list.isPending) return <Loading what="operations" />;
  if (list.isError) return <ErrorLine error={list.error} />;
  if (list.data.length === 0) {
    return (
      <EmptyState title="No operations yet">
        Plan a switchover, failback, failover or drill; it appears here with its status and report.
      </EmptyState>
    );
  }
  return (
    <Card>
      <Table caption="Operations">
        <thead>
          <tr>
            <Th>Operation</Th>
            <Th>Deployment</Th>
            <Th>Cluster</Th>
            <Th>Source → target</Th>
            <Th>Status</Th>
            <Th>Requested by</Th>
            <Th>Created</Th>
            <Th>Finished</Th>
          </tr>
        </thead>
        <tbody>
          {activeFirst(list.data).map((operation) => (
            <tr key={operation.id} data-testid={`operation-row-${operation.id}`}>
              <Td>
                <Link
                  href={`/operations/${operation.id}`}
                  className="font-medium text-sky-700 hover:underline dark:text-sky-400"
                >
                  {RUNBOOK_LABELS[operation.runbook]}
                </Link>
              </Td>
              <Td>{operation.deploymentName}</Td>
              <Td>{operation.clusterName}</Td>
              <Td className="whitespace-nowrap">
                {replicaWords(operation.source)} → {replicaWords(operation.target)}
              </Td>
              <Td>
                <StatusBadge status={operation.status} />
              </Td>
              <Td>{operation.requestedBy}</Td>
              <Td className="whitespace-nowrap text-xs">{formatDateTime(operation.createdAt)}</Td>
              <Td className="whitespace-nowrap text-xs">
                {operation.finishedAt ? formatDateTime(operation.finishedAt) : "—"}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
