"use client";

// Approval policies of one deployment, per runbook: who must approve, how many, how long an
// approval lasts, which steps wait for their own approval, and how much lag may move before an
// approval lapses. Admins edit them in place; everyone else reads them.
import Link from "next/link";

import { DeploymentPicker } from "@/components/ui/deployment-picker";
import { PageHeader } from "@/components/ui/layout";
import { WithDeployment } from "@/components/ui/with-deployment";

import { PolicyTable } from "./policy-table";

const DESCRIPTION =
  "What each runbook needs before it runs and before its gated steps. A runbook without its own policy uses the default.";

export function PoliciesPage({ slug }: { slug?: string }) {
  const back = (
    <Link href="/operations" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
      ← Operations
    </Link>
  );
  if (!slug) {
    return (
      <>
        <PageHeader title="Approval policies" description={`${DESCRIPTION} Pick a deployment.`} actions={back} />
        {/* The picker links to /operations/policies/<slug>, which redirects here with ?deployment=<slug>. */}
        <DeploymentPicker basePath="/operations/policies" what="approval policies" />
      </>
    );
  }
  return (
    <WithDeployment slug={slug} backHref="/operations/policies">
      {(deployment) => (
        <>
          <PageHeader
            title={`Approval policies: ${deployment.name}`}
            description={DESCRIPTION}
            actions={
              <>
                <Link href="/operations/policies" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
                  Change deployment
                </Link>
                {back}
              </>
            }
          />
          <PolicyTable deploymentId={deployment.id} />
        </>
      )}
    </WithDeployment>
  );
}
