"use client";

// The policy of each runbook on one deployment; an admin opens one row at a time for editing.
import { useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";

import { useCan } from "@/components/shell/actor-context";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/layout";
import { ErrorLine, Loading } from "@/components/ui/query-state";
import { Table, Td, Th } from "@/components/ui/table";
import { formatSeconds } from "@/lib/format";
import { roleLabel } from "@/lib/identity/words";
import { type TRunbook } from "@/lib/operations/contracts";
import { RUNBOOK_LABELS, STEP_KIND_LABELS } from "@/lib/operations/words";

import { PolicyEditForm } from "./policy-edit-form";

export function PolicyTable({ deploymentId }: { deploymentId: string }) {
  const trpc = useTRPC();
  const isAdmin = useCan("approvals.setPolicy");
  const [editing, setEditing] = useState<TRunbook | null>(null);
  const policies = useQuery(trpc.operations.policies.queryOptions({ deploymentId }));
  if (policies.isPending) return <Loading what="approval policies" />;
  if (policies.isError) return <ErrorLine error={policies.error} />;
  const columns = isAdmin ? 8 : 7;
  return (
    <Card>
      <Table caption="Approval policies">
        <thead>
          <tr>
            <Th>Runbook</Th>
            <Th className="text-right">Approvals</Th>
            <Th>Approver role</Th>
            <Th className="text-right">Expires after</Th>
            <Th>Gated steps</Th>
            <Th className="text-right">Lag tolerance</Th>
            <Th>Policy</Th>
            {isAdmin ? (
              <Th>
                <span className="sr-only">Edit</span>
              </Th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {policies.data.map((row) => (
            <Fragment key={row.runbook}>
              <tr data-testid={`policy-${row.runbook}`}>
                <Td className="font-medium">{RUNBOOK_LABELS[row.runbook]}</Td>
                <Td className="text-right tabular-nums">{row.approvalsRequired}</Td>
                <Td>{roleLabel(row.approverRole)}</Td>
                <Td className="text-right">{formatSeconds(row.expiresAfterSeconds)}</Td>
                <Td className="text-xs">
                  {row.gatedSteps.length === 0
                    ? "none"
                    : row.gatedSteps.map((kind) => STEP_KIND_LABELS[kind]).join(", ")}
                </Td>
                <Td className="text-right">{formatSeconds(row.lagToleranceSeconds)}</Td>
                <Td>{row.isDefault ? <Badge>Default</Badge> : <Badge tone="info">Custom</Badge>}</Td>
                {isAdmin ? (
                  <Td className="text-right">
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Edit the ${RUNBOOK_LABELS[row.runbook].toLowerCase()} policy`}
                      onClick={() => setEditing(editing === row.runbook ? null : row.runbook)}
                    >
                      Edit
                    </Button>
                  </Td>
                ) : null}
              </tr>
              {isAdmin && editing === row.runbook ? (
                <tr>
                  <Td colSpan={columns} className="bg-slate-50 dark:bg-slate-950/40">
                    <PolicyEditForm deploymentId={deploymentId} row={row} onDone={() => setEditing(null)} />
                  </Td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
