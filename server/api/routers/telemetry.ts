// Live values, history, alerts and faults of a deployment. The live subscription streams the
// snapshots the observer publishes, resumable by event id after a reconnect.
import { tracked } from "@trpc/server";

import {
  parseLiveSnapshot,
  ZAlertsInput,
  ZAnnotationsQuery,
  ZFaultRef,
  ZHistoryQuery,
  ZInjectFault,
  ZLiveInput,
} from "@/lib/telemetry/contracts";
import { ZDeploymentRef } from "@/lib/topology/contracts";
import { allowedTo, authedProcedure, router } from "@/server/api/trpc";
import { listAlerts } from "@/server/domain/telemetry/alerts";
import { listAnnotations } from "@/server/domain/telemetry/annotations";
import { clearFault, injectFault, listActiveFaults } from "@/server/domain/telemetry/faults";
import { readHistory } from "@/server/domain/telemetry/history";
import { latestSnapshot, SNAPSHOT_EVENT } from "@/server/domain/telemetry/snapshot";
import { eventsSince, openLiveStream } from "@/server/events";

const faults = allowedTo("faults.inject");

export const telemetryRouter = router({
  snapshot: authedProcedure
    .input(ZDeploymentRef)
    .query(async ({ ctx, input }) => (await latestSnapshot(ctx.db, input.deploymentId))?.snapshot ?? null),

  live: authedProcedure.input(ZLiveInput).subscription(async function* ({ ctx, input, signal }) {
    // Listen first, then catch up, so nothing published in between is lost.
    const live = await openLiveStream(ctx.db, input.deploymentId, signal);
    let lastId = 0n;
    if (input.lastEventId) {
      for (const event of await eventsSince(ctx.db, input.deploymentId, input.lastEventId)) {
        if (event.kind !== SNAPSHOT_EVENT) continue;
        lastId = BigInt(event.id);
        yield tracked(event.id, parseLiveSnapshot(event.payload));
      }
    } else {
      const latest = await latestSnapshot(ctx.db, input.deploymentId);
      if (latest) {
        lastId = BigInt(latest.eventId);
        yield tracked(latest.eventId, latest.snapshot);
      }
    }
    for await (const event of live) {
      if (event.kind !== SNAPSHOT_EVENT || BigInt(event.id) <= lastId) continue;
      lastId = BigInt(event.id);
      yield tracked(event.id, parseLiveSnapshot(event.payload));
    }
  }),

  history: authedProcedure.input(ZHistoryQuery).query(({ ctx, input }) => readHistory(ctx.db, input)),
  /** Faults, alerts and operations over a range, drawn on the charts. */
  annotations: authedProcedure.input(ZAnnotationsQuery).query(({ ctx, input }) => listAnnotations(ctx.db, input)),
  /** Open alerts come with every live snapshot; this read is for the resolved ones (and the API). */
  alerts: authedProcedure
    .input(ZAlertsInput)
    .query(({ ctx, input }) => listAlerts(ctx.db, input.deploymentId, input.includeResolved)),
  faults: authedProcedure.input(ZDeploymentRef).query(({ ctx, input }) => listActiveFaults(ctx.db, input.deploymentId)),
  injectFault: faults.input(ZInjectFault).mutation(({ ctx, input }) => injectFault(ctx.db, ctx.actor, input)),
  clearFault: faults.input(ZFaultRef).mutation(({ ctx, input }) => clearFault(ctx.db, ctx.actor, input)),
});
