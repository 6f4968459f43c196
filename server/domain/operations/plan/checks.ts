// What must hold before a runbook may start (blocking) and what the operator should know first
// (non-blocking). Start refuses a plan with a failed blocking check; the run's own pre-check and
// probes look again at the moment it acts, so these read the model and the newest live data only.
import { formatPlainSeconds } from "@/lib/format";
import { deciderRoles } from "@/lib/identity/permissions";
import { roleLabel } from "@/lib/identity/words";
import {
  ACTIVE_STATUSES,
  isRegionRunbook,
  type TCheck,
  type TPolicySummary,
  type TReplicaRef,
  type TRunbook,
} from "@/lib/operations/contracts";
import { RUNBOOK_LABELS, statusWords } from "@/lib/operations/words";
import { faultKindsFor } from "@/lib/telemetry/contracts";
import type { Db } from "@/server/db";
import type { LiveNow } from "@/server/domain/telemetry/current-live";

import { actsOnRealServers } from "../runbooks-postgres";
import type { Lag } from "./estimate";
import type { Estate, EstateCluster } from "./topology";

export type CheckInput = {
  runbook: TRunbook;
  estate: Estate;
  cluster: EstateCluster;
  source: TReplicaRef;
  target: TReplicaRef;
  lag: Lag;
  live: LiveNow;
  policy: TPolicySummary;
};

const check = (id: string, title: string, ok: boolean, detail: string, blocking: boolean): TCheck => ({
  id,
  label: title,
  ok,
  detail,
  blocking,
});

async function noActiveOperation(db: Db, { cluster }: CheckInput): Promise<TCheck> {
  const other = await db.operation.findFirst({
    where: { clusterId: cluster.id, status: { in: [...ACTIVE_STATUSES] } },
    orderBy: { createdAt: "desc" },
  });
  const detail = other
    ? `${RUNBOOK_LABELS[other.runbook]} ${other.id} is ${statusWords(other.status)} on cluster ${cluster.name}: one operation per cluster at a time`
    : `nothing else is running on cluster ${cluster.name}`;
  return check("no-active-operation", "No other operation on the cluster", !other, detail, true);
}

function singlePrimary({ cluster }: CheckInput): TCheck {
  const primaries = cluster.replicas.filter((r) => r.role === "PRIMARY");
  const ok = primaries.length === 1;
  const detail = ok
    ? `${primaries[0]!.name} is the only replica taking writes`
    : `${primaries.map((r) => r.name).join(", ")} are all recorded as primary: fix the model before moving the primary`;
  return check("single-primary", "Exactly one primary", ok, detail, true);
}

/** The target must be a read replica fed from the primary: catch-up waits on that link. */
function targetReadReplica({ cluster, source, target }: CheckInput): TCheck {
  const replica = cluster.replicas.find((r) => r.id === target.id);
  const fed = cluster.links.some((l) => l.sourceReplicaId === source.id && l.targetReplicaId === target.id);
  const ok = replica?.role === "READ_REPLICA" && fed;
  const detail =
    replica?.role !== "READ_REPLICA"
      ? `${target.name} is not a read replica of cluster ${cluster.name}`
      : fed
        ? `${target.name} in ${target.regionCode} replicates from ${source.name}`
        : `no replication link runs from ${source.name} to ${target.name}: it cannot receive what the primary commits (add the link in the model)`;
  return check("target-read-replica", "Target is a read replica of the primary", ok, detail, true);
}

/** A failover goes ahead when the target is degraded (its run picks the best reachable replica); planned moves do not. */
function targetRegionHealthy({ runbook, target, live }: CheckInput): TCheck {
  const region = live.current?.regions.get(target.regionId);
  const blocking = runbook !== "FAILOVER";
  const name = "Target region is up";
  if (!live.current)
    return check(
      "target-region-healthy",
      name,
      true,
      `${live.missing}: the run's pre-check looks at ${target.regionCode} before it acts`,
      blocking,
    );
  if (!region)
    return check(
      "target-region-healthy",
      name,
      true,
      `the probes have not reported ${target.regionCode} yet`,
      blocking,
    );
  const probes = `${region.healthyProbes} of ${region.totalProbes} probe locations see it up`;
  return check(
    "target-region-healthy",
    name,
    region.status !== "DOWN",
    `${target.regionCode} is ${region.status.toLowerCase()}: ${probes}`,
    blocking,
  );
}

/** Non-blocking: the run's pre-check measures the lag again, and catch-up waits for it anyway. */
function lagUnderThreshold({ estate, source, target, lag, live }: CheckInput): TCheck {
  const rpo = estate.rpoTargetSeconds;
  const name = "Lag within the RPO target";
  if (lag.seconds === null)
    return check(
      "lag-under-threshold",
      name,
      true,
      `${live.missing || `no lag measured on ${source.name} → ${target.name}`}: the pre-check measures it before fencing`,
      false,
    );
  const ok = lag.seconds <= rpo;
  const words = ok
    ? `within the RPO target of ${formatPlainSeconds(rpo)}`
    : `over the RPO target of ${formatPlainSeconds(rpo)}: the writes stay fenced until ${target.name} catches up, so expect a longer pause`;
  return check(
    "lag-under-threshold",
    name,
    ok,
    `${source.name} → ${target.name} lags ${formatPlainSeconds(lag.seconds)}, ${words}`,
    false,
  );
}

