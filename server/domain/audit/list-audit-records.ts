// Pages through the audit trail, newest first, with the filters of the Audit page; each record
// comes with the console page of its object (audit-links.ts).
import { AUDIT_CATEGORY_PREFIX, type TAuditQuery } from "@/lib/audit/contracts";
import type { Db } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";

import { auditLinks } from "./audit-links";

const SIGN_IN_PREFIX = AUDIT_CATEGORY_PREFIX.signIns;

export async function listAuditRecords(db: Db, filter: TAuditQuery) {
  const where: Prisma.AuditRecordWhereInput = {
    AND: [
      filter.actorEmail ? { actorEmail: { contains: filter.actorEmail, mode: "insensitive" } } : {},
      filter.action ? { action: { startsWith: filter.action } } : {},
      filter.category ? { action: { startsWith: AUDIT_CATEGORY_PREFIX[filter.category] } } : {},
      filter.hideSignIns ? { NOT: { action: { startsWith: SIGN_IN_PREFIX } } } : {},
      filter.objectType ? { objectType: filter.objectType } : {},
      filter.from || filter.to ? { at: { gte: filter.from, lte: filter.to } } : {},
      filter.cursor ? { seq: { lt: BigInt(filter.cursor) } } : {},
    ],
  };
  const records = await db.auditRecord.findMany({ where, orderBy: { seq: "desc" }, take: filter.limit + 1 });
  const page = records.slice(0, filter.limit);
  const links = await auditLinks(db, page);
  return {
    records: page.map((r, index) => ({ ...r, seq: String(r.seq), link: links[index] ?? null })),
    nextCursor: records.length > filter.limit ? String(page.at(-1)!.seq) : null,
  };
}
