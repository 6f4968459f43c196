// The audit chain verifies as written and detects each way someone with the database's owner rights
// could rewrite it: an edited record, a removed one, two swapped, the tail removed with the head set
// back, and a record edited then the chain re-hashed from there. The console's own role cannot do any
// of it: it owns nothing, so it cannot even switch the trigger off. Tampering runs as the owner in a
// transaction that is always rolled back.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, inject, it } from "vitest";

import { db, type Db } from "@/server/db";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";
import { PrismaClient } from "@/server/generated/prisma/client";

import { auditHash } from "./audit-hash";
import { checkpointSignatureValid, newestCheckpoint, publishCheckpoint, signCheckpoint } from "./checkpoint";
import { recordAudit } from "./record-audit";
import { verifyAuditChain } from "./verify-audit-chain";

const owner = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("ownerDatabaseUrl") }) });
afterAll(() => owner.$disconnect());

async function appendRecords(count: number) {
  for (let i = 0; i < count; i++) {
    await db.$transaction((tx) =>
      recordAudit(tx, SYSTEM_ACTOR, {
        action: "test.event",
        objectType: "test",
        objectId: `t${i}`,
        summary: `test event ${i}`,
        after: { i, nested: { b: 2, a: 1 } },
      }),
    );
  }
  return db.auditRecord.findMany({ where: { action: "test.event" }, orderBy: { seq: "desc" }, take: count });
}

type Sql = (query: string) => Promise<unknown>;

/**
 * Runs `tamper` as the owner with the append-only triggers off, then `check` inside the same
 * transaction (so it sees the tampered rows), then rolls everything back.
 */
async function whileTampered<T>(tamper: (sql: Sql, tx: Db) => Promise<unknown>, check: (tx: Db) => Promise<T>) {
  let verdict: T | undefined;
  await owner
    .$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`alter table "AuditRecord" disable trigger "AuditRecord_append_only"`);
        await tx.$executeRawUnsafe(`alter table "AuditHead" disable trigger "AuditHead_forward"`);
        const client = tx as unknown as Db;
        await tamper((query) => tx.$executeRawUnsafe(query), client);
        verdict = await check(client);
        throw new Rollback();
      },
      { timeout: 30_000 },
    )
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return verdict as T;
}
class Rollback extends Error {}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