function sourceRegionDown({ source, live }: CheckInput): TCheck {
  const region = live.current?.regions.get(source.regionId);
  const name = "Primary's region is down";
  if (!region)
    return check(
      "source-region-down",
      name,
      true,
      `${live.missing || `the probes have not reported ${source.regionCode} yet`}: the run confirms the outage from the probes first`,
      false,
    );
  const down = region.status === "DOWN";
  const detail = down
    ? `${source.regionCode} is down: ${region.totalProbes - region.healthyProbes} of ${region.totalProbes} probe locations fail it`
    : `${source.regionCode} looks ${region.status.toLowerCase()} in the live data: the run confirms the outage from a quorum of probes and stops on a false alarm (plan a switchover to move a healthy primary)`;
  return check("source-region-down", name, down, detail, false);
}

/** A drill's outage is real where the driver can act one out: the twin, or the lab (kill -9 of the servers). */
function drillDriver({ estate }: CheckInput): TCheck {
  const ok = faultKindsFor(estate.driverKind).includes("REGION_OUTAGE");
  const detail = ok
    ? estate.driverKind === "sim"
      ? "the simulated twin can inject the outage"
      : `the ${estate.driverKind} driver acts the outage out: it kills the primary region's servers (kill -9)`
    : `${estate.name} runs the ${estate.driverKind} driver: a drill injects a region outage, which only the simulated twin and the lab can act out`;
  return check("drill-driver", "Drill can inject the outage", ok, detail, true);
}

async function approversExist(db: Db, { policy }: CheckInput): Promise<TCheck> {
  // As many as the gate before the run needs; a gated step alone still needs one approver.
  const needed = policy.approvalsRequired > 0 ? policy.approvalsRequired : policy.gatedSteps.length > 0 ? 1 : 0;
  const roles = deciderRoles(policy.approverRole);
  const count = needed === 0 ? 0 : await db.user.count({ where: { disabled: false, role: { in: roles } } });
  const who = roles.map(roleLabel).join(" or ");
  const detail =
    needed === 0
      ? "the policy runs it without approval"
      : `${count} enabled user${count === 1 ? "" : "s"} hold ${who}; the policy needs ${needed} approval${needed === 1 ? "" : "s"}${count < needed ? ": the run would wait until it expires" : ""}`;
  return check("approvers-exist", "Enough approvers", count >= needed, detail, false);
}

/** Every replica of an active-active cluster takes writes: the drained region's traffic has somewhere to go. */
function everyRegionWrites({ cluster }: CheckInput): TCheck {
  const others = cluster.replicas.filter((r) => r.role !== "MULTI_MASTER");
  const ok = others.length === 0 && cluster.replicas.length > 1;
  const detail = ok
    ? `${cluster.replicas.length} regions of cluster ${cluster.name} take writes`
    : others.length > 0
      ? `${others.map((r) => r.name).join(", ")} ${others.length === 1 ? "is" : "are"} not recorded as multi-master: fix the model first`
      : `cluster ${cluster.name} has one region: draining it would leave clients nowhere to write`;
  return check("every-region-writes", "Every region takes writes", ok, detail, true);
}

/** A drain must leave the applications a region to write in: another region's rules stay open in every policy. */
function anotherRegionRoutable({ runbook, estate, cluster, source }: CheckInput): TCheck {
  const others = new Set(cluster.replicas.filter((r) => r.id !== source.id).map((r) => r.regionId));
  const closed = estate.policies.filter(
    (policy) => !policy.rules.some((rule) => others.has(rule.regionId) && rule.enabled && !rule.drained),
  );
  const ok = runbook !== "DRAIN_REGION" || closed.length === 0;
  const detail = ok
    ? `traffic away from ${source.regionCode} has another open region in every routing policy`
    : `${closed.map((p) => p.name).join(", ")} route${closed.length === 1 ? "s" : ""} to no other open region: draining ${source.regionCode} would leave the applications nowhere to write (return a drained region first)`;
  return check("another-region-routable", "Another region takes the traffic", ok, detail, true);
}

/** A drain fences a real server's client role and reads its replication slots: nothing the twin models. */
function realServers({ estate, runbook }: CheckInput): TCheck {
  const ok = actsOnRealServers(estate.driverKind);
  const detail = ok
    ? `the ${estate.driverKind} driver fences the region's applications on its PostgreSQL server`
    : `${estate.name} runs the ${estate.driverKind} driver: ${RUNBOOK_LABELS[runbook].toLowerCase()} acts on real PostgreSQL servers only`;
  return check("real-servers", "Runs on real servers", ok, detail, true);
}

export async function planChecks(db: Db, input: CheckInput): Promise<TCheck[]> {
  const { runbook } = input;
  const [active, approvers] = await Promise.all([noActiveOperation(db, input), approversExist(db, input)]);
  if (isRegionRunbook(runbook))
    return [
      active,
      everyRegionWrites(input),
      realServers(input),
      anotherRegionRoutable(input),
      targetRegionHealthy(input),
      approvers,
    ];
  return [
    active,
    singlePrimary(input),
    targetReadReplica(input),
    targetRegionHealthy(input),
    ...(runbook === "SWITCHOVER" ? [lagUnderThreshold(input)] : []),
    ...(runbook === "FAILOVER" ? [sourceRegionDown(input)] : []),
    ...(runbook === "DRILL" ? [drillDriver(input)] : []),
    approvers,
  ];
}
