// Steps that look before acting: pre-checks, confirming an outage from a quorum of probes, choosing
// the most caught-up replica, waiting for a returning region to stay caught up; and the drill's fault.
import { randomUUID } from "node:crypto";

import { isRegionRunbook } from "@/lib/operations/contracts";
import { parseFaultSpec } from "@/server/drivers/fault-spec";
import type { Observations } from "@/server/drivers/types";

import {
  clusterEpoch,
  done,
  regionCode,
  replicaOf,
  StepRefused,
  wait,
  type StepContext,
  type StepOutcome,
} from "./context";
import { regionPrecheck } from "./regions";

/** A drill's outage ends by itself after an hour, whatever happens to the run. */
const DRILL_FAULT_MAX_MS = 3_600_000;

function probesOf(observations: Observations, regionId: string) {
  const probes = observations.health.filter((p) => p.regionId === regionId);
  return { total: probes.length, down: probes.filter((p) => !p.healthy).length };
}

function quorumOf(ctx: StepContext): number {
  return Math.max(1, ...ctx.topology.routingPolicies.map((p) => p.healthCheck.quorum));
}

const regionIsUp = (observations: Observations, regionId: string) => {
  const { total, down } = probesOf(observations, regionId);
  return total === 0 || down * 2 < total;
};

/** The run's first step records the epoch every later action carries. */
export async function precheck(ctx: StepContext): Promise<StepOutcome> {
  if (isRegionRunbook(ctx.operation.runbook)) return regionPrecheck(ctx);
  const source = replicaOf(ctx, "source");
  const target = replicaOf(ctx, String(ctx.params.to));
  const baseEpoch = clusterEpoch(ctx.topology, ctx.operation.clusterId);
  if (source.role !== "PRIMARY")
    throw new StepRefused(`pre-check failed: ${source.id} is no longer the primary (it is ${source.role})`);
  if (target.role !== "READ_REPLICA")
    throw new StepRefused(
      `pre-check failed: ${target.id} is a ${target.role}, not a read replica that can be promoted`,
    );
  const observations = await ctx.driver.observe(ctx.nowMs);
  if (!regionIsUp(observations, target.regionId))
    throw new StepRefused(
      `pre-check failed: most probes see ${regionCode(ctx, target.regionId)} down; a switchover needs a healthy target`,
    );
  if (ctx.operation.runbook === "SWITCHOVER") {
    const link = ctx.topology.links.find((l) => l.sourceReplicaId === source.id && l.targetReplicaId === target.id);
    const lagMs = observations.lag.find((l) => l.linkId === link?.id)?.lagMs ?? null;
    if (lagMs === null)
      throw new StepRefused(`pre-check failed: no replication link runs from ${source.id} to ${target.id}`);
    if (lagMs > ctx.operation.rpoTargetSeconds * 1000) {
      throw new StepRefused(
        `pre-check failed: the target's lag is ${(lagMs / 1000).toFixed(1)} s, over the ${ctx.operation.rpoTargetSeconds} s threshold; fencing now would stop writes until it drains`,
      );
    }
    return done({ baseEpoch, lagMs, ...(await prepareFence(ctx, source.id)) }, { baseEpoch });
  }
  return done({ baseEpoch, ...(await prepareFence(ctx, source.id)) }, { baseEpoch });
}

/** Preparation before a fence (PostgreSQL): a CHECKPOINT so the shutdown checkpoint is short, warm connections. */
async function prepareFence(ctx: StepContext, primaryId: string): Promise<{ checkpointMs?: number }> {
  if (ctx.params.prepare !== true || !ctx.driver.prepareSwitchover) return {};
  const prepared = await ctx.driver.prepareSwitchover({ replicaId: primaryId, atMs: ctx.nowMs });
  return { checkpointMs: prepared.checkpointMs };
}

/** The article's "verify: is the region actually down?": act only when a quorum of probe locations agree. */
export async function confirmOutage(ctx: StepContext): Promise<StepOutcome> {
  const source = replicaOf(ctx, String(ctx.params.region));
  const baseEpoch = clusterEpoch(ctx.topology, ctx.operation.clusterId);
  const { total, down } = probesOf(await ctx.driver.observe(ctx.nowMs), source.regionId);
  const quorum = quorumOf(ctx);
  // Real servers' runbooks ask for the quorum `consecutive` times in a row, `intervalMs` apart.
  const consecutive = typeof ctx.params.consecutive === "number" ? ctx.params.consecutive : 1;
  const intervalMs = typeof ctx.params.intervalMs === "number" ? ctx.params.intervalMs : 1000;
  const before = typeof ctx.previous?.confirmations === "number" ? ctx.previous.confirmations : 0;
  const confirmations = down >= quorum ? before + 1 : 0;
  const output = {
    region: regionCode(ctx, source.regionId),
    probesDown: down,
    probes: total,
    quorum,
    baseEpoch,
    confirmations,
  };
  if (confirmations >= consecutive) return done(output, { baseEpoch });
  if (down >= quorum)
    return wait(
      output,
      intervalMs,
      `${down} of ${total} probe locations see ${regionCode(ctx, source.regionId)} down (${confirmations} of ${consecutive} checks in a row)`,
    );
  const word = ctx.operation.runbook === "FAILOVER" ? "false alarm" : "outage not confirmed";
  return wait(
    output,
    intervalMs,
    `${word}: ${down} of ${total} probe locations see ${regionCode(ctx, source.regionId)} down, quorum is ${quorum}; no action was taken`,
  );
}

