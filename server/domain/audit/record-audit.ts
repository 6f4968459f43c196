// Appends one record to the audit chain, inside the caller's transaction, so the record exists
// exactly when the change it describes was committed.
import type { Tx } from "@/server/db";
import type { Actor } from "@/server/domain/identity/actor";
import type { Prisma } from "@/server/generated/prisma/client";

import { auditHash, GENESIS_HASH, headMac } from "./audit-hash";

export type AuditEntry = {
  action: string;
  objectType: string;
  objectId?: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
};

// One chain means one writer at a time: a transaction-scoped advisory lock orders appends across
// every process, and is released by the commit or rollback.
const AUDIT_LOCK_KEY = 4_242_001;

export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.$executeRaw`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`;
  const head = await tx.auditHead.findUnique({ where: { id: 1 } });
  const prevHash = head?.hash ?? GENESIS_HASH;
  // The number is taken before the MAC is computed, because the MAC covers it; under the lock,
  // numbers are handed out in chain order.
  const [{ seq }] = await tx.$queryRaw<
    [{ seq: bigint }]
  >`select nextval(pg_get_serial_sequence('"AuditRecord"', 'seq')) as seq`;
  const content = {
    at: new Date(),
    actorId: actor.userId,
    actorEmail: actor.email,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    summary: entry.summary,
    before: toJson(entry.before),
    after: toJson(entry.after),
  };
  const hash = auditHash(prevHash, seq, content);
  await tx.auditRecord.create({
    data: {
      ...content,
      seq,
      before: content.before ?? undefined,
      after: content.after ?? undefined,
      prevHash,
      hash,
    },
  });
  const mac = headMac(seq, hash);
  await tx.auditHead.upsert({
    where: { id: 1 },
    create: { id: 1, seq, hash, mac },
    update: { seq, hash, mac },
  });
}

/** Dates become ISO strings and undefined fields vanish, as they would after a JSON round trip. */
function toJson(value: unknown): Prisma.InputJsonValue | null {
  if (value === undefined || value === null) return null;
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}
