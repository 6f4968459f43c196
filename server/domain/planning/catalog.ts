// The price catalog as stored: what every cost is computed with, and the one edit admins make to it.
import { PROVIDERS, type TPriceItem, type TProvider } from "@/lib/cost";
import type { CatalogItemRow, TCatalogItemUpdate } from "@/lib/planning/contracts";
import { label } from "@/lib/topology/words";
import type { Db } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import type { Actor } from "@/server/domain/identity/actor";
import { AppError, notFound } from "@/server/errors";
import type { PriceItem } from "@/server/generated/prisma/client";

export type StoredCatalogItem = TPriceItem & CatalogItemRow & { provider: TProvider };
/** A TPriceCatalog whose items carry their id and own effective date. */
export type StoredCatalog = { effectiveDate: string; items: StoredCatalogItem[] };

/**
 * Past the contract's $1,000,000 ceiling, prices that no provider charges per unit: a typo (an
 * extra zero or three) would otherwise quietly multiply every estate's bill.
 */
export const PRICE_CEILING_BY_UNIT: Record<string, number> = {
  GB: 10,
  "instance-hour": 1_000,
  "million-queries": 1_000,
  "million-requests": 1_000,
  "health-check-month": 1_000,
};

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const isProvider = (provider: string): provider is TProvider => (PROVIDERS as readonly string[]).includes(provider);

export function catalogItemRow(row: PriceItem): CatalogItemRow {
  return {
    id: row.id,
    provider: row.provider,
    item: row.item,
    unitPriceUsd: row.unitPriceUsd,
    unit: row.unit,
    source: row.source,
    effectiveDate: isoDate(row.effectiveDate),
  };
}

/** Every stored price; the catalog's date is the newest date any of its prices holds from. */
export async function currentCatalog(db: Db): Promise<StoredCatalog> {
  const rows = await db.priceItem.findMany({ orderBy: [{ provider: "asc" }, { item: "asc" }] });
  if (rows.length === 0) {
    throw new AppError(
      "PRECONDITION_FAILED",
      "the price catalog is empty: seed it (npm run db:seed) before costing anything",
    );
  }
  const items = rows
    .map(catalogItemRow)
    .flatMap((row) => (isProvider(row.provider) ? [{ ...row, provider: row.provider }] : []));
  const effectiveDate = items.reduce(
    (newest, item) => (item.effectiveDate > newest ? item.effectiveDate : newest),
    items[0]!.effectiveDate,
  );
  return { effectiveDate, items };
}

/** The catalog as lib/cost's TPriceCatalog, without the storage fields. */
export function plainCatalog(catalog: StoredCatalog) {
  return {
    effectiveDate: catalog.effectiveDate,
    items: catalog.items.map(({ provider, item, unitPriceUsd, unit, source }) => ({
      provider,
      item,
      unitPriceUsd,
      unit,
      source,
    })),
  };
}

/** Sets one price (admins only: the router checks the role). Audited with the price before and after. */
export async function updateCatalogItem(db: Db, actor: Actor, input: TCatalogItemUpdate): Promise<CatalogItemRow> {
  const { id, unitPriceUsd, source } = input;
  return db.$transaction(async (tx) => {
    const before = await tx.priceItem.findUnique({ where: { id } });
    if (!before) throw notFound("the price item");
    const ceiling = PRICE_CEILING_BY_UNIT[before.unit];
    if (ceiling !== undefined && unitPriceUsd > ceiling) {
      throw new AppError(
        "BAD_REQUEST",
        `A price of $${unitPriceUsd} per ${before.unit} is not a price any provider charges (at most $${ceiling} per ${before.unit}): check for a typo`,
        { field: "unitPriceUsd" },
      );
    }
    const effectiveDate = input.effectiveDate ?? isoDate(new Date());
    const after = await tx.priceItem.update({
      where: { id },
      data: { unitPriceUsd, source, effectiveDate: new Date(`${effectiveDate}T00:00:00Z`) },
    });
    const row = catalogItemRow(after);
    await recordAudit(tx, actor, {
      action: "price.update",
      objectType: "priceItem",
      objectId: id,
      summary: `changed the ${label(before.provider)} ${before.item} price from $${before.unitPriceUsd} to $${unitPriceUsd} per ${before.unit}, effective ${effectiveDate}`,
      before: catalogItemRow(before),
      after: row,
    });
    return row;
  });
}