/** The reachable read replica holding the most of the old primary's log loses the least. */
export async function chooseTarget(ctx: StepContext): Promise<StepOutcome> {
  const source = replicaOf(ctx, "source");
  const observations = await ctx.driver.observe(ctx.nowMs);
  const candidates = ctx.topology.replicas.filter(
    (r) =>
      r.clusterId === source.clusterId &&
      r.id !== source.id &&
      r.role === "READ_REPLICA" &&
      regionIsUp(observations, r.regionId),
  );
  if (candidates.length === 0) throw new StepRefused(`no reachable read replica of the cluster is left to promote`);
  const positions = await Promise.all(
    candidates.map(async (r) => ({
      replica: r,
      position: await ctx.driver.committedPosition({ replicaId: r.id, atMs: ctx.nowMs }),
    })),
  );
  const planned = ctx.operation.targetReplicaId;
  positions.sort(
    (a, b) => b.position - a.position || Number(b.replica.id === planned) - Number(a.replica.id === planned),
  );
  const chosen = positions[0]!;
  // The dead primary is never asked (it cannot answer): what it committed that the chosen replica
  // lacks is the lag last observed on the link between them, the data at risk the console showed.
  const link = ctx.topology.links.find(
    (l) => l.sourceReplicaId === source.id && l.targetReplicaId === chosen.replica.id,
  );
  const atRisk = observations.lag.find((l) => l.linkId === link?.id)?.lagBytes ?? 0;
  return done(
    {
      chosen: chosen.replica.id,
      region: regionCode(ctx, chosen.replica.regionId),
      position: chosen.position,
      estimatedLossBytes: atRisk,
      changedFromPlan: chosen.replica.id !== planned,
    },
    { targetReplicaId: chosen.replica.id },
  );
}

export async function injectOutage(ctx: StepContext): Promise<StepOutcome> {
  const source = replicaOf(ctx, String(ctx.params.region));
  const id = randomUUID();
  // Bounded even if everything else failed: a drill's outage ends by itself after DRILL_FAULT_MAX_MS.
  const spec = parseFaultSpec({
    id,
    kind: "REGION_OUTAGE",
    target: { regionId: source.regionId },
    params: {},
    startedAtMs: ctx.nowMs,
    endsAtMs: ctx.nowMs + DRILL_FAULT_MAX_MS,
  });
  const summary = `Region outage on ${regionCode(ctx, source.regionId)} (drill ${ctx.operation.id.slice(0, 8)})`;
  await ctx.tx.fault.create({
    data: {
      id,
      deploymentId: ctx.operation.deploymentId,
      operationId: ctx.operation.id,
      kind: "REGION_OUTAGE",
      spec: spec as never,
      summary,
      startedAt: new Date(ctx.nowMs),
    },
  });
  await ctx.driver.faults?.inject(spec);
  return done({ faultId: id, region: regionCode(ctx, source.regionId) });
}

/** Ends the outage this drill injected (and only that): the twin drops it in the same transaction. */
export async function clearOutage(ctx: StepContext): Promise<StepOutcome> {
  const faults = await ctx.tx.fault.findMany({ where: { operationId: ctx.operation.id, clearedAt: null } });
  for (const fault of faults) {
    await ctx.tx.fault.update({ where: { id: fault.id }, data: { clearedAt: new Date(ctx.nowMs) } });
    await ctx.driver.faults?.clear({ faultId: fault.id, atMs: ctx.nowMs });
  }
  return done({ cleared: faults.length });
}

/** Failback waits until the returning replica's lag is under the bar and has stayed there a while. */
export async function waitStable(ctx: StepContext): Promise<StepOutcome> {
  const from = replicaOf(ctx, String(ctx.params.from));
  const to = replicaOf(ctx, String(ctx.params.to));
  const link = ctx.topology.links.find((l) => l.sourceReplicaId === from.id && l.targetReplicaId === to.id);
  if (!link) throw new StepRefused(`no replication link runs from ${from.id} to ${to.id}`);
  const lag = (await ctx.driver.observe(ctx.nowMs)).lag.find((l) => l.linkId === link.id);
  const stableLagMs = Number(ctx.params.stableLagMs);
  const stableMs = Number(ctx.params.stableSeconds) * 1000;
  const lagMs = lag?.lagMs ?? Number.POSITIVE_INFINITY;
  const since =
    lagMs <= stableLagMs
      ? typeof ctx.previous?.stableSinceMs === "number"
        ? ctx.previous.stableSinceMs
        : ctx.nowMs
      : null;
  const output = { linkId: link.id, lagMs: Number.isFinite(lagMs) ? lagMs : null, stableSinceMs: since };
  if (since !== null && ctx.nowMs - since >= stableMs) return done(output);
  return wait(
    output,
    1000,
    `the lag of ${to.id} is ${Number.isFinite(lagMs) ? `${Math.round(lagMs)} ms` : "unknown"}; it must stay under ${stableLagMs} ms for ${stableMs / 1000} s`,
  );
}
