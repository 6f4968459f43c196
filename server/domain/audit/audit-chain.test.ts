// The audit chain verifies as written, and detects an edited record, a removed record and a
// removed tail. Tampering needs the append-only trigger off, as an attacker with the table's
// owner rights would have it; each test puts everything back.
import { describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";

import { recordAudit } from "./record-audit";
import { verifyAuditChain } from "./verify-audit-chain";

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

/** Runs `tamper` with the append-only trigger off, all in one transaction that `restore` undoes. */
async function whileTampered<T>(
  tamper: (sql: typeof db.$executeRawUnsafe) => Promise<unknown>,
  check: () => Promise<T>,
): Promise<T> {
  let verdict: T | undefined;
  await db
    .$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`alter table "AuditRecord" disable trigger "AuditRecord_append_only"`);
      await tamper(tx.$executeRawUnsafe.bind(tx));
      // Verification must see the tampered rows: it reads through this transaction's connection.
      verdict = await check.call(tx);
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return verdict as T;
}
class Rollback extends Error {}

describe("audit chain", () => {
  it("verifies when nothing was touched", async () => {
    await appendRecords(3);
    const verdict = await verifyAuditChain(db);
    expect(verdict.verified).toBe(true);
    expect(verdict.recordsChecked).toBeGreaterThanOrEqual(3);
  });

  it("refuses edits and deletions through the application's connection", async () => {
    const [record] = await appendRecords(1);
    await expect(
      db.auditRecord.update({ where: { seq: record!.seq }, data: { summary: "nothing happened" } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.auditRecord.delete({ where: { seq: record!.seq } })).rejects.toThrow(/append-only/);
  });

  it("detects an edited record", async () => {
    const [, middle] = await appendRecords(3);
    const verdict = await whileTampered(
      (sql) => sql(`update "AuditRecord" set summary = 'nothing happened' where seq = ${middle!.seq}`),
      function (this: typeof db) {
        return verifyAuditChain(this);
      },
    );
    expect(verdict).toMatchObject({ verified: false, brokenAtSeq: String(middle!.seq) });
    expect(verdict.verified === false && verdict.reason).toMatch(/changed after it was written/);
  });

  it("detects a removed record", async () => {
    const [, middle] = await appendRecords(3);
    const verdict = await whileTampered(
      (sql) => sql(`delete from "AuditRecord" where seq = ${middle!.seq}`),
      function (this: typeof db) {
        return verifyAuditChain(this);
      },
    );
    expect(verdict.verified).toBe(false);
    expect(verdict.verified === false && verdict.reason).toMatch(/removed or inserted/);
  });

  it("detects a removed tail, which no later record could reveal", async () => {
    const [newest] = await appendRecords(2);
    const verdict = await whileTampered(
      (sql) => sql(`delete from "AuditRecord" where seq >= ${newest!.seq}`),
      function (this: typeof db) {
        return verifyAuditChain(this);
      },
    );
    expect(verdict.verified).toBe(false);
    expect(verdict.verified === false && verdict.reason).toMatch(/newest records were removed/);
  });

  it("verifies again once the tampering is undone", async () => {
    expect((await verifyAuditChain(db)).verified).toBe(true);
  });
});
