// Every router of the API, by domain.
import { createCallerFactory, router } from "@/server/api/trpc";

import { auditRouter } from "./routers/audit";
import { connectionsRouter } from "./routers/connections";
import { identityRouter } from "./routers/identity";
import { notificationsRouter } from "./routers/notifications";
import { operationsRouter } from "./routers/operations";
import { overviewRouter } from "./routers/overview";
import { planningRouter } from "./routers/planning";
import { telemetryRouter } from "./routers/telemetry";
import { topologyRouter } from "./routers/topology";

export const appRouter = router({
  topology: topologyRouter,
  identity: identityRouter,
  audit: auditRouter,
  telemetry: telemetryRouter,
  planning: planningRouter,
  operations: operationsRouter,
  notifications: notificationsRouter,
  connections: connectionsRouter,
  overview: overviewRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
