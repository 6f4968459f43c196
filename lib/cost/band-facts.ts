// Gathers, from a priced estate, the facts that explain where its multiplier lands.
import type { TBandFacts } from "./band-reason";
import { sumMonthlyUsd } from "./cost-line";
import { allLines, type TPricedEstate } from "./price-estate";
import type { TComponentKind, TEstate, TTier } from "./schema";
import { billedInstanceCount } from "./stack-cost";
import type { TTransferPathKind } from "./transfer-path";

function costliestPath(priced: TPricedEstate): TTransferPathKind | undefined {
  const byPath = new Map<TTransferPathKind, number>();
  for (const { pathKind, line } of priced.links) byPath.set(pathKind, (byPath.get(pathKind) ?? 0) + line.monthlyUsd);
  const ranked = [...byPath.entries()].filter(([, usd]) => usd > 0).sort((a, b) => b[1] - a[1]);
  return ranked[0]?.[0];
}

export function buildBandFacts(estate: TEstate, priced: TPricedEstate, singleRegionBaselineUsd: number): TBandFacts {
  const primaryEntry = priced.regions.find((entry) => entry.region.id === priced.primary.id);
  const secondaries = priced.regions
    .filter((entry) => entry.region.id !== priced.primary.id)
    .map(({ region, stackLines }) => {
      const tiers: Partial<Record<TComponentKind, TTier>> = {};
      const runningKinds = new Set<TComponentKind>();
      for (const component of region.components) {
        tiers[component.kind] = component.tier;
        if (billedInstanceCount(component) > 0) runningKinds.add(component.kind);
      }
      if (estate.replicas.some((replica) => replica.regionId === region.id)) runningKinds.add("DATABASE");
      return { code: region.code, stackMonthlyUsd: sumMonthlyUsd(stackLines), tiers, runningKinds: [...runningKinds] };
    });
  const links = priced.links;
  return {
    model: estate.deployment.drModel,
    totalMonthlyUsd: sumMonthlyUsd(allLines(priced)),
    singleRegionBaselineUsd,
    primaryStackMonthlyUsd: sumMonthlyUsd(primaryEntry?.stackLines ?? []),
    replicationMonthlyUsd: sumMonthlyUsd(links.map((entry) => entry.line)),
    replicationGbPerDay: links.reduce((total, entry) => total + entry.link.volumeGbPerDay, 0),
    costliestPath: costliestPath(priced),
    sharedMonthlyUsd: sumMonthlyUsd(priced.sharedLines),
    secondaries,
  };
}
