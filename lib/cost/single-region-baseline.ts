// What the same estate would cost in one region: the denominator of the DR cost multiplier.
import { primaryRegionOf } from "./price-estate";
import type { TEstate } from "./schema";

/**
 * Collapse the estate into its primary: only the primary's stack, every component at FULL tier with
 * its instance count, the primary's own replicas, no cross-region replication, the same routing.
 */
export function collapseToPrimary(estate: TEstate): TEstate {
  const primary = primaryRegionOf(estate);
  return {
    ...estate,
    regions: [{ ...primary, components: primary.components.map((component) => ({ ...component, tier: "FULL" })) }],
    replicas: estate.replicas.filter((replica) => replica.regionId === primary.id),
    replicationLinks: [],
  };
}
