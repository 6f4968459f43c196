// A throw-away database for a benchmark: an ephemeral embedded PostgreSQL (or DATABASE_URL's server,
// when set), a fresh database with the project's migrations, and the app's own Prisma client on it.
import type { Db } from "@/server/db";

import { applyMigrations } from "../../prisma/tools/migrations";
import { createDatabaseIfMissing, dropDatabase, ensurePostgres, withDatabase } from "../lib/postgres.mjs";

export type BenchDatabase = { db: Db; url: string; close: () => Promise<void> };

export async function openBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const server = await ensurePostgres({ ephemeral: true, log });
  const url = withDatabase(server.url, `meridian_bench_${Date.now()}_${process.pid}`);
  await createDatabaseIfMissing(url);
  await applyMigrations(url);
  // server/db reads DATABASE_URL when first used; it must point at the bench database before the import.
  process.env.DATABASE_URL = url;
  const { db } = await import("@/server/db");
  return {
    db,
    url,
    close: async () => {
      await db.$disconnect();
      await dropDatabase(url);
      await server.stop();
    },
  };
}

/** Median, min and max of a list of numbers. */
export function spread(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** The value at quantile q (nearest rank) of a list of numbers. */
export function quantile(values: number[], q: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
