"use client";

// The operation's approvals: the one before the run and any before gated steps, each with its
// decisions and, for someone who may decide it, the form to do so.
import { Card } from "@/components/ui/layout";
import type { TOperationDetail } from "@/lib/operations/contracts";

import { GateCard } from "./gate-card";

export function GatesSection({ operation }: { operation: TOperationDetail }) {
  return (
    <Card title="Approvals">
      {operation.gates.length === 0 ? (
        <p className="text-sm text-slate-500">
          This operation needs no approvals{operation.plan.policy.approvalsRequired > 0 ? " yet" : ""}.
        </p>
      ) : (
        <ul className="space-y-4" data-testid="gates">
          {operation.gates.map((gate) => (
            <li key={gate.id}>
              <GateCard gate={gate} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
