// Steps that decide who accepts writes: fence, wait for catch-up, demote, promote. Each checks the
// driver first, so a retry after an effect that was applied but not recorded (a real driver that
// crashed mid-call) finds the work done instead of doing it twice.
import { UnreachableError } from "@/server/drivers/errors";

import {
  clusterEpoch,
  done,
  operationEpoch,
  replicaOf,
  StepRefused,
  wait,
  type StepContext,
  type StepOutcome,
} from "./context";

export async function fence(ctx: StepContext): Promise<StepOutcome> {
  const replica = replicaOf(ctx, String(ctx.params.replica));
  const status = await ctx.driver.fence({ replicaId: replica.id, epoch: operationEpoch(ctx), atMs: ctx.nowMs });
  return done({
    replica: replica.id,
    fenced: status.fenced || !status.writable,
    epoch: operationEpoch(ctx),
    committedPosition: status.committedPosition,
  });
}

export async function unfence(ctx: StepContext): Promise<void> {
  const replica = replicaOf(ctx, String(ctx.params.replica));
  if (replica.role === "READ_REPLICA") return;
  await ctx.driver.unfence({ replicaId: replica.id, epoch: operationEpoch(ctx), atMs: ctx.nowMs });
}

function linkBetween(ctx: StepContext, fromPart: string, toPart: string) {
  const from = replicaOf(ctx, fromPart);
  const to = replicaOf(ctx, toPart);
  const link = ctx.topology.links.find((l) => l.sourceReplicaId === from.id && l.targetReplicaId === to.id);
  if (!link)
    throw new StepRefused(
      `no replication link runs from ${from.id} to ${to.id}: the target cannot receive what the primary committed`,
    );
  return link;
}

/** Zero data loss rests here: the promotion waits until the target holds every committed byte. */
export async function waitCatchUp(ctx: StepContext): Promise<StepOutcome> {
  const link = linkBetween(ctx, String(ctx.params.from), String(ctx.params.to));
  // A real server's catch-up is polled inside the call (waitMs, PostgreSQL's runbook); the model's checks once.
  const waitMs = typeof ctx.params.waitMs === "number" ? ctx.params.waitMs : 0;
  const result = await ctx.driver.waitForCatchUp({ linkId: link.id, atMs: ctx.nowMs, timeoutMs: waitMs });
  const output = {
    linkId: link.id,
    committedPosition: result.committedPosition,
    appliedPosition: result.appliedPosition,
    lagBytes: result.lagBytes,
  };
  if (result.caughtUp) return done(output);
  // Polled every few ms: the engine chains the critical section and waits here in-process (critical-section.ts).
  return wait(output, 10, `the target still lacks ${result.lagBytes} bytes of what the fenced primary committed`);
}

export async function demote(ctx: StepContext): Promise<StepOutcome> {
  const replica = replicaOf(ctx, String(ctx.params.replica));
  // Found demoted: by this run's own move that was lost (its attempt took effect), or before the run.
  if (replica.role === "READ_REPLICA")
    return done({ replica: replica.id, alreadyDemoted: ctx.previous?.inDoubt !== "applied" });
  const status = await ctx.driver.demote({ replicaId: replica.id, epoch: operationEpoch(ctx), atMs: ctx.nowMs });
  return done({ replica: replica.id, role: status.role, committedPosition: status.committedPosition });
}

/** Undo of a demotion before any promotion: the old primary takes writes again, at a new epoch. */
export async function repromote(ctx: StepContext): Promise<number> {
  const replica = replicaOf(ctx, String(ctx.params.replica));
  // Already a writer again, at an epoch above the run's: a repromotion whose move was lost.
  if (replica.role !== "READ_REPLICA" && replica.epoch > operationEpoch(ctx)) return replica.epoch;
  const newEpoch = clusterEpoch(ctx.topology, ctx.operation.clusterId) + 1;
  await ctx.driver.promote({ replicaId: replica.id, newEpoch, atMs: ctx.nowMs });
  return newEpoch;
}

export async function promote(ctx: StepContext): Promise<StepOutcome> {
  const replica = replicaOf(ctx, String(ctx.params.replica));
  const newEpoch = operationEpoch(ctx) + 1;
  if (replica.role !== "READ_REPLICA" && replica.epoch === newEpoch) {
    return done({ replica: replica.id, epoch: newEpoch, alreadyPromoted: true }, { newEpoch });
  }
  // What the old writer committed that the new one never received is lost (the lag at the moment of failure).
  const others = ctx.topology.replicas.filter((r) => r.clusterId === replica.clusterId && r.id !== replica.id);
  const before = await ctx.driver.committedPosition({ replicaId: replica.id, atMs: ctx.nowMs });
  let lags: Promise<{ linkId: string; lagBytes: number }[]> | null = null;
  const lost = await Promise.all(
    others.map(async (r) => {
      try {
        return (await ctx.driver.committedPosition({ replicaId: r.id, atMs: ctx.nowMs })) - before;
      } catch (error) {
        if (!(error instanceof UnreachableError)) throw error;
        // A server that cannot answer (a dead primary) is not asked again: what the target lacks of
        // it is the lag last observed on the link from it, the data at risk at the failure.
        const link = ctx.topology.links.find((l) => l.sourceReplicaId === r.id && l.targetReplicaId === replica.id);
        lags ??= ctx.driver.observe(ctx.nowMs).then((o) => o.lag);
        return (await lags).find((l) => l.linkId === link?.id)?.lagBytes ?? 0;
      }
    }),
  );
  const lostBytes = Math.max(0, ...lost);
  // A planned move loses nothing by construction; if the target lacks a committed byte, something
  // moved under the run (a fence lifted, a write after the catch-up): refuse rather than lose it.
  if (ctx.params.lossless === true && lostBytes > 0) {
    throw new StepRefused(
      `refusing to promote ${replica.id}: it lacks ${lostBytes} bytes another replica committed, and a planned move must lose none`,
    );
  }
  const status = await ctx.driver.promote({ replicaId: replica.id, newEpoch, atMs: ctx.nowMs });
  const writers = await ctx.driver.writableReplicas(replica.clusterId);
  if (writers.length !== 1 || writers[0] !== replica.id)
    throw new StepRefused(
      `after promoting ${replica.id} the writable replicas are [${writers.join(", ")}], not exactly it`,
    );
  return done(
    { replica: replica.id, epoch: newEpoch, committedPosition: status.committedPosition, lostBytes },
    { newEpoch },
  );
}
