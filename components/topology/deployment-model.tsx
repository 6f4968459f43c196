"use client";

// One deployment's model page: its DR plan, regions and stacks, database clusters, routing, and
// (for operators and admins) where its notifications go.
import { ConnectionsSection } from "@/components/connections/connections-section";
import { WebhookSection } from "@/components/notifications/webhook-section";
import { WithDeployment } from "@/components/ui/with-deployment";

import { ClustersSection } from "./clusters-section";
import { DeploymentHeader } from "./deployment-header";
import { RegionsSection } from "./regions-section";
import { RoutingSection } from "./routing-section";

export function DeploymentModel({ slug }: { slug: string }) {
  return (
    <WithDeployment slug={slug} backHref="/topology">
      {(deployment, back) => (
        <div className="space-y-6">
          {back}
          <DeploymentHeader deployment={deployment} />
          <RegionsSection deployment={deployment} />
          <ClustersSection deployment={deployment} />
          <ConnectionsSection deployment={deployment} />
          <RoutingSection deployment={deployment} />
          <WebhookSection deploymentId={deployment.id} />
        </div>
      )}
    </WithDeployment>
  );
}
