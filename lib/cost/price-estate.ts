// Prices every part of an estate once, keeping track of which region each line belongs to.
import type { TCostLine } from "./cost-line";
import { CostError } from "./errors";
import type { TPriceLookup } from "./price-lookup";
import { routingLines } from "./routing-cost";
import type { TEstate, TRegion, TReplicationLink } from "./schema";
import { stackLines } from "./stack-cost";
import { replicationLine, userEgressLines } from "./transfer-cost";
import { classifyTransferPath, type TTransferPathKind } from "./transfer-path";

export type TPricedRegion = { region: TRegion; stackLines: TCostLine[] };
export type TPricedLink = { link: TReplicationLink; source: TRegion; pathKind: TTransferPathKind; line: TCostLine };

export type TPricedEstate = {
  primary: TRegion;
  regions: TPricedRegion[];
  links: TPricedLink[];
  /** Routing and user egress: estate-wide, the same whether the estate has one region or five. */
  sharedLines: TCostLine[];
};

export function primaryRegionOf(estate: TEstate): TRegion {
  const primary = estate.regions.find((region) => region.isPrimary);
  // ZEstate guarantees exactly one primary; reaching here means the caller skipped validation.
  if (!primary)
    throw new CostError(
      "INVALID_INPUT",
      "regions must have exactly one primary (isPrimary); validate the estate with ZEstate first",
    );
  return primary;
}

export function priceEstate(estate: TEstate, price: TPriceLookup): TPricedEstate {
  const primary = primaryRegionOf(estate);
  const primaryDatabaseSize = primary.components.find((component) => component.kind === "DATABASE")?.instanceSize;
  const regionsById = new Map(estate.regions.map((region) => [region.id, region]));

  const regions = estate.regions.map((region) => ({
    region,
    stackLines: stackLines(
      region,
      estate.replicas.filter((replica) => replica.regionId === region.id),
      primaryDatabaseSize,
      price,
    ),
  }));
  const links = estate.replicationLinks.map((link) => {
    const source = regionsById.get(link.sourceRegionId);
    const target = regionsById.get(link.targetRegionId);
    if (!source || !target) {
      throw new CostError(
        "UNKNOWN_REGION",
        `replication link ${link.sourceRegionId} -> ${link.targetRegionId} names a region that is not in the estate`,
      );
    }
    return {
      link,
      source,
      pathKind: classifyTransferPath(source, target).kind,
      line: replicationLine(link, source, target, price),
    };
  });
  const sharedLines = [...routingLines(estate.routing, price), ...userEgressLines(estate.routing, primary, price)];
  return { primary, regions, links, sharedLines };
}

export function allLines(priced: TPricedEstate): TCostLine[] {
  return [
    ...priced.regions.flatMap((entry) => entry.stackLines),
    ...priced.links.map((entry) => entry.line),
    ...priced.sharedLines,
  ];
}
