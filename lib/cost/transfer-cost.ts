// Monthly cost of replication traffic between regions, and of user traffic leaving the estate.
import type { TCostLine } from "./cost-line";
import { TRANSFER_ITEM } from "./price-keys";
import type { TPriceLookup } from "./price-lookup";
import { routePricePerGb } from "./route-price";
import type { TRegion, TReplicationLink, TRouting } from "./schema";
import { PATH_WORDS } from "./transfer-path";
import { DAYS_PER_MONTH } from "./units";

export function replicationLine(
  link: TReplicationLink,
  source: TRegion,
  target: TRegion,
  price: TPriceLookup,
): TCostLine {
  const { path, unitPriceUsd } = routePricePerGb(source, target, price);
  const quantity = link.volumeGbPerDay * DAYS_PER_MONTH;
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
