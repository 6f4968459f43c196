// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded PostgreSQL.
import { ensurePostgres } from "../../scripts/lib/postgres.mjs";
import { applyMigrations } from "./migrations";

const database = await ensurePostgres({ log: (line: string) => console.log(`db: ${line}`) });
try {
  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `db: applied ${applied.join(", ")}` : "db: schema is up to date");
} finally {
  await database.stop();
}
