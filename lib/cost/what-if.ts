// An estate with what-if changes applied and priced, never throwing: the cost model's sentence when
// it refuses. The Plan page prices every slider move with it in the browser; the server and the
// tests run the same code, so the page and the stored figures cannot disagree.
import type { TPriceCatalog } from "./catalog";
import { computeEstateCost, type TEstateCost } from "./compute";
import { applyScenario } from "./scenario";
import type { TScenarioChange } from "./scenario-change";
import { DR_MODELS, type TDrModel, type TEstate } from "./schema";

export type TCostResult = { ok: true; estate: TEstate; cost: TEstateCost } | { ok: false; error: string };

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

/**
 * What `estate` would cost under each DR model, the secondaries reshaped as the model runs them. The
 * model the estate runs already is the estate as it is (see applyScenario's setDrModel), so its row
 * is the deployment's own cost.
 */
export function drModelSweep(estate: TEstate, catalog: TPriceCatalog): { model: TDrModel; result: TCostResult }[] {
  return DR_MODELS.map((model) => ({
    model,
    result: costWithChanges(estate, [{ kind: "setDrModel", drModel: model }], catalog),
  }));
}
