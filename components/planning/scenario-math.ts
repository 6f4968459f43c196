// The what-if arithmetic of the planning page, all in the browser: apply changes, price the result,
// and sweep one variable. No server round trip, so sliders answer as they move.
import {
  applyScenario,
  computeEstateCost,
  DR_MODELS,
  type TDrModel,
  type TEstate,
  type TEstateCost,
  type TPriceCatalog,
  type TScenarioChange,
} from "@/lib/cost";

export type TCostResult = { ok: true; estate: TEstate; cost: TEstateCost } | { ok: false; error: string };

/** The estate with `changes` applied and priced; the cost model's sentence when it refuses. */
export function costWithChanges(
  estate: TEstate,
  changes: readonly TScenarioChange[],
  catalog: TPriceCatalog,
): TCostResult {
  try {
    // applyScenario refuses an empty list (a scenario needs a change); no changes means the estate as is.
    const changed = changes.length > 0 ? applyScenario(estate, changes) : estate;
    return { ok: true, estate: changed, cost: computeEstateCost(changed, catalog) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : "the cost model could not price this estate" };
  }
}

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

/** What `estate` would cost under each DR model, the secondaries reshaped as the model runs them. */
export function drModelSweep(estate: TEstate, catalog: TPriceCatalog): { model: TDrModel; result: TCostResult }[] {
  return DR_MODELS.map((model) => ({
    model,
    result: costWithChanges(estate, [{ kind: "setDrModel", drModel: model }], catalog),
  }));
}
