// How long samples and rollups are kept, and the job that deletes what is older. The policy in
// force comes from the MERIDIAN_RETENTION_* variables (server/env.ts).
//
// Deletes go in chunks of at most `chunkSize` rows, each its own short statement (autocommit): a
// backlog of millions of rows never holds locks or bloats one transaction, and ingest and rollups
// keep running between chunks.
import type { Db } from "@/server/db";

export type RetentionPolicy = { rawHours: number; minuteRollupDays: number; hourRollupDays: number };

export const DEFAULT_RETENTION: RetentionPolicy = { rawHours: 48, minuteRollupDays: 30, hourRollupDays: 365 };

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The oldest instant each kind of data is kept from, at `nowMs`. */
export function retentionCutoffs(nowMs: number, policy: RetentionPolicy) {
  return {
    rawFromMs: nowMs - policy.rawHours * HOUR_MS,
    minuteRollupFromMs: nowMs - policy.minuteRollupDays * DAY_MS,
    hourRollupFromMs: nowMs - policy.hourRollupDays * DAY_MS,
  };
}

export type RetentionResult = {
  lag: number;
  health: number;
  traffic: number;
  conflicts: number;
  minuteRollups: number;
  hourRollups: number;
};

// Table and column names are constants of this file, never input. Each chunk picks victims by the
// time index and deletes them by ctid, so a chunk touches at most `limit` rows.
const SAMPLE_TABLES = {
  lag: "LagSample",
  health: "HealthSample",
  traffic: "TrafficSample",
  conflicts: "ConflictSample",
} as const;

async function deleteInChunks(
  db: Db,
  table: string,
  where: string,
  params: unknown[],
  chunkSize: number,
): Promise<number> {
  const sql = `
    delete from "${table}" where ctid = any(array(
      select ctid from "${table}" where ${where} limit $${params.length + 1}
    ))`;
  let total = 0;
  for (;;) {
    const deleted = await db.$executeRawUnsafe(sql, ...params, chunkSize);
    total += deleted;
    if (deleted < chunkSize) return total;
  }
}

/** Deletes raw samples and rollups older than the policy keeps them at `nowMs`; returns counts per kind. */
export async function applyRetention(
  db: Db,
  nowMs: number,
  policy: RetentionPolicy = DEFAULT_RETENTION,
  options: { chunkSize?: number } = {},
): Promise<RetentionResult> {
  const chunkSize = options.chunkSize ?? 10_000;
  const cut = retentionCutoffs(nowMs, policy);
  const rawBefore = new Date(cut.rawFromMs);
  const counts = {} as Record<keyof typeof SAMPLE_TABLES, number>;
  // One table after another: retention is background work and should not take the whole pool.
  for (const [kind, table] of Object.entries(SAMPLE_TABLES) as [keyof typeof SAMPLE_TABLES, string][]) {
    counts[kind] = await deleteInChunks(db, table, `at < $1`, [rawBefore], chunkSize);
  }
  const rollupWhere = `"bucketSeconds" = $1 and "bucketStart" < $2`;
  const minuteRollups = await deleteInChunks(
    db,
    "Rollup",
    rollupWhere,
    [60, new Date(cut.minuteRollupFromMs)],
    chunkSize,
  );
  const hourRollups = await deleteInChunks(
    db,
    "Rollup",
    rollupWhere,
    [3600, new Date(cut.hourRollupFromMs)],
    chunkSize,
  );
  return { ...counts, minuteRollups, hourRollups };
}
