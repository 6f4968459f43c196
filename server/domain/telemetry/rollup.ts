// Summarises raw samples into Rollup rows per closed bucket (1 minute or 1 hour), so charts of long
// ranges read a bounded number of rows.
//
// Every bucket is computed from raw samples in SQL (count, sum, min, max, exact percentile_cont)
// and upserted: running again recomputes the same numbers, so several workers, retries and
// reprocessing are all harmless. Progress costs one index probe: the newest rollup's bucket. Each
// run recomputes from one bucket before it (so samples that arrived late still count) up to the
// last closed bucket, never further back than raw retention (older samples are gone anyway).
import { SERIES } from "@/lib/telemetry/contracts";
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { Prisma } from "@/server/generated/prisma/client";

import { retentionCutoffs, type RetentionPolicy } from "./retention";
import { bucketOf, sampleSource, SUMMARY_COLUMNS } from "./sample-series";

export type RollupBucketSeconds = 60 | 3600;
export type RollupResult = {
  bucketSeconds: RollupBucketSeconds;
  fromMs: number;
  toMs: number;
  rollups: number;
  skipped: boolean;
};

/** Buckets recomputed per transaction: keeps a catch-up after downtime in short statements. */
const WINDOW_BUCKETS: Record<RollupBucketSeconds, number> = { 60: 360, 3600: 24 };
// One advisory lock per resolution (arbitrary constants): one worker rolls up at a time, others skip.
const LOCK_KEYS: Record<RollupBucketSeconds, number> = { 60: 0x6d_72_31_6d, 3600: 0x6d_72_31_68 };

const alignDown = (ms: number, stepMs: number) => Math.floor(ms / stepMs) * stepMs;
const alignUp = (ms: number, stepMs: number) => Math.ceil(ms / stepMs) * stepMs;

/** The newest bucket already rolled up before `beforeMs`, or null. */
async function newestBucketMs(db: Db, bucketSeconds: number, beforeMs: number): Promise<number | null> {
  const rows = await db.$queryRaw<{ newest: Date | null }[]>`
    select max("bucketStart") as newest from "Rollup" where "bucketSeconds" = ${bucketSeconds} and "bucketStart" < ${new Date(beforeMs)}`;
  return rows[0]?.newest?.getTime() ?? null;
}

function upsertBuckets(series: (typeof SERIES)[number], bucketSeconds: number, fromMs: number, toMs: number) {
  return Prisma.sql`
    insert into "Rollup" (series, key, "bucketSeconds", "bucketStart", count, sum, min, max, p50, p95)
    select ${series}, key, ${bucketSeconds}::int, ${bucketOf(Prisma.sql`at`, bucketSeconds)} as bucket, ${SUMMARY_COLUMNS}
    from (${sampleSource(series, fromMs, toMs, { kind: "all" })}) as samples
    group by key, bucket
    on conflict (series, key, "bucketSeconds", "bucketStart") do update set
      count = excluded.count, sum = excluded.sum, min = excluded.min, max = excluded.max, p50 = excluded.p50, p95 = excluded.p95`;
}

/**
 * Rolls up every closed bucket due at `nowMs` (see the file comment for which ones). `retention`
 * defaults to the MERIDIAN_RETENTION_* settings, the ones the worker's retention job applies.
 */
export async function rollupSamples(
  db: Db,
  options: { nowMs: number; bucketSeconds: RollupBucketSeconds; retention?: RetentionPolicy },
): Promise<RollupResult> {
  const { nowMs, bucketSeconds } = options;
  const bucketMs = bucketSeconds * 1000;
  const toMs = alignDown(nowMs, bucketMs); // end of the last closed bucket
  // A bucket that began before the raw cutoff may have lost samples to retention: never recompute it.
  const oldestMs = alignUp(retentionCutoffs(nowMs, options.retention ?? env().retention).rawFromMs, bucketMs);
  const newest = await newestBucketMs(db, bucketSeconds, toMs);
  // From the bucket before the newest one: with the newest just closed, the last two are recomputed.
  const fromMs = Math.max(oldestMs, newest === null ? oldestMs : newest - bucketMs);

  let rollups = 0;
  const windowMs = WINDOW_BUCKETS[bucketSeconds] * bucketMs;
  for (let start = fromMs; start < toMs; start += windowMs) {
    const end = Math.min(toMs, start + windowMs);
    const done = await db.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRaw<
          { locked: boolean }[]
        >`select pg_try_advisory_xact_lock(${LOCK_KEYS[bucketSeconds]}::int) as locked`;
        if (!lock?.locked) return null; // another worker is on it; its upserts give the same numbers
        let count = 0;
        for (const series of SERIES) count += await tx.$executeRaw(upsertBuckets(series, bucketSeconds, start, end));
        return count;
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
    if (done === null) return { bucketSeconds, fromMs, toMs, rollups, skipped: true };
    rollups += done;
  }
  return { bucketSeconds, fromMs, toMs, rollups, skipped: false };
}
