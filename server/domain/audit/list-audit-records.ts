// Pages through the audit trail, newest first, with the filters of the Audit page.
import { z } from "zod";

import { recordNumber } from "@/lib/schemas/fields";
import type { Db } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";

export const ZAuditFilter = z.object({
  actorEmail: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  objectType: z.string().trim().max(50).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
  /** The seq to continue below (keyset paging: stable while new records arrive). */
  cursor: recordNumber("cursor").optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TAuditFilter = z.input<typeof ZAuditFilter>;

export async function listAuditRecords(db: Db, filter: z.infer<typeof ZAuditFilter>) {
  const where: Prisma.AuditRecordWhereInput = {
    ...(filter.actorEmail ? { actorEmail: { contains: filter.actorEmail, mode: "insensitive" } } : {}),
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.objectType ? { objectType: filter.objectType } : {}),
    ...(filter.from || filter.to ? { at: { gte: filter.from, lte: filter.to } } : {}),
    ...(filter.cursor ? { seq: { lt: BigInt(filter.cursor) } } : {}),
  };
  const records = await db.auditRecord.findMany({ where, orderBy: { seq: "desc" }, take: filter.limit + 1 });
  const page = records.slice(0, filter.limit);
  return {
    records: page.map((r) => ({ ...r, seq: String(r.seq) })),
    nextCursor: records.length > filter.limit ? String(page.at(-1)!.seq) : null,
  };
}
