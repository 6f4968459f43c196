// Reads prisma/migrations and applies what is pending, recording it in `_prisma_migrations` just as
// `prisma migrate deploy` would (so a machine with the native engine can take over the history).
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { grantAppRole, userOf } from "../../scripts/lib/db-roles.mjs";
import { MIGRATIONS_DIR, NO_FILTERS, openSchemaEngine } from "./engine";

const LOCKFILE = "migration_lock.toml";

export async function loadMigrationList() {
  const names = existsSync(MIGRATIONS_DIR)
    ? (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: {
          tag: "ok" as const,
          value: await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"),
        },
      },
    })),
  );
  const lockPath = path.join(MIGRATIONS_DIR, LOCKFILE);
  const lockContent = existsSync(lockPath) ? await readFile(lockPath, "utf8") : 'provider = "postgresql"\n';
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: LOCKFILE, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/**
 * Applies pending migrations to the database at `url` (its owner's), then grants the role of
 * `appUrl`, when it is another role, what the console needs; returns the names applied.
 */
export async function applyMigrations(url: string, { appUrl }: { appUrl?: string } = {}): Promise<string[]> {
  const engine = await openSchemaEngine(url);
  let applied: string[];
  try {
    const migrationsList = await loadMigrationList();
    const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS } as never);
    applied = result.appliedMigrationNames;
  } finally {
    engine.free();
  }
  if (appUrl && userOf(appUrl) !== userOf(url)) await grantAppRole(url, userOf(appUrl));
  return applied;
}
