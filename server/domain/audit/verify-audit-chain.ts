// Walks the audit chain from the first record and says whether it verifies, and where it breaks:
// every record's MAC (keyed outside the database), every link, the head's MAC, and the newest
// checkpoint published outside the database, which the chain must still hold.
import type { Db } from "@/server/db";
import type { AuditRecord } from "@/server/generated/prisma/client";

import { auditHash, GENESIS_HASH, headMac } from "./audit-hash";
import { checkpointSignatureValid, newestCheckpoint, type AuditCheckpoint } from "./checkpoint";

export type ChainVerdict =
  | { verified: true; recordsChecked: number; headSeq: string | null; checkpointSeq: string | null }
  | { verified: false; recordsChecked: number; brokenAtSeq: string | null; reason: string };

const BATCH = 2_000;

export type VerifyOptions = {
  /** The checkpoint to hold the chain to; by default the newest in the checkpoint file. */
  checkpoint?: AuditCheckpoint | null;
};

export async function verifyAuditChain(db: Db, options: VerifyOptions = {}): Promise<ChainVerdict> {
  const checkpoint = options.checkpoint === undefined ? newestCheckpoint() : options.checkpoint;
  if (checkpoint && !checkpointSignatureValid(checkpoint)) {
    return broken(0, null, `the checkpoint of record ${checkpoint.seq} is not signed by this deployment's audit key`);
  }
  let prevHash = GENESIS_HASH;
  let lastSeq: bigint | null = null;
  let checked = 0;
  let checkpointSeen = false;
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
          `record ${record.seq} does not follow the one before it: a record was removed, inserted or moved`,
        );
      }
      if (auditHash(prevHash, record.seq, record) !== record.hash) {
        return broken(checked, record.seq, `record ${record.seq} was changed after it was written`);
      }
      if (checkpoint && String(record.seq) === checkpoint.seq) {
        if (record.hash !== checkpoint.hash)
          return broken(checked, record.seq, checkpointMissing(checkpoint, "was rewritten"));
        checkpointSeen = true;
      }
      prevHash = record.hash;
      lastSeq = record.seq;
      checked += 1;
    }
    if (batch.length < BATCH) break;
  }
  const head = await db.auditHead.findUnique({ where: { id: 1 } });
  if ((head?.hash ?? GENESIS_HASH) !== prevHash || (head && head.seq !== lastSeq)) {
    return broken(
      checked,
      head?.seq ?? null,
      "the newest records were removed: the chain ends before its recorded head",
    );
  }
  if (head && head.mac !== headMac(head.seq, head.hash)) {
    return broken(checked, head.seq, "the chain's head was set by hand: its MAC does not match");
  }
  if (checkpoint && !checkpointSeen) {
    return broken(checked, lastSeq, checkpointMissing(checkpoint, "is missing"));
  }
  return {
    verified: true,
    recordsChecked: checked,
    headSeq: lastSeq === null ? null : String(lastSeq),
    checkpointSeq: checkpoint?.seq ?? null,
  };
}

function checkpointMissing(checkpoint: AuditCheckpoint, what: string) {
  return `record ${checkpoint.seq}, which the checkpoint signed at ${checkpoint.at} saw, ${what}: records were removed or rewritten after it`;
}

function broken(checked: number, seq: bigint | null, reason: string): ChainVerdict {
  return { verified: false, recordsChecked: checked, brokenAtSeq: seq === null ? null : String(seq), reason };
}
