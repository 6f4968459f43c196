// A database Meridian has never seen, as `DATABASE_URL` gives one in production: the seed makes no
// demo users there unless asked (their passwords are published), `npm run admin:first` makes the
// one first admin and refuses a second, and a chain written before the audit key existed is
// re-sealed once when it verifies and left alone when it does not. Each runs on databases of its
// own, so that the shared test database (full of admins and keyed records) cannot blur them.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, inject, it } from "vitest";

import { DEMO_USERS } from "@/prisma/seed/demo-users";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { applyMigrations } from "@/prisma/tools/migrations";
import { createDatabaseIfMissing, dropDatabase, withDatabase } from "@/scripts/lib/postgres.mjs";
import type { Db } from "@/server/db";
import { GENESIS_HASH, legacyAuditHash } from "@/server/domain/audit/audit-hash";
import { resealLegacyChain } from "@/server/domain/audit/reseal-legacy";
import { verifyAuditChain } from "@/server/domain/audit/verify-audit-chain";
import { createFirstAdmin } from "@/server/domain/identity/first-admin";
import { PrismaClient } from "@/server/generated/prisma/client";

const made: { ownerUrl: string; clients: PrismaClient[] }[] = [];

async function freshDatabase(label: string) {
  const name = `meridian_${label}_${Date.now()}_${process.pid}`;
  const ownerUrl = withDatabase(inject("ownerDatabaseUrl"), name);
  const appUrl = withDatabase(inject("databaseUrl"), name);
  await createDatabaseIfMissing(ownerUrl);
  await applyMigrations(ownerUrl, { appUrl });
  const connect = (url: string) => new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const app = connect(appUrl);
  const owner = connect(ownerUrl);
  made.push({ ownerUrl, clients: [app, owner] });
  return { app: app as unknown as Db, owner: owner as unknown as Db };
}

afterAll(async () => {
  for (const { ownerUrl, clients } of made) {
    await Promise.all(clients.map((client) => client.$disconnect()));
    if (!process.env.MERIDIAN_KEEP_TEST_DB) await dropDatabase(ownerUrl);
  }
});

describe("a database given by DATABASE_URL", () => {
  it("gets the price catalog but no demo users unless the demo is asked for, and one first admin", async () => {
    const { app } = await freshDatabase("bootstrap");
    await seedDemo(app, () => {}, { demo: false });
    expect(await app.user.count()).toBe(0);
    expect(await app.deployment.count()).toBe(0);
    expect(await app.priceItem.count()).toBeGreaterThan(0);

    const admin = await createFirstAdmin(app, {
      email: "first@example.com",
      name: "First Admin",
      role: "ADMIN",
      password: "a-long-one-time-password",
    });
    expect(admin.role).toBe("ADMIN");
    const audited = await app.auditRecord.findFirstOrThrow({ where: { action: "user.create", objectId: admin.id } });
    expect(audited.summary).toContain("first admin");
    expect(audited.summary).not.toContain("a-long-one-time-password");

    await expect(
      createFirstAdmin(app, {
        email: "second@example.com",
        name: "Second",
        role: "ADMIN",
        password: "another-password-x",
      }),
    ).rejects.toThrow(/there is an admin already \(first@example.com\)/);
    expect(await app.user.count()).toBe(1);

    await seedDemo(app, () => {}, { demo: true });
    const emails = (await app.user.findMany({ select: { email: true } })).map((u) => u.email);
    for (const demoUser of DEMO_USERS) expect(emails).toContain(demoUser.email);
  });
});

describe("an audit chain written before the audit key existed", () => {
  /** Writes `count` records chained the old way (plain SHA-256), as the owner, and points the head at them. */
  async function writeLegacyChain(owner: Db, count: number) {
    let prev = GENESIS_HASH;
    let seq = 0n;
    for (let i = 0; i < count; i++) {
      const content = {
        at: new Date(Date.UTC(2026, 10, 1, 12, 0, i)),
        actorId: null,
        actorEmail: "system@meridian.local",
        action: "legacy.event",
        objectType: "test",
        objectId: `legacy-${i}`,
        summary: `legacy event ${i}`,
        before: null,
        after: { i },
      };
      const hash = legacyAuditHash(prev, content);
      const record = await owner.auditRecord.create({
        data: { ...content, before: undefined, prevHash: prev, hash },
      });
      prev = hash;
      seq = record.seq;
    }
    await owner.auditHead.create({ data: { id: 1, seq, hash: prev } });
  }

  it("is re-sealed with the key once when it verifies as written, and the re-sealing is audited", async () => {
    const { owner } = await freshDatabase("reseal");
    await writeLegacyChain(owner, 4);
    expect((await verifyAuditChain(owner, { checkpoint: null })).verified).toBe(false);

    expect(await resealLegacyChain(owner)).toBe("re-sealed 4 audit records with the audit key");
    const verdict = await verifyAuditChain(owner, { checkpoint: null });
    expect(verdict).toMatchObject({ verified: true, recordsChecked: 5 });
    expect(await owner.auditRecord.count({ where: { action: "audit.resealed" } })).toBe(1);
    expect(await resealLegacyChain(owner), "a keyed chain is never re-sealed again").toBeNull();
  });

  it("is left as it is when it does not verify, so verification keeps saying where it breaks", async () => {
    const { owner } = await freshDatabase("reseal_broken");
    await writeLegacyChain(owner, 3);
    await owner.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`alter table "AuditRecord" disable trigger "AuditRecord_append_only"`);
      await tx.$executeRawUnsafe(`update "AuditRecord" set summary = 'rewritten' where "objectId" = 'legacy-1'`);
      await tx.$executeRawUnsafe(`alter table "AuditRecord" enable trigger "AuditRecord_append_only"`);
    });
    const before = await owner.auditRecord.findMany({ orderBy: { seq: "asc" } });

    expect(await resealLegacyChain(owner)).toMatch(/does not verify at record \d+: left as it is/);
    expect(await owner.auditRecord.findMany({ orderBy: { seq: "asc" } })).toEqual(before);
    expect(await owner.auditHead.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ mac: "" });
  });
});
