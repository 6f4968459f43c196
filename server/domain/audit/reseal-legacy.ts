// Once, when a deployment first runs with a keyed chain: records written before it carry plain
// SHA-256 links, which anyone could recompute. If that chain verifies as it was written, it is
// re-sealed with the key (as the owner: the records' trigger is off for this one transaction), and
// the re-sealing is itself audited. A legacy chain that does not verify is left as it is, so that
// verification keeps reporting where it breaks.
import type { Db } from "@/server/db";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";

import { auditHash, GENESIS_HASH, headMac, legacyAuditHash } from "./audit-hash";
import { recordAudit } from "./record-audit";

/** Returns a sentence saying what was done, or null when there was nothing to do. */
export async function resealLegacyChain(db: Db): Promise<string | null> {
  const head = await db.auditHead.findUnique({ where: { id: 1 } });
  // A keyed head has its MAC; only a head written before the key existed has none.
  if (!head || head.mac !== "") return null;
  const resealed = await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`lock table "AuditRecord", "AuditHead" in exclusive mode`);
      const records = await tx.auditRecord.findMany({ orderBy: { seq: "asc" } });
      let legacyPrev = GENESIS_HASH;
      for (const record of records) {
        if (record.prevHash !== legacyPrev || legacyAuditHash(legacyPrev, record) !== record.hash)
          return `the audit chain written before it was keyed does not verify at record ${record.seq}: left as it is`;
        legacyPrev = record.hash;
      }
      if (legacyPrev !== head.hash)
        return "the audit chain written before it was keyed ends before its head: left as it is";
      await tx.$executeRawUnsafe(`alter table "AuditRecord" disable trigger "AuditRecord_append_only"`);
      await tx.$executeRawUnsafe(`alter table "AuditHead" disable trigger "AuditHead_forward"`);
      let prev = GENESIS_HASH;
      for (const record of records) {
        const hash = auditHash(prev, record.seq, record);
        await tx.auditRecord.update({ where: { seq: record.seq }, data: { prevHash: prev, hash } });
        prev = hash;
      }
      const last = records.at(-1)!;
      await tx.auditHead.update({ where: { id: 1 }, data: { hash: prev, mac: headMac(last.seq, prev) } });
      await tx.$executeRawUnsafe(`alter table "AuditHead" enable trigger "AuditHead_forward"`);
      await tx.$executeRawUnsafe(`alter table "AuditRecord" enable trigger "AuditRecord_append_only"`);
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: "audit.resealed",
        objectType: "audit",
        summary: `verified the ${records.length} records written before the audit chain was keyed, and sealed them with the key`,
        after: { records: records.length, throughSeq: String(last.seq) },
      });
      return `re-sealed ${records.length} audit records with the audit key`;
    },
    { timeout: 120_000 },
  );
  return resealed;
}