describe("audit chain", () => {
  it("verifies when nothing was touched, against the checkpoint published outside the database", async () => {
    await appendRecords(3);
    const checkpoint = signCheckpoint((await db.auditHead.findUniqueOrThrow({ where: { id: 1 } }))!);
    const verdict = await verifyAuditChain(db, { checkpoint });
    expect(verdict).toMatchObject({ verified: true, checkpointSeq: checkpoint.seq });
    expect(verdict.recordsChecked).toBeGreaterThanOrEqual(3);
  });

  it("refuses every rewrite through the console's own connection, which owns nothing", async () => {
    const [record] = await appendRecords(1);
    const head = await db.auditHead.findUniqueOrThrow({ where: { id: 1 } });
    await expect(
      db.auditRecord.update({ where: { seq: record!.seq }, data: { summary: "nothing happened" } }),
    ).rejects.toThrow(/permission denied|append-only/);
    await expect(db.auditRecord.delete({ where: { seq: record!.seq } })).rejects.toThrow(
      /permission denied|append-only/,
    );
    for (const statement of [
      `truncate "AuditRecord" cascade`,
      `alter table "AuditRecord" disable trigger "AuditRecord_append_only"`,
      `alter table "AuditRecord" disable trigger all`,
      `set session_replication_role = replica`,
      `delete from "AuditHead"`,
      `drop trigger "AuditRecord_append_only" on "AuditRecord"`,
    ]) {
      await expect(db.$executeRawUnsafe(statement), statement).rejects.toThrow(/permission denied|must be owner/);
    }
    // The head may only move forward, even through a role that may update it.
    await expect(db.auditHead.update({ where: { id: 1 }, data: { seq: head.seq - 1n } })).rejects.toThrow(
      /only moves forward/,
    );
    expect(await db.auditHead.findUniqueOrThrow({ where: { id: 1 } })).toEqual(head);
  });

  it("refuses TRUNCATE even for the owner while the triggers are on", async () => {
    await expect(owner.$executeRawUnsafe(`truncate "AuditRecord"`)).rejects.toThrow(/append-only \(TRUNCATE refused\)/);
    await expect(owner.$executeRawUnsafe(`truncate "AuditHead"`)).rejects.toThrow(/only moves forward/);
  });

  it("detects an edited record", async () => {
    const [, middle] = await appendRecords(3);
    const verdict = await whileTampered(
      (sql) => sql(`update "AuditRecord" set summary = 'nothing happened' where seq = ${middle!.seq}`),
      (tx) => verifyAuditChain(tx, { checkpoint: null }),
    );
    expect(verdict).toMatchObject({ verified: false, brokenAtSeq: String(middle!.seq) });
    expect(verdict.verified === false && verdict.reason).toMatch(/changed after it was written/);
  });

  it("detects a removed record", async () => {
    const [, middle] = await appendRecords(3);
    const verdict = await whileTampered(
      (sql) => sql(`delete from "AuditRecord" where seq = ${middle!.seq}`),
      (tx) => verifyAuditChain(tx, { checkpoint: null }),
    );
    expect(verdict.verified).toBe(false);
    expect(verdict.verified === false && verdict.reason).toMatch(/removed, inserted or moved/);
  });

  it("detects two records swapped, links and all", async () => {
    const [newer, older] = await appendRecords(2);
    const columns = [
      "at",
      "actorId",
      "actorEmail",
      "action",
      "objectType",
      "objectId",
      "summary",
      "before",
      "after",
      "prevHash",
      "hash",
    ];
    const verdict = await whileTampered(
      async (sql) => {
        // Move both out of the way (hash is unique), then write each into the other's place.
        await sql(`update "AuditRecord" set hash = hash || '-' where seq in (${newer!.seq}, ${older!.seq})`);
        const set = (from: typeof newer) =>
          columns
            .map((c) => {
              const value = (from as Record<string, unknown>)[c];
              if (value === null) return `"${c}" = null`;
              if (value instanceof Date) return `"${c}" = ${quote(value.toISOString())}::timestamp`;
              if (typeof value === "object") return `"${c}" = ${quote(JSON.stringify(value))}::jsonb`;
              return `"${c}" = ${quote(String(value))}`;
            })
            .join(", ");
        await sql(`update "AuditRecord" set ${set(newer)} where seq = ${older!.seq}`);
        await sql(`update "AuditRecord" set ${set(older)} where seq = ${newer!.seq}`);
      },
      (tx) => verifyAuditChain(tx, { checkpoint: null }),
    );
    expect(verdict).toMatchObject({ verified: false, brokenAtSeq: String(older!.seq) });
  });

  it("detects the tail removed and the head set back to an older one, by the checkpoint kept outside", async () => {
    await appendRecords(1);
    // What the attacker kept: the head row as it was (from a backup, say), MAC and all.
    const oldHead = await db.auditHead.findUniqueOrThrow({ where: { id: 1 } });
    await appendRecords(2);
    const checkpoint = signCheckpoint(await db.auditHead.findUniqueOrThrow({ where: { id: 1 } }));
    const tamper = async (sql: Sql) => {
      await sql(`delete from "AuditRecord" where seq > ${oldHead.seq}`);
      await sql(
        `update "AuditHead" set seq = ${oldHead.seq}, hash = ${quote(oldHead.hash)}, mac = ${quote(oldHead.mac)}`,
      );
    };
    // Within the database alone, the shortened chain is consistent: that is why checkpoints exist.
    const alone = await whileTampered(tamper, (tx) => verifyAuditChain(tx, { checkpoint: null }));
    expect(alone.verified).toBe(true);
    const verdict = await whileTampered(tamper, (tx) => verifyAuditChain(tx, { checkpoint }));
    expect(verdict.verified).toBe(false);
    expect(verdict.verified === false && verdict.reason).toMatch(
      new RegExp(`record ${checkpoint.seq}, which the checkpoint signed at .* saw, is missing`),
    );
  });

  it("detects a record edited and the chain re-hashed from there without the key", async () => {
    const [, middle] = await appendRecords(3);
    const verdict = await whileTampered(
      async (sql, tx) => {
        await sql(`update "AuditRecord" set summary = 'nothing happened' where seq = ${middle!.seq}`);
        // Re-link every record from the edited one on, as the old unkeyed chain allowed, with a guessed key.
        const guessed = createHash("sha256").update("a guessed key").digest();
        const rows = await tx.auditRecord.findMany({ where: { seq: { gte: middle!.seq } }, orderBy: { seq: "asc" } });
        let prev = rows[0]!.prevHash;
        for (const row of rows) {
          const hash = auditHash(prev, row.seq, row, guessed);
          await sql(
            `update "AuditRecord" set "prevHash" = ${quote(prev)}, hash = ${quote(hash)} where seq = ${row.seq}`,
          );
          prev = hash;
        }
        await sql(`update "AuditHead" set hash = ${quote(prev)}`);
      },
      (tx) => verifyAuditChain(tx, { checkpoint: null }),
    );
    expect(verdict).toMatchObject({ verified: false, brokenAtSeq: String(middle!.seq) });
    expect(verdict.verified === false && verdict.reason).toMatch(/changed after it was written/);
  });

  it("publishes signed checkpoints to a file outside the database, only when the head moved", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "meridian-checkpoints-"));
    try {
      const file = path.join(dir, "checkpoints.jsonl");
      await appendRecords(1);
      const first = await publishCheckpoint(db, file);
      expect(first && checkpointSignatureValid(first)).toBe(true);
      expect(await publishCheckpoint(db, file)).toBeNull();
      await appendRecords(1);
      const second = await publishCheckpoint(db, file);
      expect(BigInt(second!.seq)).toBeGreaterThan(BigInt(first!.seq));
      expect(readFileSync(file, "utf8").trim().split("\n")).toHaveLength(2);
      expect(newestCheckpoint(file)).toEqual(second);
      expect(checkpointSignatureValid({ ...second!, seq: first!.seq })).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("verifies again once the tampering is undone", async () => {
    expect((await verifyAuditChain(db, { checkpoint: null })).verified).toBe(true);
  });
});
