// lib/cost throws CostError; the server speaks AppError. One mapping, so every planning call words it alike.
import { CostError } from "@/lib/cost";
import { AppError } from "@/server/errors";

/**
 * Runs a cost-model call. With `field` (a scenario's `changes`), every refusal is about that input:
 * BAD_REQUEST naming it, in the model's own words. Without it the input is the stored model or
 * catalog, so a refusal means they need fixing first: PRECONDITION_FAILED.
 */
export function withCostModel<T>(run: () => T, field?: string): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof CostError)) throw error;
    if (field) throw new AppError("BAD_REQUEST", error.message, { field, cause: error });
    throw new AppError("PRECONDITION_FAILED", error.message, { cause: error });
  }
}
