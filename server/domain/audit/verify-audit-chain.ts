// Walks the audit chain from the first record and says whether it verifies, and where it breaks.
import type { Db } from "@/server/db";
import type { AuditRecord } from "@/server/generated/prisma/client";

import { auditHash, GENESIS_HASH } from "./audit-hash";

export type ChainVerdict =
  | { verified: true; recordsChecked: number; headSeq: string | null }
  | { verified: false; recordsChecked: number; brokenAtSeq: string | null; reason: string };

const BATCH = 2_000;

export async function verifyAuditChain(db: Db): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let lastSeq: bigint | null = null;
  let checked = 0;
  for (;;) {
    const batch: AuditRecord[] = await db.auditRecord.findMany({
      where: lastSeq === null ? {} : { seq: { gt: lastSeq } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    for (const record of batch) {
      if (record.prevHash !== prevHash) {
        return broken(
          checked,
          record.seq,
          `record ${record.seq} does not follow the one before it: a record was removed or inserted`,
        );
      }
      const expected = auditHash(prevHash, record);
      if (expected !== record.hash) {
        return broken(checked, record.seq, `record ${record.seq} was changed after it was written`);
      }
      prevHash = record.hash;
      lastSeq = record.seq;
      checked += 1;
    }
    if (batch.length < BATCH) break;
  }
  const head = await db.auditHead.findUnique({ where: { id: 1 } });
  if ((head?.hash ?? GENESIS_HASH) !== prevHash) {
    return broken(
      checked,
      head?.seq ?? null,
      "the newest records were removed: the chain ends before its recorded head",
    );
  }
  return { verified: true, recordsChecked: checked, headSeq: lastSeq === null ? null : String(lastSeq) };
}

function broken(checked: number, seq: bigint | null, reason: string): ChainVerdict {
  return { verified: false, recordsChecked: checked, brokenAtSeq: seq === null ? null : String(seq), reason };
}
