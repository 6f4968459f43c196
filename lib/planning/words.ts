// Planning in words: the cost categories of a bill, and a scenario change as the change list
// says it ("eu-west-1 compute: 4 instances").
import type { TCostCategory, TScenarioChange } from "@/lib/cost";
import type { TFieldWords } from "@/lib/fields";
import { label } from "@/lib/topology/words";

export function describeChange(change: TScenarioChange, regionCode: (regionId: string) => string): string {
  switch (change.kind) {
    case "setDrModel":
      return `DR model: ${label(change.drModel)}`;
    case "setRoutingProduct":
      return `Routing: ${label(change.product)}`;
    case "addRegion":
      return `Add region ${change.region.code} (${label(change.region.provider)}, ${label(change.region.continent)})`;
    case "removeRegion":
      return `Remove region ${regionCode(change.regionId)}`;
    case "setProvider":
      return `${regionCode(change.regionId)} provider: ${label(change.provider)}`;
    case "setTier":
      return `${regionCode(change.regionId)} ${label(change.component).toLowerCase()}: ${label(change.tier).toLowerCase()} tier`;
    case "setInstanceCount":
      return `${regionCode(change.regionId)} ${label(change.component).toLowerCase()}: ${change.instanceCount} instance${change.instanceCount === 1 ? "" : "s"}`;
    case "setReplicationVolume":
      return `Replication ${regionCode(change.sourceRegionId)} → ${regionCode(change.targetRegionId)}: ${+change.volumeGbPerDay.toFixed(1)} GB/day`;
  }
}

export const CATEGORY_LABEL: Record<TCostCategory, string> = {
  compute: "Compute",
  databases: "Databases",
  caches: "Caches",
  objectStorage: "Object storage",
  cdn: "CDN",
  transfer: "Transfer",
  routing: "Routing",
};

/** The fields of the planning forms: the label above each control is the name its errors use. */
export const PRICE_FIELDS = {
  unitPriceUsd: { label: "Price", unit: "usd" },
  effectiveDate: { label: "Effective date" },
  source: { label: "Source" },
} as const satisfies Record<string, TFieldWords>;

export const SCENARIO_FIELDS = { name: { label: "Scenario name" } } as const satisfies Record<string, TFieldWords>;

export const RESIDENCY_FIELDS = {
  name: { label: "Rule name" },
  regions: { label: "Regions" },
} as const satisfies Record<string, TFieldWords>;
