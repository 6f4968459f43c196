// The one-off cost of an operational event (switchover, failback, failover) on a deployment.
import { z } from "zod";

import { atLeastZero, oneOf, text, wholeAtLeastZero } from "@/lib/fields";
import { label, sizeLabel } from "@/lib/topology/words";

import { ZPriceCatalog, type TPriceCatalog } from "./catalog";
import type { TCostLine } from "./cost-line";
import { CostError } from "./errors";
import { parseInput } from "./parse-input";
import { stackItemKey } from "./price-keys";
import { createPriceLookup, type TPriceLookup } from "./price-lookup";
import { routePricePerGb } from "./route-price";
import { ROUTING_CHARGES } from "./routing-cost";
import { ZEstate, type TEstate, type TRegion } from "./schema";
import { CATEGORY_OF_KIND } from "./stack-cost";
import { PATH_WORDS } from "./transfer-path";

export const ZScaleUp = z.object({
  // Only instance-billed kinds scale up by the hour; storage and CDN are not started for an event.
  kind: oneOf("kind", ["COMPUTE", "DATABASE", "CACHE"]),
  instancesAdded: wholeAtLeastZero("instancesAdded"),
  instanceSize: text("instanceSize"),
  /** The size as the model names it ("P2v3"), for the line's words, when that is not the class. */
  modelSize: text("modelSize").optional(),
  hours: atLeastZero("hours"),
});

export const ZOperationalEvent = z
  .object({
    kind: oneOf("kind", ["SWITCHOVER", "FAILBACK", "FAILOVER"]),
    /** The region traffic leaves; catch-up data flows from here to toRegionId. */
    fromRegionId: text("fromRegionId"),
    /** The region traffic moves to; scale-up happens here. */
    toRegionId: text("toRegionId"),
    /** Backlog to resync (replication lag or writes taken while away); after a failover often 0, the region being down. */
    catchUpGb: atLeastZero("catchUpGb"),
    scaleUps: z.array(ZScaleUp),
    /** Extra DNS queries while resolvers pick up the change (lowered TTLs, re-resolution). */
    dnsQueriesSpikeMillions: atLeastZero("dnsQueriesSpikeMillions"),
  })
  .refine((event) => event.fromRegionId !== event.toRegionId, {
    path: ["toRegionId"],
    error: "toRegionId must differ from fromRegionId",
  });

export type TScaleUp = z.infer<typeof ZScaleUp>;
export type TOperationalEvent = z.infer<typeof ZOperationalEvent>;

/** An event line is a one-off amount, not a monthly one. */
export type TEventCostLine = Omit<TCostLine, "monthlyUsd"> & { usd: number };
export type TEventCost = { totalUsd: number; lines: TEventCostLine[] };

function regionOf(estate: TEstate, regionId: string, field: string): TRegion {
  const region = estate.regions.find((candidate) => candidate.id === regionId);
  if (!region) {
    throw new CostError(
      "UNKNOWN_REGION",
      `${field} "${regionId}" is not a region of the estate (known: ${estate.regions.map((r) => r.id).join(", ")})`,
    );
  }
  return region;
}

function dnsSpikeLines(estate: TEstate, event: TOperationalEvent, price: TPriceLookup): TEventCostLine[] {
  const { provider, charges } = ROUTING_CHARGES[estate.routing.product];
  // Proxies (Front Door) re-route at the edge and do not bill DNS queries: nothing to add.
  const dnsCharge = charges.find((charge) => charge.unit === "million-queries");
  if (!dnsCharge || event.dnsQueriesSpikeMillions === 0) return [];
  const unitPriceUsd = price(provider, dnsCharge.item, dnsCharge.unit);
  const quantity = event.dnsQueriesSpikeMillions;
  return [
    {
      category: "routing",
      description: `${dnsCharge.description}: spike during the ${event.kind.toLowerCase()}`,
      quantity,
      unit: dnsCharge.unit,
      unitPriceUsd,
      usd: quantity * unitPriceUsd,
    },
  ];
}

export function computeEventCost(
  estateInput: TEstate,
  eventInput: TOperationalEvent,
  catalogInput: TPriceCatalog,
): TEventCost {
  const estate = parseInput(ZEstate, estateInput, "estate");
  const event = parseInput(ZOperationalEvent, eventInput, "event");
  const price = createPriceLookup(parseInput(ZPriceCatalog, catalogInput, "price catalog"));
  const from = regionOf(estate, event.fromRegionId, "fromRegionId");
  const to = regionOf(estate, event.toRegionId, "toRegionId");

  const lines: TEventCostLine[] = [];
  if (event.catchUpGb > 0) {
    const { path, unitPriceUsd } = routePricePerGb(from, to, price);
    lines.push({
      category: "transfer",
      regionCode: from.code,
      description: `catch-up ${from.code} -> ${to.code}: ${event.catchUpGb} GB ${PATH_WORDS[path.kind]}`,
      quantity: event.catchUpGb,
      unit: "GB",
      unitPriceUsd,
      usd: event.catchUpGb * unitPriceUsd,
    });
  }
  for (const scaleUp of event.scaleUps) {
    const quantity = scaleUp.instancesAdded * scaleUp.hours;
    if (quantity === 0) continue;
    const unitPriceUsd = price(to.provider, stackItemKey(scaleUp.kind, scaleUp.instanceSize), "instance-hour");
    lines.push({
      category: CATEGORY_OF_KIND[scaleUp.kind],
      regionCode: to.code,
      description: `scale-up in ${to.code}: ${sizeLabel({ instanceCount: scaleUp.instancesAdded, instanceSize: scaleUp.modelSize ?? scaleUp.instanceSize })} ${label(scaleUp.kind).toLowerCase()} for ${scaleUp.hours} h`,
      quantity,
      unit: "instance-hour",
      unitPriceUsd,
      usd: quantity * unitPriceUsd,
    });
  }
  lines.push(...dnsSpikeLines(estate, event, price));
  return { totalUsd: lines.reduce((total, line) => total + line.usd, 0), lines };
}
