// Planning a runbook: the cluster, the replica that takes over, the steps with their estimates, the
// topology before and after, the checks, the cost, and the hash approvals are bound to. A pure
// read of one plan context (context.ts): start plans again and compares hashes, so planning must
// never change anything.
import { createHash } from "node:crypto";

import { canonicalJson } from "@/lib/canonical-json";
import {
  isRegionRunbook,
  type TCheck,
  type TOperationPlan,
  type TPlanInput,
  type TPlannedStep,
  type TReplicaRef,
  type TRunbook,
} from "@/lib/operations/contracts";
import { RUNBOOK_LABELS } from "@/lib/operations/words";
import type { Db } from "@/server/db";
import { lastMoveTo } from "@/server/domain/planning/last-move";
import type { CurrentLive } from "@/server/domain/telemetry/current-live";
import { invalid } from "@/server/errors";

import { nameReplicas, withIndexes } from "../runbooks";
import { runbookStepsFor } from "../runbooks-postgres";
import { planChecks } from "./checks";
import { readPlanContext, type PlanContext } from "./context";
import { lagOn, planEstimate, planEventCost, stepEstimator } from "./estimate";
import {
  afterRunbook,
  pickActiveActiveCluster,
  pickCluster,
  planTopology,
  primaryOf,
  replicaRef,
  type EstateCluster,
} from "./topology";

type Choice = { target: TReplicaRef; notes: TCheck[] };

const linkId = (cluster: EstateCluster, from: string, to: string) =>
  cluster.links.find((l) => l.sourceReplicaId === from && l.targetReplicaId === to)?.id;

/** Fed from the primary first, then the least lag: it has the least to apply before taking writes. Candidates come by name, so ties keep the first. */
function mostCaughtUp(
  cluster: EstateCluster,
  source: TReplicaRef,
  candidates: TReplicaRef[],
  live: CurrentLive | null,
): TReplicaRef {
  const rank = (c: TReplicaRef) => {
    const id = linkId(cluster, source.id, c.id);
    return { unfed: id ? 0 : 1, lag: lagOn(live, id).seconds ?? Infinity };
  };
  const better = (a: ReturnType<typeof rank>, b: ReturnType<typeof rank>) =>
    a.unfed !== b.unfed ? a.unfed < b.unfed : a.lag < b.lag;
  return candidates.reduce((best, c) => (better(rank(c), rank(best)) ? c : best));
}

/** Failback returns the primary to where the last completed move took it from. */
async function originalPrimary(
  db: Db,
  cluster: EstateCluster,
  source: TReplicaRef,
  candidates: TReplicaRef[],
): Promise<Choice> {
  const moved = await lastMoveTo(db, cluster.id, source.id);
  const original = moved ? candidates.find((c) => c.id === moved.sourceReplicaId) : undefined;
  const name = "Target is the original primary";
  if (moved && original) {
    const detail = `${original.name} was the primary until ${RUNBOOK_LABELS[moved.runbook].toLowerCase()} ${moved.id} moved it to ${source.name}`;
    return { target: original, notes: [{ id: "original-primary", label: name, ok: true, detail, blocking: false }] };
  }
  const first = candidates[0]!;
  const why = moved
    ? `the replica ${RUNBOOK_LABELS[moved.runbook].toLowerCase()} ${moved.id} moved the primary away from is no longer a read replica of cluster ${cluster.name}`
    : `no earlier failover or switchover moved the primary away from ${first.name}`;
  return {
    target: first,
    notes: [
      {
        id: "original-primary",
        label: name,
        ok: false,
        detail: `${why}: failing back to ${first.name}, the first read replica by name; pick another target if that is wrong`,
        blocking: false,
      },
    ],
  };
}

async function chooseTarget(
  db: Db,
  input: TPlanInput,
  cluster: EstateCluster,
  source: TReplicaRef,
  candidates: TReplicaRef[],
  live: CurrentLive | null,
): Promise<Choice> {
  if (input.targetReplicaId) {
    const chosen = candidates.find((c) => c.id === input.targetReplicaId);
    const named =
      cluster.replicas.find((r) => r.id === input.targetReplicaId)?.name ?? `replica ${input.targetReplicaId}`;
    const what = isRegionRunbook(input.runbook) ? "another region's replica" : "a read replica";
    if (!chosen) throw invalid("targetReplicaId", `${named} is not ${what} of cluster ${cluster.name}`);
    return { target: chosen, notes: [] };
  }
  if (candidates.length === 0)
    throw invalid(
      "clusterId",
      `cluster ${cluster.name} has no read replica to promote: add one in another region first`,
    );
  if (input.runbook === "FAILBACK") return originalPrimary(db, cluster, source, candidates);
  return { target: mostCaughtUp(cluster, source, candidates, live), notes: [] };
}

