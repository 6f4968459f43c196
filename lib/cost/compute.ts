// The cost of an estate per month: by category, by region, line by line, and against its DR band.
import { buildBandFacts } from "./band-facts";
import { evaluateBand, type TCostBand } from "./bands";
import { ZPriceCatalog, type TPriceCatalog } from "./catalog";
import { sumByCategory, sumMonthlyUsd, type TCostByCategory, type TCostLine } from "./cost-line";
import { parseInput } from "./parse-input";
import { allLines, priceEstate } from "./price-estate";
import { createPriceLookup } from "./price-lookup";
import { ZEstate, type TEstate, type TProvider } from "./schema";
import { collapseToPrimary } from "./single-region-baseline";

export type TRegionCost = {
  regionId: string;
  regionCode: string;
  provider: TProvider;
  isPrimary: boolean;
  /** The region's own stack, replicas included. */
  stackMonthlyUsd: number;
  /** Replication the region sends: the sender pays egress. */
  replicationMonthlyUsd: number;
  monthlyUsd: number;
};

export type TEstateCost = {
  catalogDate: string;
  totalMonthlyUsd: number;
  byCategory: TCostByCategory;
  byRegion: TRegionCost[];
  lines: TCostLine[];
  singleRegionBaselineUsd: number;
  /** total / baseline; null when the baseline is $0 (an all-lab estate), where a ratio means nothing. */
  multiplier: number | null;
  band: TCostBand;
};

/** Unrounded figures throughout: round only when presenting (see format.ts). */
export function computeEstateCost(estateInput: TEstate, catalogInput: TPriceCatalog): TEstateCost {
  const estate = parseInput(ZEstate, estateInput, "estate");
  const catalog = parseInput(ZPriceCatalog, catalogInput, "price catalog");
  const price = createPriceLookup(catalog);

  const priced = priceEstate(estate, price);
  const lines = allLines(priced);
  const totalMonthlyUsd = sumMonthlyUsd(lines);
  const singleRegionBaselineUsd = sumMonthlyUsd(allLines(priceEstate(collapseToPrimary(estate), price)));
  const multiplier = singleRegionBaselineUsd > 0 ? totalMonthlyUsd / singleRegionBaselineUsd : null;

  const byRegion = priced.regions.map(({ region, stackLines }) => {
    const stackMonthlyUsd = sumMonthlyUsd(stackLines);
    const replicationMonthlyUsd = sumMonthlyUsd(
      priced.links.filter((entry) => entry.source.id === region.id).map((entry) => entry.line),
    );
    return {
      regionId: region.id,
      regionCode: region.code,
      provider: region.provider,
      isPrimary: region.isPrimary,
      stackMonthlyUsd,
      replicationMonthlyUsd,
      monthlyUsd: stackMonthlyUsd + replicationMonthlyUsd,
    };
  });

  return {
    catalogDate: catalog.effectiveDate,
    totalMonthlyUsd,
    byCategory: sumByCategory(lines),
    byRegion,
    lines,
    singleRegionBaselineUsd,
    multiplier,
    band: evaluateBand(multiplier, buildBandFacts(estate, priced, singleRegionBaselineUsd)),
  };
}
