// The cost multiplier each DR model is expected to land in, versus the same estate in one region.
import { explainOutsideBand, type TBandFacts } from "./band-reason";
import type { TDrModel } from "./schema";

export type TCostBandRange = { lowX: number; highX: number; source: string };

export const DR_COST_BANDS: Record<TDrModel, TCostBandRange> = {
  // Seed article, "Cost and Real-world Trade-offs": warm standby 1.5-1.8x, active-active 2-3x.
  WARM_STANDBY: { lowX: 1.5, highX: 1.8, source: "seed article" },
  ACTIVE_ACTIVE: { lowX: 2, highX: 3, source: "seed article" },
  // Meridian's assumption, not the article's: the article only ranks these "Low" and "Lowest".
  // Pilot light pays replicas and storage but no compute; backup & restore pays little beyond storage.
  PILOT_LIGHT: { lowX: 1.1, highX: 1.5, source: "Meridian assumption" },
  BACKUP_RESTORE: { lowX: 1.0, highX: 1.2, source: "Meridian assumption" },
};

export type TCostBand = {
  model: TDrModel;
  lowX: number;
  highX: number;
  within: boolean;
  /** Present when the estate is outside its band: what in the estate puts it there. */
  reason?: string;
};

// Sums of floating-point prices can miss an inclusive edge by a hair.
const EDGE_TOLERANCE = 1e-9;

export function evaluateBand(multiplier: number | null, facts: TBandFacts): TCostBand {
  const { lowX, highX } = DR_COST_BANDS[facts.model];
  const band = { model: facts.model, lowX, highX };
  if (multiplier === null) {
    return {
      ...band,
      within: false,
      reason:
        "the single-region baseline costs $0 (every price it needs is zero), so there is no multiplier to compare",
    };
  }
  if (multiplier < lowX - EDGE_TOLERANCE) return { ...band, within: false, reason: explainOutsideBand("below", facts) };
  if (multiplier > highX + EDGE_TOLERANCE)
    return { ...band, within: false, reason: explainOutsideBand("above", facts) };
  return { ...band, within: true };
}
