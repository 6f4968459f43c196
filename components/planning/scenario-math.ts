// The what-if arithmetic of the planning page, all in the browser: the change list an operator
// builds and a sweep of the replication volume, priced by lib/cost's costWithChanges. No server
// round trip, so sliders answer as they move.
import { costWithChanges, type TEstate, type TPriceCatalog, type TScenarioChange } from "@/lib/cost";

/** Changes that set the same thing share a key, so a slider replaces its change instead of stacking one per step. */
export function changeKey(change: TScenarioChange): string {
  switch (change.kind) {
    case "setDrModel":
      return "drModel";
    case "setRoutingProduct":
      return "routing";
    case "addRegion":
      return `add:${change.region.id}`;
    case "removeRegion":
      return `remove:${change.regionId}`;
    case "setProvider":
      return `provider:${change.regionId}`;
    case "setTier":
      return `tier:${change.regionId}:${change.component}`;
    case "setInstanceCount":
      return `count:${change.regionId}:${change.component}`;
    case "setReplicationVolume":
      return `volume:${change.sourceRegionId}:${change.targetRegionId}`;
  }
}

function regionsOf(change: TScenarioChange): string[] {
  switch (change.kind) {
    case "addRegion":
      return [change.region.id];
    case "removeRegion":
    case "setProvider":
    case "setTier":
    case "setInstanceCount":
      return [change.regionId];
    case "setReplicationVolume":
      return [change.sourceRegionId, change.targetRegionId];
    default:
      return [];
  }
}

/**
 * The list after the operator's latest action. The newest setting of a thing goes last, so it wins over
 * earlier ones (choosing a DR model after tuning tiers reshapes them, as the operator would expect).
 * Removing a region this scenario added takes back the addition and everything said about it.
 */
export function withChange(changes: readonly TScenarioChange[], change: TScenarioChange): TScenarioChange[] {
  if (
    change.kind === "removeRegion" &&
    changes.some((c) => c.kind === "addRegion" && c.region.id === change.regionId)
  ) {
    return changes.filter((c) => !regionsOf(c).includes(change.regionId));
  }
  const key = changeKey(change);
  return [...changes.filter((c) => changeKey(c) !== key), change];
}

export const VOLUME_FACTORS = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3] as const;

/** Total monthly cost as every replication link of `estate` carries `factor` times its volume; empty without links. */
export function volumeSweep(
  estate: TEstate,
  catalog: TPriceCatalog,
): { factor: number; totalMonthlyUsd: number | null }[] {
  if (estate.replicationLinks.length === 0) return [];
  return VOLUME_FACTORS.map((factor) => {
    const changes: TScenarioChange[] = estate.replicationLinks.map((link) => ({
      kind: "setReplicationVolume",
      sourceRegionId: link.sourceRegionId,
      targetRegionId: link.targetRegionId,
      volumeGbPerDay: link.volumeGbPerDay * factor,
    }));
    const result = costWithChanges(estate, changes, catalog);
    return { factor, totalMonthlyUsd: result.ok ? result.cost.totalMonthlyUsd : null };
  });
}
