// Monthly cost of replication traffic between regions, and of user traffic leaving the estate.
import type { TCostLine } from "./cost-line";
import { CostError } from "./errors";
import { interContinentItemFrom, TRANSFER_ITEM } from "./price-keys";
import type { TPriceLookup } from "./price-lookup";
import type { TRegion, TReplicationLink, TRouting } from "./schema";
import { classifyTransferPath, PATH_WORDS } from "./transfer-path";
import { DAYS_PER_MONTH } from "./units";

/**
 * Between continents the price depends on where the bytes leave: AWS bills $0.02/GB out of its US
 * and EU regions but $0.09 or more out of Asia-Pacific. The catalog may say so per source continent
 * (`transfer.inter-continent.from-NA`); the provider-wide price is the fallback.
 */
function pathPrice(path: ReturnType<typeof classifyTransferPath>, source: TRegion, price: TPriceLookup): number {
  if (path.kind !== "INTER_CONTINENT") return price(path.payingProvider, path.item, "GB");
  try {
    return price(path.payingProvider, interContinentItemFrom(source.continent), "GB");
  } catch (error) {
    if (error instanceof CostError && error.code === "MISSING_PRICE")
      return price(path.payingProvider, path.item, "GB");
    throw error;
  }
}

export function replicationLine(
  link: TReplicationLink,
  source: TRegion,
  target: TRegion,
  price: TPriceLookup,
): TCostLine {
  const path = classifyTransferPath(source, target);
  const quantity = link.volumeGbPerDay * DAYS_PER_MONTH;
  const unitPriceUsd = pathPrice(path, source, price);
  return {
    category: "transfer",
    regionCode: source.code,
    description: `replication ${source.code} -> ${target.code}: ${link.volumeGbPerDay} GB/day ${PATH_WORDS[path.kind]}`,
    quantity,
    unit: "GB",
    unitPriceUsd,
    monthlyUsd: quantity * unitPriceUsd,
  };
}

/**
 * Traffic to users is billed by whoever hands it to the internet. Front Door bills it itself (see the
 * routing lines); otherwise the origin does, and we price it at the primary's provider: adding regions
 * moves where users are served from, not how many bytes they download.
 */
export function userEgressLines(routing: TRouting, primary: TRegion, price: TPriceLookup): TCostLine[] {
  if (routing.product === "AZURE_FRONT_DOOR" || routing.internetEgressGbPerMonth === 0) return [];
  const unitPriceUsd = price(primary.provider, TRANSFER_ITEM.internetEgress, "GB");
  return [
    {
      category: "transfer",
      description: `internet egress to users, billed by ${primary.provider}`,
      quantity: routing.internetEgressGbPerMonth,
      unit: "GB",
      unitPriceUsd,
      monthlyUsd: routing.internetEgressGbPerMonth * unitPriceUsd,
    },
  ];
}
