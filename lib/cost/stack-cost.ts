// Monthly cost of one region's stack: what actually runs there, including database replicas.
import { label, sizeLabel, tieredSizeLabel } from "@/lib/topology/words";

import type { TCostCategory, TCostLine } from "./cost-line";
import { STACK_UNIT, stackItemKey } from "./price-keys";
import type { TPriceLookup } from "./price-lookup";
import type { TComponentKind, TRegion, TReplica, TStackComponent } from "./schema";
import { HOURS_PER_MONTH } from "./units";

export const CATEGORY_OF_KIND: Record<TComponentKind, TCostCategory> = {
  COMPUTE: "compute",
  DATABASE: "databases",
  CACHE: "caches",
  OBJECT_STORAGE: "objectStorage",
  CDN: "cdn",
};

/** Used only when neither the replica nor the primary says how big a database instance is. */
export const FALLBACK_REPLICA_SIZE = "medium";

/**
 * The tier is a label; instanceCount is what runs and what is billed. FULL and SCALED_DOWN both pay
 * instanceCount as given (a warm standby is simply fewer instances); OFF pays nothing, whatever the count.
 */
export function billedInstanceCount(component: TStackComponent): number {
  return component.tier === "OFF" ? 0 : component.instanceCount;
}

/** What a component is called in a line: the model's size name, and the class it is priced as when that differs. */
function sizeWords(component: TStackComponent, count = component.instanceCount): string {
  const named = { ...component, instanceCount: count, instanceSize: component.modelSize ?? component.instanceSize };
  const priced = component.modelSize ? ` (priced as ${component.instanceSize})` : "";
  return `${tieredSizeLabel(named)}${priced}`;
}

function componentLine(
  region: TRegion,
  kind: TComponentKind,
  count: number,
  size: string,
  words: string,
  price: TPriceLookup,
): TCostLine {
  const unit = STACK_UNIT[kind];
  const unitPriceUsd = price(region.provider, stackItemKey(kind, size), unit);
  // Instances bill by the hour; storage and CDN size classes are already monthly units.
  const quantity = unit === "instance-hour" ? count * HOURS_PER_MONTH : count;
  return {
    category: CATEGORY_OF_KIND[kind],
    regionCode: region.code,
    description: `${label(kind).toLowerCase()}: ${words}`,
    quantity,
    unit,
    unitPriceUsd,
    monthlyUsd: quantity * unitPriceUsd,
  };
}

/** A replica is a running database instance: a region pays for its replicas even when its DATABASE component is OFF or absent. */
function databaseLines(
  region: TRegion,
  replicas: readonly TReplica[],
  primaryDatabaseSize: string | undefined,
  price: TPriceLookup,
): TCostLine[] {
  const database = region.components.find((component) => component.kind === "DATABASE");
  const runningCount = database ? billedInstanceCount(database) : 0;
  if (database && runningCount > 0) {
    // The component's instances are the replicas; more replicas than instances means more instances run.
    const count = Math.max(runningCount, replicas.length);
    const raised = replicas.length > runningCount ? `, raised to its ${replicas.length} replicas` : "";
    return [
      componentLine(region, "DATABASE", count, database.instanceSize, `${sizeWords(database, count)}${raised}`, price),
    ];
  }
  const why = database ? "its database component is off" : "it has no database component";
  return replicas.map((replica) => {
    const size = replica.instanceSize ?? primaryDatabaseSize ?? FALLBACK_REPLICA_SIZE;
    return componentLine(
      region,
      "DATABASE",
      1,
      size,
      `${sizeLabel({ instanceCount: 1, instanceSize: size })} (replica ${replica.id} kept in sync; ${why})`,
      price,
    );
  });
}

export function stackLines(
  region: TRegion,
  replicas: readonly TReplica[],
  primaryDatabaseSize: string | undefined,
  price: TPriceLookup,
): TCostLine[] {
  const otherLines = region.components
    .filter((component) => component.kind !== "DATABASE" && billedInstanceCount(component) > 0)
    .map((component) =>
      componentLine(
        region,
        component.kind,
        component.instanceCount,
        component.instanceSize,
        sizeWords(component),
        price,
      ),
    );
  return [...databaseLines(region, replicas, primaryDatabaseSize, price), ...otherLines];
}
