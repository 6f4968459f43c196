"use client";

// One operation: its header and controls, the approvals, the steps as they run, the live graph of
// the deployment, the report once it is done, and the plan the approvers saw. Re-read every second
// while it is active; a finished operation does not change, so polling stops.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { useTRPC } from "@/components/trpc/client";
import { ErrorLine, Loading } from "@/components/ui/query-state";
import { isActive } from "@/lib/operations/contracts";

import { GatesSection } from "./gates-section";
import { LiveTopology } from "./live-topology";
import { OperationControls } from "./operation-controls";
import { OperationHeader } from "./operation-header";
import { PlanDetails } from "./plan-details";
import { ReportSection } from "./report-section";
import { StepTimeline } from "./step-timeline";

export function OperationPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const detail = useQuery(
    trpc.operations.get.queryOptions(
      { operationId: id },
      {
        refetchInterval: (query) => {
          const data = query.state.data;
          if (!data) return query.state.status === "error" ? false : 1000;
          return isActive(data.status) ? 1000 : false;
        },
      },
    ),
  );

  const back = (
    <Link href="/operations" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
      ← Operations
    </Link>
  );
  if (detail.isPending) return <Loading what="the operation" />;
  if (detail.isError) {
    return (
      <div className="space-y-2">
        <ErrorLine error={detail.error} />
        {back}
      </div>
    );
  }

  const operation = detail.data;
  return (
    <div className="space-y-6">
      {back}
      <OperationHeader operation={operation} />
      <OperationControls operation={operation} />
      {operation.report ? (
        <ReportSection report={operation.report} operationId={operation.id} plan={operation.plan} />
      ) : null}
      <GatesSection operation={operation} />
      <div className="grid items-start gap-6 xl:grid-cols-2">
        <StepTimeline
          steps={operation.steps}
          replicas={operation.plan.before.replicas}
          links={[...operation.plan.before.links, ...operation.plan.after.links]}
          planned={operation.plan.steps}
        />
        <LiveTopology slug={operation.deploymentSlug} steps={operation.steps} />
      </div>
      <PlanDetails plan={operation.plan} />
    </div>
  );
}
