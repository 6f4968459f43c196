"use client";

// The plan of one operation on one deployment: runbook, cluster and target chosen above, the plan
// the server computes for them below, and the request at the end. The plan is re-read every 10 s
// because it quotes the lag now; the request carries the plan hash, so the server refuses it if
// the plan the operator saw has changed since.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState, type ReactNode } from "react";

import type { DeploymentModelData } from "@/components/topology/model-types";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/layout";
import { ErrorLine, Loading } from "@/components/ui/query-state";
import { isRegionRunbook, RUNBOOKS, type TRunbook } from "@/lib/operations/contracts";

import { PlanControls } from "./plan-controls";
import { PlanView } from "./plan-view";
import { StartForm } from "./start-form";

export type TPlanChoice = { runbook?: string; cluster?: string; target?: string; region?: string };

const asRunbook = (value: string | undefined): TRunbook =>
  (RUNBOOKS as readonly string[]).includes(value ?? "") ? (value as TRunbook) : "SWITCHOVER";

export function PlanWorkspace({
  deployment,
  initial,
  back,
}: {
  deployment: DeploymentModelData;
  initial: TPlanChoice;
  back: ReactNode;
}) {
  const trpc = useTRPC();
  const [runbook, setRunbook] = useState<TRunbook>(asRunbook(initial.runbook));
  const [clusterId, setClusterId] = useState<string | undefined>(initial.cluster || undefined);
  const [target, setTarget] = useState<string | undefined>(initial.target || undefined);
  const [region, setRegion] = useState<string | undefined>(initial.region || undefined);
  // An active-active runbook acts on one region, named by its replica: the first by name unless chosen.
  const regional = isRegionRunbook(runbook);
  const activeActive = deployment.clusters.filter((cluster) => cluster.writeTopology === "MULTI_PRIMARY");
  const regionCluster = activeActive.find((cluster) => cluster.id === clusterId) ?? activeActive[0];
  const regionReplicas = regional ? (regionCluster?.replicas ?? []) : [];
  const source = regional ? (region ?? regionReplicas[0]?.id) : undefined;

  // Only what the operator chose goes into the address; the server's defaults stay implicit.
  useEffect(() => {
    const params = new URLSearchParams({ deployment: deployment.slug, runbook });
    if (clusterId) params.set("cluster", clusterId);
    if (target) params.set("target", target);
    if (region) params.set("region", region);
    window.history.replaceState(null, "", `/operations/new?${params}`);
  }, [deployment.slug, runbook, clusterId, target, region]);

  const input = {
    deploymentId: deployment.id,
    runbook,
    ...(clusterId ? { clusterId } : {}),
    ...(target ? { targetReplicaId: target } : {}),
    ...(source ? { sourceReplicaId: source } : {}),
  };
  // The previous plan stays on screen while the next one loads, so the selects do not jump.
  const plan = useQuery(
    trpc.operations.plan.queryOptions(input, { placeholderData: keepPreviousData, refetchInterval: 10_000 }),
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title={`Plan an operation: ${deployment.name}`}
        description="Every step with its timeout, retries and what abort would undo; the topology before and after; the estimate against the targets; the checks and the approvals needed."
        actions={
          <>
            <Link href="/operations/new" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
              Change deployment
            </Link>
            {back}
          </>
        }
      />
      <PlanControls
        runbook={runbook}
        onRunbook={(next) => {
          setRunbook(next);
          // Each runbook has its own natural target (failback: the original primary); start from it.
          setTarget(undefined);
          setRegion(undefined);
        }}
        clusters={deployment.clusters.map((cluster) => ({ id: cluster.id, name: cluster.name }))}
        clusterId={clusterId ?? plan.data?.clusterId}
        onCluster={(next) => {
          setClusterId(next);
          setTarget(undefined);
          setRegion(undefined);
        }}
        regions={regionReplicas.map((replica) => ({ id: replica.id, name: replica.name }))}
        regionId={source}
        onRegion={(next) => {
          setRegion(next);
          setTarget(undefined);
        }}
        plan={plan.data}
        targetId={target ?? plan.data?.target.id}
        onTarget={setTarget}
      />
      {plan.isPending ? <Loading what="the plan" /> : null}
      {plan.isError ? (
        <div className="space-y-2">
          <ErrorLine error={plan.error} />
          {target ? <Button onClick={() => setTarget(undefined)}>Let Meridian choose the target</Button> : null}
        </div>
      ) : null}
      {plan.data && !plan.isError ? (
        <>
          {plan.isPlaceholderData ? (
            <p role="status" className="text-sm text-slate-500">
              Updating the plan…
            </p>
          ) : null}
          <PlanView plan={plan.data} />
          <StartForm plan={plan.data} current={!plan.isPlaceholderData} />
        </>
      ) : null}
    </div>
  );
}
