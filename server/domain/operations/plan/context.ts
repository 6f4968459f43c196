// What a plan is made from, read once per request and handed to every part of it (the target's
// choice, the checks, the estimate, the event cost, and, when the operation is requested, its first
// approval gate): the deployment's model, the model as the driver sees it (for the fingerprint
// approvals are bound to), the live values now, the runbook's approval policy and the prices.
import type { TPolicySummary, TRunbook } from "@/lib/operations/contracts";
import type { Db } from "@/server/db";
import { driverTopologyOf, topologyFingerprint } from "@/server/domain/driver-sessions/driver-topology";
import { currentCatalog, type StoredCatalog } from "@/server/domain/planning/catalog";
import { findPlanningModel } from "@/server/domain/planning/load-model";
import { readLiveNow, type LiveNow } from "@/server/domain/telemetry/current-live";
import { invalid } from "@/server/errors";

import { policyFor } from "../approvals/policies";
import type { Estate } from "./topology";

export type PlanContext = {
  /** The deployment's model, each cluster's replicas by name. */
  estate: Estate;
  topologyFingerprint: string;
  live: LiveNow;
  policy: TPolicySummary;
  /** The stored prices, or why there are none (the plan is then not costed, never refused). */
  catalog: StoredCatalog | { missing: string };
};

export async function readPlanContext(db: Db, deploymentId: string, runbook: TRunbook): Promise<PlanContext> {
  const [estate, live, policy, catalog] = await Promise.all([
    findPlanningModel(db, deploymentId, "name"),
    readLiveNow(db, deploymentId),
    policyFor(db, deploymentId, runbook),
    currentCatalog(db).catch((error: unknown) => ({
      missing: error instanceof Error ? error.message : String(error),
    })),
  ]);
  if (!estate) throw invalid("deploymentId", "no such deployment");
  return { estate, topologyFingerprint: topologyFingerprint(driverTopologyOf(estate)), live, policy, catalog };
}
