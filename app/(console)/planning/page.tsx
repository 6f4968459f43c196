import type { Metadata } from "next";

import { CatalogLink } from "@/components/planning/catalog-link";
import { DrModelsTable } from "@/components/planning/dr-models-table";
import { DeploymentPicker } from "@/components/ui/deployment-picker";
import { PageHeader } from "@/components/ui/layout";

export const metadata: Metadata = { title: "Planning" };

// Pick a deployment to plan; the DR models table says what each model buys and should cost.
export default function PlanningPage() {
  return (
    <>
      <PageHeader
        title="Planning"
        description="What a deployment costs each month, what a change of DR model, regions, tiers or replication would cost, and whether the DR plan is ready. Pick a deployment."
        actions={<CatalogLink />}
      />
      <div className="space-y-6">
        <DeploymentPicker basePath="/planning" what="plan" />
        <DrModelsTable />
      </div>
    </>
  );
}
