// The price catalog: lib/cost's DEFAULT_CATALOG, with its effective date and source notes. Idempotent:
// only prices missing by (provider, item) are added, so an admin's edits are never overwritten.
import { DEFAULT_CATALOG } from "@/lib/cost";
import type { Db } from "@/server/db";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";

/** Returns how many prices were added (0 when the catalog was complete already). */
export async function seedCatalog(db: Db): Promise<number> {
  const effectiveDate = new Date(`${DEFAULT_CATALOG.effectiveDate}T00:00:00Z`);
  return db.$transaction(async (tx) => {
    // ON CONFLICT DO NOTHING: a seed racing another one adds each price once.
    const { count } = await tx.priceItem.createMany({
      data: DEFAULT_CATALOG.items.map(({ provider, item, unitPriceUsd, unit, source }) => ({
        provider,
        item,
        unitPriceUsd,
        unit,
        source,
        effectiveDate,
      })),
      skipDuplicates: true,
    });
    if (count > 0) {
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: "catalog.seed",
        objectType: "priceCatalog",
        summary: `seeded ${count} of ${DEFAULT_CATALOG.items.length} catalog prices effective ${DEFAULT_CATALOG.effectiveDate} (lib/cost DEFAULT_CATALOG)`,
        after: { effectiveDate: DEFAULT_CATALOG.effectiveDate, added: count },
      });
    }
    return count;
  });
}