const REGION_RUNBOOK_WORDS = { DRAIN_REGION: "drain", RETURN_REGION: "return" } as const;

/**
 * Active-active: the region's replica is named (sourceReplicaId); the region that takes its traffic
 * (and whose link the catch-up reads first) is the one named, or the first other replica by name.
 */
function regionMove(input: TPlanInput, cluster: EstateCluster): { source: TReplicaRef; candidates: TReplicaRef[] } {
  const verb = REGION_RUNBOOK_WORDS[input.runbook as keyof typeof REGION_RUNBOOK_WORDS];
  if (!input.sourceReplicaId)
    throw invalid("sourceReplicaId", `name the replica of cluster ${cluster.name} whose region to ${verb}`);
  const replica = cluster.replicas.find((r) => r.id === input.sourceReplicaId);
  if (!replica) throw invalid("sourceReplicaId", `replica ${input.sourceReplicaId} is not in cluster ${cluster.name}`);
  const candidates = cluster.replicas
    .filter((r) => r.id !== replica.id)
    .map(replicaRef)
    .sort((a, b) => a.name.localeCompare(b.name));
  return { source: replicaRef(replica), candidates };
}

/** What approvals are bound to: what will run on what, never the moving figures (lag, cost, estimates). */
function planHash(
  runbook: TRunbook,
  clusterId: string,
  source: TReplicaRef,
  target: TReplicaRef,
  steps: TPlannedStep[],
  fingerprint: string,
): string {
  const content = {
    runbook,
    clusterId,
    sourceId: source.id,
    targetId: target.id,
    steps: steps.map(({ kind, params, gated }) => ({ kind, params, gated })),
    topologyFingerprint: fingerprint,
  };
  return createHash("sha256").update(canonicalJson(content)).digest("hex").slice(0, 32);
}

/** The plan, and what it was made from (start hands the same to the first approval gate). */
export async function planWithContext(
  db: Db,
  input: TPlanInput,
): Promise<{ plan: TOperationPlan; context: PlanContext }> {
  const { runbook } = input;
  const context = await readPlanContext(db, input.deploymentId, runbook);
  const { estate, live, policy, topologyFingerprint: fingerprint } = context;
  const regional = isRegionRunbook(runbook);
  const cluster = regional ? pickActiveActiveCluster(estate, input.clusterId) : pickCluster(estate, input.clusterId);
  const { source, candidates } = regional
    ? regionMove(input, cluster)
    : {
        source: replicaRef(primaryOf(cluster)),
        candidates: cluster.replicas.filter((r) => r.role === "READ_REPLICA").map(replicaRef),
      };
  const { target, notes } = await chooseTarget(db, input, cluster, source, candidates, live.current);
  const lag = lagOn(live.current, linkId(cluster, source.id, target.id));
  const named = nameReplicas(runbookStepsFor(runbook, estate.driverKind), {
    source: `${source.name} (${source.regionCode})`,
    target: `${target.name} (${target.regionCode})`,
  });
  const steps = withIndexes(named, policy.gatedSteps, stepEstimator(estate.policies, lag));
  const checks = await planChecks(db, { runbook, estate, cluster, source, target, lag, live, policy });
  const plan: TOperationPlan = {
    runbook,
    deploymentId: estate.id,
    clusterId: cluster.id,
    clusterName: cluster.name,
    source,
    target,
    steps,
    before: planTopology(estate, cluster, null),
    after: afterRunbook(runbook, estate, cluster, source, target),
    estimate: planEstimate(runbook, steps, lag),
    targets: { rtoSeconds: estate.rtoTargetSeconds, rpoSeconds: estate.rpoTargetSeconds },
    eventCost: planEventCost(context, runbook, { source, target }),
    checks: [...checks, ...notes],
    policy,
    planHash: planHash(runbook, cluster.id, source, target, steps, fingerprint),
    topologyFingerprint: fingerprint,
    candidates,
  };
  return { plan, context };
}

export async function planOperation(db: Db, input: TPlanInput): Promise<TOperationPlan> {
  return (await planWithContext(db, input)).plan;
}
