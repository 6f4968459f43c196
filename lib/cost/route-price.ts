// The price per GB of bytes sent from one region to another: the one home of that fact. The monthly
// cost, the what-if scenarios, the event costs (catch-up) and the operation plans all ask here, so a
// route never costs $0.02 in one place and $0.05 in another.
import { CostError } from "./errors";
import { interContinentItemFrom } from "./price-keys";
import type { TPriceLookup } from "./price-lookup";
import { classifyTransferPath, type TTransferEndpoint, type TTransferPath } from "./transfer-path";

export type TRoutePrice = { path: TTransferPath; unitPriceUsd: number };

/**
 * Between continents the price depends on where the bytes leave: AWS bills $0.02/GB out of its US
 * and EU regions but $0.09 or more out of Asia-Pacific. The catalog may say so per source continent
 * (`transfer.inter-continent.from-NA`); the provider-wide price is the fallback.
 */
export function routePricePerGb(
  source: TTransferEndpoint,
  target: TTransferEndpoint,
  price: TPriceLookup,
): TRoutePrice {
  const path = classifyTransferPath(source, target);
  if (path.kind !== "INTER_CONTINENT") return { path, unitPriceUsd: price(path.payingProvider, path.item, "GB") };
  try {
    return { path, unitPriceUsd: price(path.payingProvider, interContinentItemFrom(source.continent), "GB") };
  } catch (error) {
    if (error instanceof CostError && error.code === "MISSING_PRICE")
      return { path, unitPriceUsd: price(path.payingProvider, path.item, "GB") };
    throw error;
  }
}
