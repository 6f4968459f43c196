"use client";

// Planning an operation: first the deployment (the shared picker), then the plan workspace for it.
// The choices live in the address (?deployment=&runbook=&cluster=&target=), so a plan can be linked.
import Link from "next/link";

import { DeploymentPicker } from "@/components/ui/deployment-picker";
import { PageHeader } from "@/components/ui/layout";
import { WithDeployment } from "@/components/ui/with-deployment";

import { PlanWorkspace, type TPlanChoice } from "./plan-workspace";

export function NewOperationPage({ initial }: { initial: TPlanChoice & { deployment?: string } }) {
  const back = (
    <Link href="/operations" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
      ← Operations
    </Link>
  );
  if (!initial.deployment) {
    return (
      <>
        <PageHeader
          title="Plan an operation"
          description="Pick the deployment to operate on; the plan shows every step, the estimate and the approvals before anything runs."
          actions={back}
        />
        {/* The picker links to /operations/new/<slug>, which redirects here with ?deployment=<slug>. */}
        <DeploymentPicker basePath="/operations/new" what="operations" />
      </>
    );
  }
  return (
    <WithDeployment slug={initial.deployment} backHref="/operations/new">
      {(deployment) => <PlanWorkspace deployment={deployment} initial={initial} back={back} />}
    </WithDeployment>
  );
}
