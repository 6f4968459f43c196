"use client";

// Whether the DR plan holds up: each check with its verdict and the reason, worst first.
import { useQuery } from "@tanstack/react-query";

import { useTRPC } from "@/components/trpc/client";
import { errorMessage } from "@/components/ui/error-text";
import { Badge, Card } from "@/components/ui/layout";
import { READINESS_TONE } from "@/components/ui/tones";
import type { ReadinessStatus } from "@/lib/planning/contracts";

const ORDER: Record<ReadinessStatus, number> = { fail: 0, warn: 1, pass: 2 };

export function Readiness({ deploymentId }: { deploymentId: string }) {
  const trpc = useTRPC();
  const readiness = useQuery(trpc.planning.readiness.queryOptions({ deploymentId }));
  const items = [...(readiness.data ?? [])].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  const count = (status: ReadinessStatus) => items.filter((item) => item.status === status).length;
  return (
    <Card
      title="Readiness"
      actions={
        readiness.data ? (
          <span className="text-xs text-slate-500">{`${count("pass")} pass · ${count("warn")} warn · ${count("fail")} fail`}</span>
        ) : null
      }
    >
      {readiness.isPending ? <p className="text-sm text-slate-500">Loading the checklist…</p> : null}
      {readiness.isError ? (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {errorMessage(readiness.error)}
        </p>
      ) : null}
      {readiness.data && items.length === 0 ? (
        <p className="text-sm text-slate-500">No checks apply to this deployment.</p>
      ) : null}
      <ul className="space-y-3">
        {items.map((item) => (
          <li key={item.id} className="flex gap-3">
            <div className="w-12 shrink-0">
              <Badge tone={READINESS_TONE[item.status]}>{item.status}</Badge>
            </div>
            <div>
              <p className="text-sm font-medium">{item.title}</p>
              <p className="text-xs text-slate-600 dark:text-slate-400">{item.reason}</p>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
