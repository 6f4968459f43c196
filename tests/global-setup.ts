// Vitest global setup: a fresh database on real PostgreSQL (DATABASE_URL's server, or the embedded
// one) for this run, migrated as its owner with the project's own migrations, dropped afterwards.
// Tests connect as the console does: as the role that owns nothing. The audit key and the
// checkpoint file are this run's own.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { applyMigrations } from "../prisma/tools/migrations";
import { createDatabaseIfMissing, dropDatabase, ensurePostgres, withDatabase } from "../scripts/lib/postgres.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    ownerDatabaseUrl: string;
    auditKey: string;
    auditCheckpoints: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await ensurePostgres({ ephemeral: true });
  const name = `meridian_test_${Date.now()}_${process.pid}`;
  const ownerUrl = withDatabase(server.url, name);
  const appUrl = withDatabase(server.appUrl, name);
  await createDatabaseIfMissing(ownerUrl);
  await applyMigrations(ownerUrl, { appUrl });
  const scratch = mkdtempSync(path.join(tmpdir(), "meridian-test-"));
  project.provide("databaseUrl", appUrl);
  project.provide("ownerDatabaseUrl", ownerUrl);
  project.provide("auditKey", randomBytes(48).toString("base64url"));
  project.provide("auditCheckpoints", path.join(scratch, "audit-checkpoints.jsonl"));
  return async () => {
    if (!process.env.MERIDIAN_KEEP_TEST_DB) await dropDatabase(ownerUrl);
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  };
}
