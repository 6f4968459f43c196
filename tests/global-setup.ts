// Vitest global setup: a fresh database on real PostgreSQL (DATABASE_URL's server, or the embedded
// one) for this run, migrated with the project's own migrations, dropped afterwards.
import type { TestProject } from "vitest/node";

import { applyMigrations } from "../prisma/tools/migrations";
import { createDatabaseIfMissing, dropDatabase, ensurePostgres, withDatabase } from "../scripts/lib/postgres.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await ensurePostgres({ ephemeral: true });
  const url = withDatabase(server.url, `meridian_test_${Date.now()}_${process.pid}`);
  await createDatabaseIfMissing(url);
  await applyMigrations(url);
  project.provide("databaseUrl", url);
  return async () => {
    if (!process.env.MERIDIAN_KEEP_TEST_DB) await dropDatabase(url);
    await server.stop();
  };
}
