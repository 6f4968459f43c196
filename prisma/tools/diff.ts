// `npm run db:diff -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL
// that takes the schema of the newest migration to prisma/schema.prisma.
//
// Each migration folder keeps the schema it was made from (schema.prisma beside migration.sql), and
// the diff is schema-to-schema: no database is read. That is on purpose: introspecting a live
// database through the WebAssembly engine fails here, and a schema-to-schema diff leaves alone the
// SQL that Prisma cannot express (check constraints, triggers, partial indexes) which migrations add
// by hand.
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { ensurePostgres } from "../../scripts/lib/postgres.mjs";
import { MIGRATIONS_DIR, NO_FILTERS, openSchemaEngine, SCHEMA_PATH } from "./engine";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:diff -- <name>   (name: lower-case letters, digits and underscores)");
  process.exit(2);
}

async function previousSchema(): Promise<string | null> {
  if (!existsSync(MIGRATIONS_DIR)) return null;
  const folders = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const newest = folders.at(-1);
  if (!newest) return null;
  const snapshot = path.join(MIGRATIONS_DIR, newest, "schema.prisma");
  if (!existsSync(snapshot))
    throw new Error(`${snapshot} is missing: every migration keeps the schema it was made from`);
  return readFile(snapshot, "utf8");
}

const file = path.basename(SCHEMA_PATH);
const before = await previousSchema();
// The engine opens a connection when it starts, though a diff between two datamodels reads nothing.
const database = await ensurePostgres({ log: (line: string) => console.log(`db: ${line}`) });
const engine = await openSchemaEngine(database.url);
const result = await engine.diff({
  from: before === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: file, content: before }] },
  to: { tag: "schemaDatamodel", files: [{ path: file, content: await readFile(SCHEMA_PATH, "utf8") }] },
  script: true,
  exitCode: null,
  filters: NO_FILTERS,
} as never);
engine.free();
await database.stop();

const sql = (result.stdout ?? "").trim();
if (!sql || sql === "-- This is an empty migration.") {
  console.log("db: the schema matches the newest migration; nothing written");
} else {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), `${sql}\n`);
  await copyFile(SCHEMA_PATH, path.join(dir, "schema.prisma"));
  await writeFile(path.join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');
  console.log(`db: wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}
