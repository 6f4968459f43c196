// The catalog item keys and units the model asks for, kept in one place so catalog and model agree.
import type { TComponentKind } from "./schema";

export type TPriceUnit =
  | "instance-hour"
  | "bucket-month"
  | "distribution-month"
  | "GB"
  | "million-queries"
  | "million-requests"
  | "health-check-month"
  | "month";

const STACK_ITEM_PREFIX: Record<TComponentKind, string> = {
  COMPUTE: "compute",
  DATABASE: "database",
  CACHE: "cache",
  OBJECT_STORAGE: "object-storage",
  CDN: "cdn",
};

/**
 * Instances are billed by the hour; storage and CDN have no instances, so their size class stands for
 * an amount of data held or served per month and is priced as a monthly unit (see the catalog notes).
 */
export const STACK_UNIT: Record<TComponentKind, TPriceUnit> = {
  COMPUTE: "instance-hour",
  DATABASE: "instance-hour",
  CACHE: "instance-hour",
  OBJECT_STORAGE: "bucket-month",
  CDN: "distribution-month",
};

export function stackItemKey(kind: TComponentKind, instanceSize: string): string {
  return `${STACK_ITEM_PREFIX[kind]}.${instanceSize}`;
}

/** The inter-continent price for bytes leaving a region on `continent` (NA, EU, AS, ...). */
export const interContinentItemFrom = (continent: string) => `transfer.inter-continent.from-${continent}`;

export const TRANSFER_ITEM = {
  /** Between two regions of one provider on one continent. */
  sameContinent: "transfer.same-continent",
  /** Between two regions of one provider on different continents. */
  interContinent: "transfer.inter-continent",
  /** Leaving the provider for the internet: what a cross-provider link or user traffic pays. */
  internetEgress: "transfer.internet-egress",
} as const;
