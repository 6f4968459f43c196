"use client";

// What to plan: the runbook (with what it does), the cluster when there is more than one, and the
// replica to promote from the plan's candidates; for an active-active runbook, the region to drain
// or return (by its replica) and the region that takes its traffic.
import { replicaWords } from "@/components/operations/step-view";
import { Field, Select } from "@/components/ui/field";
import { Card } from "@/components/ui/layout";
import { isRegionRunbook, RUNBOOKS, type TOperationPlan, type TRunbook } from "@/lib/operations/contracts";
import { RUNBOOK_DESCRIPTIONS, RUNBOOK_LABELS } from "@/lib/operations/words";

export function PlanControls({
  runbook,
  onRunbook,
  clusters,
  clusterId,
  onCluster,
  plan,
  targetId,
  onTarget,
  regions,
  regionId,
  onRegion,
}: {
  runbook: TRunbook;
  onRunbook: (runbook: TRunbook) => void;
  clusters: { id: string; name: string }[];
  clusterId: string | undefined;
  onCluster: (clusterId: string) => void;
  plan: TOperationPlan | undefined;
  targetId: string | undefined;
  onTarget: (replicaId: string) => void;
  /** Active-active runbooks: the cluster's replicas, one per region. */
  regions: { id: string; name: string }[];
  regionId: string | undefined;
  onRegion: (replicaId: string) => void;
}) {
  const regional = isRegionRunbook(runbook);
  // The plan's own target is always offered, even if the candidates list leaves it out.
  const candidates = plan
    ? [plan.target, ...plan.candidates.filter((candidate) => candidate.id !== plan.target.id)]
    : [];
  return (
    <Card>
      <div className="grid gap-4 md:grid-cols-3">
        <Field id="plan-runbook" label="Runbook" hint={RUNBOOK_DESCRIPTIONS[runbook]}>
          <Select
            id="plan-runbook"
            value={runbook}
            onChange={(e) => onRunbook(e.target.value as TRunbook)}
            options={RUNBOOKS.map((value) => ({ value, label: RUNBOOK_LABELS[value] }))}
          />
        </Field>
        {clusters.length > 1 ? (
          <Field id="plan-cluster" label="Cluster">
            <Select
              id="plan-cluster"
              value={clusterId ?? ""}
              onChange={(e) => onCluster(e.target.value)}
              options={clusters.map((cluster) => ({ value: cluster.id, label: cluster.name }))}
            />
          </Field>
        ) : null}
        {regional ? (
          <Field id="plan-region" label={runbook === "DRAIN_REGION" ? "Region to drain" : "Region to return"}>
            <Select
              id="plan-region"
              value={regionId ?? ""}
              onChange={(e) => onRegion(e.target.value)}
              options={
                regions.length > 0
                  ? regions.map((replica) => ({ value: replica.id, label: replica.name }))
                  : [{ value: "", label: "—" }]
              }
            />
          </Field>
        ) : null}
        <Field
          id="plan-target"
          label={regional ? "Takes its traffic" : "Promote"}
          hint={plan && !regional ? `Now primary: ${replicaWords(plan.source)}` : undefined}
        >
          <Select
            id="plan-target"
            value={targetId ?? ""}
            disabled={!plan}
            onChange={(e) => onTarget(e.target.value)}
            options={
              candidates.length > 0
                ? candidates.map((replica) => ({ value: replica.id, label: replicaWords(replica) }))
                : [{ value: "", label: "—" }]
            }
          />
        </Field>
      </div>
    </Card>
  );
}
