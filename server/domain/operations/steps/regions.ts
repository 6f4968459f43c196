// Steps of an active-active cluster's region runbooks (drain a region, return it): its own
// pre-check, the fence of its client writes (the server keeps running and replicating), the wait
// until changes are applied in the other regions, and the fence lifted. "source" is the region's
// replica; every other replica of the cluster keeps taking writes throughout.
import type { TopologyReplica } from "@/server/drivers/types";

import {
  clusterEpoch,
  done,
  operationEpoch,
  regionCode,
  replicaOf,
  StepRefused,
  wait,
  type StepContext,
  type StepOutcome,
} from "./context";

function othersOf(ctx: StepContext, replica: TopologyReplica): TopologyReplica[] {
  return ctx.topology.replicas.filter((r) => r.clusterId === replica.clusterId && r.id !== replica.id);
}

/** The region's replica takes writes in an active-active cluster, and another region is there to take its traffic. */
export async function regionPrecheck(ctx: StepContext): Promise<StepOutcome> {
  const source = replicaOf(ctx, "source");
  const target = replicaOf(ctx, "target");
  if (source.role !== "MULTI_MASTER")
    throw new StepRefused(
      `pre-check failed: ${source.id} is a ${source.role}, not a replica of an active-active cluster`,
    );
  if (target.role !== "MULTI_MASTER")
    throw new StepRefused(`pre-check failed: ${target.id} is a ${target.role}; its region cannot take the traffic`);
  const writers = await ctx.driver.writableReplicas(source.clusterId);
  if (!writers.includes(target.id))
    throw new StepRefused(
      `pre-check failed: ${target.id} in ${regionCode(ctx, target.regionId)} does not take writes now; draining would leave clients nowhere to write`,
    );
  if (ctx.operation.runbook === "DRAIN_REGION") {
    // As the plan checked, now against the routing as the world has it: another region stays open.
    const others = new Set(othersOf(ctx, source).map((r) => r.regionId));
    const closed = ctx.topology.routingPolicies.filter(
      (policy) => !policy.rules.some((rule) => others.has(rule.regionId) && rule.enabled && !rule.drained),
    );
    if (closed.length > 0)
      throw new StepRefused(
        `pre-check failed: ${closed.length} routing polic${closed.length === 1 ? "y routes" : "ies route"} to no other open region; draining ${regionCode(ctx, source.regionId)} would leave the applications nowhere to write`,
      );
  }
  const baseEpoch = clusterEpoch(ctx.topology, ctx.operation.clusterId);
  return done({ baseEpoch, writers: writers.length }, { baseEpoch });
}

/** Stops client writes in the region: its applications' connections are refused and ended; replication stays. */
export async function fenceClients(ctx: StepContext): Promise<StepOutcome> {
  const replica = replicaOf(ctx, String(ctx.params.replica));
  const status = await ctx.driver.fence({ replicaId: replica.id, epoch: operationEpoch(ctx), atMs: ctx.nowMs });
  if (!status.fenced) throw new StepRefused(`after the fence, ${replica.id} still lets its applications connect`);
  return done({ replica: replica.id, fenced: true, committedPosition: status.committedPosition });
}

export async function liftClientFence(ctx: StepContext): Promise<void> {
  const replica = replicaOf(ctx, String(ctx.params.replica));
  await ctx.driver.unfence({ replicaId: replica.id, epoch: operationEpoch(ctx), atMs: ctx.nowMs });
}

/** Lets the region's applications write again. */
export async function liftFence(ctx: StepContext): Promise<StepOutcome> {
  const replica = replicaOf(ctx, String(ctx.params.replica));
  const status = await ctx.driver.unfence({ replicaId: replica.id, epoch: operationEpoch(ctx), atMs: ctx.nowMs });
  if (status.fenced) throw new StepRefused(`after lifting the fence, ${replica.id} still refuses its applications`);
  return done({ replica: replica.id, fenced: false });
}

export async function refenceClients(ctx: StepContext): Promise<void> {
  const replica = replicaOf(ctx, String(ctx.params.replica));
  await ctx.driver.fence({ replicaId: replica.id, epoch: operationEpoch(ctx), atMs: ctx.nowMs });
}

/**
 * Waits until what `from` committed is applied in `to` ("others": every other replica of the
 * cluster, on either side): on each link between them, as its source's position when asked.
 */
export async function waitApplied(ctx: StepContext): Promise<StepOutcome> {
  const region = replicaOf(ctx, "source");
  const ends = (part: string) => (part === "others" ? othersOf(ctx, region) : [replicaOf(ctx, part)]);
  const froms = ends(String(ctx.params.from));
  const tos = ends(String(ctx.params.to));
  const links = froms.flatMap((from) =>
    tos
      .filter((to) => to.id !== from.id)
      .map((to) => {
        const link = ctx.topology.links.find((l) => l.sourceReplicaId === from.id && l.targetReplicaId === to.id);
        if (!link)
          throw new StepRefused(
            `no replication link runs from ${from.id} to ${to.id}: ${to.id} cannot apply its changes`,
          );
        return link;
      }),
  );
  const waitMs = typeof ctx.params.waitMs === "number" ? ctx.params.waitMs : 0;
  let lagBytes = 0;
  let behind = 0;
  for (const link of links) {
    const result = await ctx.driver.waitForCatchUp({ linkId: link.id, atMs: ctx.nowMs, timeoutMs: waitMs });
    if (!result.caughtUp) {
      behind += 1;
      lagBytes += Math.max(0, result.lagBytes);
    }
  }
  const output = { links: links.length, behind, lagBytes };
  if (behind === 0) return done(output);
  return wait(output, 50, `${behind} of ${links.length} links have not applied ${lagBytes} bytes yet`);
}
