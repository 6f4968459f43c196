// Where each history series comes from in the raw sample tables, as SQL that rollups and history
// reads both summarise the same way, so a chart from raw samples and one from rollups agree.
//
// Every source yields rows (key, at, value, n, total): `value` is what min/max/percentiles are taken
// over, and sum(total) / sum(n) is the bucket's average. For most series n = 1 and total = value.
// Health is the exception: per instant, value = fraction of the probe locations that found the
// region healthy, n = probes, total = healthy probes, so a bucket's average is exactly "the fraction
// of probe samples healthy in the bucket" and its min is the worst moment.
import type { TSeries } from "@/lib/telemetry/contracts";
import { Prisma } from "@/server/generated/prisma/client";

/** Which rows: every series (rollups; key as stored in Rollup), or some series of one deployment (history; key = the id asked for). */
export type SampleScope = { kind: "all" } | { kind: "deployment"; deploymentId: string; ids: string[] };

/** Rollup keys of per-region series ("traffic", "errors", "health") name the deployment too. */
export const regionRollupKey = (deploymentId: string, regionId: string) => `${deploymentId}/${regionId}`;

const SINGLE_KEY = {
  lag: { table: "LagSample", id: "linkId", value: "lagMs" },
  conflicts: { table: "ConflictSample", id: "clusterId", value: "conflictsPerSecond" },
} as const;
const REGION_VALUE = { traffic: "requestsPerSecond", errors: "errorRate" } as const;

/** Rows of `series` with fromMs <= at < toMs, in the shape described above. */
export function sampleSource(series: TSeries, fromMs: number, toMs: number, scope: SampleScope): Prisma.Sql {
  const inRange = Prisma.sql`at >= ${new Date(fromMs)} and at < ${new Date(toMs)}`;
  if (series === "lag" || series === "conflicts") {
    const { table, id, value } = SINGLE_KEY[series];
    const idColumn = Prisma.raw(`"${id}"`);
    const filter = scope.kind === "all" ? Prisma.empty : Prisma.sql`and ${idColumn} = any(${scope.ids}::text[])`;
    return Prisma.sql`
      select ${idColumn} as key, at, ${Prisma.raw(`"${value}"`)} as value, 1 as n, ${Prisma.raw(`"${value}"`)} as total
      from ${Prisma.raw(`"${table}"`)} where ${inRange} ${filter}`;
  }
  // Per-region series: filter on the key's columns (not the concatenated key) so the primary key index serves the read.
  const key = scope.kind === "all" ? Prisma.sql`"deploymentId" || '/' || "regionId"` : Prisma.sql`"regionId"`;
  const filter =
    scope.kind === "all"
      ? Prisma.empty
      : Prisma.sql`and "deploymentId" = ${scope.deploymentId} and "regionId" = any(${scope.ids}::text[])`;
  if (series === "health") {
    return Prisma.sql`
      select ${key} as key, at, avg(healthy::int)::float8 as value, count(*)::int as n, count(*) filter (where healthy)::float8 as total
      from "HealthSample" where ${inRange} ${filter}
      group by "deploymentId", "regionId", at`;
  }
  const value = Prisma.raw(`"${REGION_VALUE[series]}"`);
  return Prisma.sql`select ${key} as key, at, ${value} as value, 1 as n, ${value} as total from "TrafficSample" where ${inRange} ${filter}`;
}

/** Buckets of `stepSeconds` aligned to the Unix epoch, so every resolution's buckets nest. */
export const bucketOf = (column: Prisma.Sql, stepSeconds: number) =>
  Prisma.sql`date_bin(make_interval(secs => ${stepSeconds}::int), ${column}, timestamp '1970-01-01')`;

/** Summary columns of a bucket of source rows (count, sum, min, max, p50, p95: percentile_cont interpolates). */
export const SUMMARY_COLUMNS = Prisma.sql`
  sum(n)::int as count, sum(total)::float8 as sum, min(value)::float8 as min, max(value)::float8 as max,
  percentile_cont(0.5) within group (order by value) as p50,
  percentile_cont(0.95) within group (order by value) as p95`;
