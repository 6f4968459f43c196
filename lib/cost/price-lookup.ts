// Reads prices out of a catalog, failing loudly when one is missing rather than costing it at $0.
import type { TPriceCatalog, TPriceItem } from "./catalog";
import { CostError } from "./errors";
import type { TPriceUnit } from "./price-keys";
import type { TProvider } from "./schema";

export type TPriceLookup = (provider: TProvider, item: string, unit: TPriceUnit) => number;

export function createPriceLookup(catalog: TPriceCatalog): TPriceLookup {
  const byKey = new Map<string, TPriceItem>();
  for (const price of catalog.items) byKey.set(`${price.provider} ${price.item}`, price);

  return (provider, item, unit) => {
    const price = byKey.get(`${provider} ${item}`);
    if (!price) {
      throw new CostError(
        "MISSING_PRICE",
        `no price for provider ${provider}, item "${item}" (per ${unit}) in the catalog effective ${catalog.effectiveDate}; add it to the catalog`,
      );
    }
    // A price per GB cannot be multiplied by instance-hours: refuse rather than produce a wrong total.
    if (price.unit !== unit) {
      throw new CostError(
        "UNIT_MISMATCH",
        `the catalog prices provider ${provider}, item "${item}" per ${price.unit}, but the cost model needs a price per ${unit}`,
      );
    }
    return price.unitPriceUsd;
  };
}
