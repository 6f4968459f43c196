// Which transfer price a byte pays depends on the path it takes between two regions.
import { TRANSFER_ITEM } from "./price-keys";
import type { TProvider } from "./schema";

export type TTransferPathKind = "SAME_CONTINENT" | "INTER_CONTINENT" | "CROSS_PROVIDER";

export type TTransferEndpoint = { provider: TProvider; continent: string };

export type TTransferPath = {
  kind: TTransferPathKind;
  /** The sender pays: egress is billed by the provider the bytes leave. */
  payingProvider: TProvider;
  item: string;
};

export function classifyTransferPath(source: TTransferEndpoint, target: TTransferEndpoint): TTransferPath {
  if (source.provider !== target.provider) {
    // Leaving a provider for another goes over the internet: the source's internet egress price.
    return { kind: "CROSS_PROVIDER", payingProvider: source.provider, item: TRANSFER_ITEM.internetEgress };
  }
  if (source.continent !== target.continent) {
    return { kind: "INTER_CONTINENT", payingProvider: source.provider, item: TRANSFER_ITEM.interContinent };
  }
  return { kind: "SAME_CONTINENT", payingProvider: source.provider, item: TRANSFER_ITEM.sameContinent };
}

export const PATH_WORDS: Record<TTransferPathKind, string> = {
  SAME_CONTINENT: "within one continent",
  INTER_CONTINENT: "across continents",
  CROSS_PROVIDER: "across providers",
};
