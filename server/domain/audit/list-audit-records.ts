// Pages through the audit trail, newest first, with the filters of the Audit page.
import type { TAuditQuery } from "@/lib/audit/contracts";
import type { Db } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";

export async function listAuditRecords(db: Db, filter: TAuditQuery) {
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
