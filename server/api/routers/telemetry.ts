// Live values, history, alerts and faults of a deployment. The live subscription streams the
// snapshots the worker publishes, resumable by event id after a reconnect.
import { tracked } from "@trpc/server";
import { z } from "zod";

import { recordNumber } from "@/lib/schemas/fields";
import { ZInjectFault } from "@/lib/telemetry/faults";
import { ZHistoryQuery } from "@/lib/telemetry/history";
import type { LiveSnapshot } from "@/lib/telemetry/live";
import { authedProcedure, operatorProcedure, router } from "@/server/api/trpc";
import { listAlerts } from "@/server/domain/telemetry/alerts";
import { clearFault, injectFault, listActiveFaults } from "@/server/domain/telemetry/faults";
import { readHistory } from "@/server/domain/telemetry/history";
import { latestSnapshot, SNAPSHOT_EVENT } from "@/server/domain/telemetry/snapshot";
import { eventsSince, openLiveStream } from "@/server/events";

const ZDeploymentRef = z.object({ deploymentId: z.string().min(1, "deploymentId is required") });

export const telemetryRouter = router({
  snapshot: authedProcedure
    .input(ZDeploymentRef)
    .query(async ({ ctx, input }) => (await latestSnapshot(ctx.db, input.deploymentId))?.snapshot ?? null),

  live: authedProcedure
    .input(ZDeploymentRef.extend({ lastEventId: recordNumber("lastEventId").nullish() }))
    .subscription(async function* ({ ctx, input, signal }) {
      // Listen first, then catch up, so nothing published in between is lost.
      const live = await openLiveStream(ctx.db, input.deploymentId, signal);
      let lastId = 0n;
      if (input.lastEventId) {
        for (const event of await eventsSince(ctx.db, input.deploymentId, input.lastEventId)) {
          if (event.kind !== SNAPSHOT_EVENT) continue;
          lastId = BigInt(event.id);
          yield tracked(event.id, event.payload as LiveSnapshot);
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
        yield tracked(event.id, event.payload as LiveSnapshot);
      }
    }),

  history: authedProcedure.input(ZHistoryQuery).query(({ ctx, input }) => readHistory(ctx.db, input)),
  alerts: authedProcedure
    .input(ZDeploymentRef.extend({ includeResolved: z.boolean().default(false) }))
    .query(({ ctx, input }) => listAlerts(ctx.db, input.deploymentId, input.includeResolved)),
  faults: authedProcedure.input(ZDeploymentRef).query(({ ctx, input }) => listActiveFaults(ctx.db, input.deploymentId)),
  injectFault: operatorProcedure
    .input(ZInjectFault)
    .mutation(({ ctx, input }) => injectFault(ctx.db, ctx.actor, input)),
  clearFault: operatorProcedure
    .input(z.object({ faultId: z.string().min(1, "faultId is required") }))
    .mutation(({ ctx, input }) => clearFault(ctx.db, ctx.actor, input)),
});
