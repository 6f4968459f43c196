// How ready a deployment's DR plan is, item by item, each pass / warn / fail with its reason in words.
import type { ReadinessItem } from "@/lib/planning/contracts";
import type { Db } from "@/server/db";
import { readLiveNow, type CurrentLive } from "@/server/domain/telemetry/current-live";

import { primaryRegionIdOf } from "./estate-from-model";
import { loadPlanningModel, type PlanningModel } from "./load-model";
import { drillItem, lastDrill, type LastDrill } from "./readiness-drill";
import { replicaPlacementItem } from "./readiness-replicas";
import { healthCheckItem } from "./readiness-routing";
import { rpoItem, rtoItem } from "./readiness-timing";
import { residencyFindings } from "./residency-check";

export function residencyItem(model: PlanningModel): ReadinessItem {
  const base = { id: "residency", title: "Data residency rules kept" };
  if (model.residencyRules.length === 0)
    return {
      ...base,
      status: "pass",
      reason: "no residency rules are set for this deployment: add one if data must stay inside a group of regions",
    };
  const findings = residencyFindings(model);
  const broken = findings.filter((finding) => finding.breaches.length > 0);
  const stale = findings
    .filter((finding) => finding.unknownRegionIds.length > 0)
    .map((finding) => `${finding.rule} names ${finding.unknownRegionIds.length} region(s) no longer in the deployment`);
  if (broken.length > 0) {
    return {
      ...base,
      status: "fail",
      reason: [...broken.map((finding) => `${finding.rule} is broken: ${finding.breaches.join("; ")}`), ...stale].join(
        ". ",
      ),
    };
  }
  const kept = `${findings.map((finding) => finding.rule).join(", ")} kept: no replica or link takes their data outside their regions`;
  return stale.length > 0
    ? { ...base, status: "warn", reason: `${kept}. ${stale.join(". ")}` }
    : { ...base, status: "pass", reason: kept };
}

export function readinessOf(model: PlanningModel, live: CurrentLive | null, drill: LastDrill | null): ReadinessItem[] {
  const primaryRegionId = primaryRegionIdOf(model);
  const placement: ReadinessItem = primaryRegionId
    ? replicaPlacementItem(model, primaryRegionId)
    : {
        id: "replicas",
        title: "Replicas where the DR model needs them",
        status: "fail",
        reason: "the deployment has no regions yet",
      };
  return [
    placement,
    rpoItem(model, live),
    rtoItem(model),
    healthCheckItem(model),
    residencyItem(model),
    drillItem(drill),
  ];
}

export async function readiness(db: Db, deploymentId: string): Promise<ReadinessItem[]> {
  const [model, live, drill] = await Promise.all([
    loadPlanningModel(db, deploymentId),
    readLiveNow(db, deploymentId),
    lastDrill(db, deploymentId),
  ]);
  return readinessOf(model, live.current, drill);
}
