"use client";

// Global routing in front of the deployment: its traffic policies and their rules.
import { useState } from "react";

import { useCan } from "@/components/shell/actor-context";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/layout";

import type { DeploymentModelData } from "./model-types";
import { PolicyCard } from "./policy-card";
import { PolicyForm } from "./policy-form";

export function RoutingSection({ deployment }: { deployment: DeploymentModelData }) {
  const canEdit = useCan("topology.edit");
  const [adding, setAdding] = useState(false);
  const regions = deployment.regions.map((placement) => placement.region);

  return (
    <Card
      title="Routing"
      actions={
        canEdit && !adding ? (
          <Button size="sm" variant="primary" onClick={() => setAdding(true)}>
            New policy
          </Button>
        ) : null
      }
    >
      <div className="space-y-4">
        {adding ? <PolicyForm deploymentId={deployment.id} onDone={() => setAdding(false)} /> : null}
        {deployment.policies.length === 0 ? (
          <EmptyState title="No routing policies yet">
            A policy says how users reach the regions: DNS or anycast proxy, steering, and the health check that takes a
            region out.
          </EmptyState>
        ) : (
          deployment.policies.map((policy) => (
            <PolicyCard key={policy.id} deploymentName={deployment.name} policy={policy} regions={regions} />
          ))
        )}
      </div>
    </Card>
  );
}
