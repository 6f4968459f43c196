// `npm run db:migrate`: applies pending migrations as the owner of the schema (the embedded server's,
// or MERIDIAN_OWNER_DATABASE_URL, else DATABASE_URL), grants the console's role what it needs, and
// re-seals an audit chain written before the chain was keyed.
import { ensurePostgres } from "../../scripts/lib/postgres.mjs";
import { applyMigrations } from "./migrations";

const database = await ensurePostgres({ log: (line: string) => console.log(`db: ${line}`) });
try {
  const applied = await applyMigrations(database.url, { appUrl: database.appUrl });
  console.log(applied.length ? `db: applied ${applied.join(", ")}` : "db: schema is up to date");
  if (database.url === database.appUrl)
    console.log(
      "db: the console connects as the owner of the schema; give it a role that owns nothing (docs/SECURITY.md)",
    );
  // Imported once DATABASE_URL names the owner: re-sealing rewrites records, which only the owner may.
  process.env.DATABASE_URL = database.url;
  const { resealLegacyChain } = await import("@/server/domain/audit/reseal-legacy");
  const { db } = await import("@/server/db");
  try {
    const resealed = await resealLegacyChain(db);
    if (resealed) console.log(`db: ${resealed}`);
  } finally {
    await db.$disconnect();
  }
} finally {
  await database.stop();
}
