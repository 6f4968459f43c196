"use client";

// The deployment's database clusters, each with its replicas and replication links.
import { useState } from "react";

import { useCan } from "@/components/shell/actor-context";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/layout";

import { ClusterCard } from "./cluster-card";
import { ClusterForm } from "./cluster-form";
import type { DeploymentModelData } from "./model-types";

export function ClustersSection({ deployment }: { deployment: DeploymentModelData }) {
  const canEdit = useCan("topology.edit");
  const [adding, setAdding] = useState(false);
  const regions = deployment.regions.map((placement) => placement.region);

  return (
    <Card
      title="Database clusters"
      actions={
        canEdit && !adding ? (
          <Button size="sm" variant="primary" onClick={() => setAdding(true)}>
            New cluster
          </Button>
        ) : null
      }
    >
      <div className="space-y-4">
        {adding ? <ClusterForm deploymentId={deployment.id} onDone={() => setAdding(false)} /> : null}
        {deployment.clusters.length === 0 ? (
          <EmptyState title="No database clusters yet">
            A cluster is one database engine with a replica in each region that holds its data.
          </EmptyState>
        ) : (
          deployment.clusters.map((cluster) => (
            <ClusterCard key={cluster.id} deploymentName={deployment.name} cluster={cluster} regions={regions} />
          ))
        )}
      </div>
    </Card>
  );
}
