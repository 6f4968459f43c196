// Readiness: are there copies of the data where the DR model needs them?
import type { ReadinessItem } from "@/lib/planning/contracts";

import { trafficRegionIds, type PlanningModel } from "./load-model";

const ID = "replicas";
const TITLE = "Replicas where the DR model needs them";

const item = (status: ReadinessItem["status"], reason: string): ReadinessItem => ({
  id: ID,
  title: TITLE,
  status,
  reason,
});
const list = (names: string[]) => names.join(", ");

function backupRestore(
  model: PlanningModel,
  primaryRegionId: string,
  code: (regionId: string) => string,
): ReadinessItem {
  const holders = model.regions.filter(
    (placement) =>
      placement.regionId !== primaryRegionId &&
      placement.stack.some(
        (component) => component.kind === "OBJECT_STORAGE" && component.tier !== "OFF" && component.instanceCount > 0,
      ),
  );
  if (holders.length > 0) {
    return item(
      "pass",
      `backup & restore: backups can be restored from object storage in ${list(holders.map((h) => code(h.regionId)))}, outside the primary region ${code(primaryRegionId)}`,
    );
  }
  return item(
    "fail",
    `backup & restore needs backups in a second region: no region but the primary ${code(primaryRegionId)} has object storage running`,
  );
}

function standby(model: PlanningModel, primaryRegionId: string, code: (regionId: string) => string): ReadinessItem {
  const words = model.drModel === "PILOT_LIGHT" ? "pilot light" : "warm standby";
  if (model.clusters.length === 0)
    return item("warn", `${words}: no database cluster is modelled, so there is no data to keep in sync`);
  const covered: string[] = [];
  const missing: string[] = [];
  for (const cluster of model.clusters) {
    const home = cluster.replicas.find((replica) => replica.role === "PRIMARY")?.regionId ?? primaryRegionId;
    const outside = [
      ...new Set(
        cluster.replicas.filter((replica) => replica.regionId !== home).map((replica) => code(replica.regionId)),
      ),
    ];
    if (outside.length > 0) covered.push(`${cluster.name} in ${list(outside)}`);
    else missing.push(`${cluster.name} has no replica outside ${code(home)}`);
  }
  if (missing.length > 0)
    return item("fail", `${words} needs a replica of each cluster outside its primary region: ${list(missing)}`);
  return item("pass", `${words}: every cluster has a replica outside its primary region (${list(covered)})`);
}

function activeActive(model: PlanningModel, code: (regionId: string) => string): ReadinessItem {
  const routed = new Set(model.policies.flatMap(trafficRegionIds));
  const serving = routed.size > 0 ? [...routed] : model.regions.map((placement) => placement.regionId);
  if (model.clusters.length === 0)
    return item("warn", "active-active: no database cluster is modelled, so there is no data to write in every region");
  const missing: string[] = [];
  for (const cluster of model.clusters) {
    const writable = new Set(
      cluster.replicas.filter((replica) => replica.role !== "READ_REPLICA").map((replica) => replica.regionId),
    );
    const without = serving.filter((regionId) => !writable.has(regionId)).map(code);
    if (without.length > 0) missing.push(`${cluster.name} has no writable replica in ${list(without)}`);
  }
  if (missing.length > 0)
    return item("fail", `active-active needs a writable replica in every region that takes traffic: ${list(missing)}`);
  return item(
    "pass",
    `active-active: every region that takes traffic (${list(serving.map(code))}) has a writable replica of each cluster`,
  );
}

export function replicaPlacementItem(model: PlanningModel, primaryRegionId: string): ReadinessItem {
  const codes = new Map(model.regions.map((placement) => [placement.regionId, placement.region.code]));
  const code = (regionId: string) => codes.get(regionId) ?? regionId;
  if (model.regions.length < 2)
    return item(
      "fail",
      `the deployment runs in one region (${code(primaryRegionId)}): no DR model can recover from losing it`,
    );
  switch (model.drModel) {
    case "BACKUP_RESTORE":
      return backupRestore(model, primaryRegionId, code);
    case "PILOT_LIGHT":
    case "WARM_STANDBY":
      return standby(model, primaryRegionId, code);
    case "ACTIVE_ACTIVE":
      return activeActive(model, code);
  }
}
