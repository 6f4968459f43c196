// Stores a driver's observations as samples: one multi-row INSERT per table, all in one statement.
//
// Rows travel as one typed array per column, unnest()ed into rows by PostgreSQL: the statement text
// never changes (values are always parameters, never spliced into SQL) and a batch of 10 or 10,000
// rows costs one round trip. ON CONFLICT DO NOTHING on the per-series-and-instant keys is what
// lets two workers store the same observation: the second copy inserts nothing.
import type { Db } from "@/server/db";
import type { Observations } from "@/server/drivers/types";

/** Columns of LagSample, one array each, all the same length. */
export type LagRows = { linkId: string[]; atMs: number[]; lagMs: number[]; lagBytes: number[] };
export type HealthRows = {
  deploymentId: string[];
  regionId: string[];
  probeLocation: string[];
  atMs: number[];
  healthy: boolean[];
  latencyMs: (number | null)[];
};
export type TrafficRows = {
  deploymentId: string[];
  regionId: string[];
  atMs: number[];
  requestsPerSecond: number[];
  errorRate: number[];
  latencyP50Ms: (number | null)[];
};
export type ConflictRows = { clusterId: string[]; atMs: number[]; conflicts: number[]; conflictsPerSecond: number[] };
export type SampleRows = { lag?: LagRows; health?: HealthRows; traffic?: TrafficRows; conflicts?: ConflictRows };

// One statement for all four tables (data-modifying CTEs): one round trip and one commit per batch,
// which is what a worker observing 50 deployments side by side spends its time on. Timestamps go in
// as ISO strings ("...Z") read as timestamptz, then AT TIME ZONE 'UTC' turns them into the naive UTC
// `timestamp(3)` Prisma stores, whatever the session's TimeZone is.
const INSERT_SAMPLES = `
  with lag as (
    insert into "LagSample" ("linkId", at, "lagMs", "lagBytes")
    select link_id, at_utc at time zone 'UTC', lag_ms, lag_bytes
    from unnest($1::text[], $2::timestamptz[], $3::float8[], $4::int8[]) as r(link_id, at_utc, lag_ms, lag_bytes)
    on conflict do nothing
    returning 1
  ), health as (
    insert into "HealthSample" ("deploymentId", "regionId", "probeLocation", at, healthy, "latencyMs")
    select deployment_id, region_id, probe_location, at_utc at time zone 'UTC', healthy, latency_ms
    from unnest($5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::bool[], $10::float8[])
      as r(deployment_id, region_id, probe_location, at_utc, healthy, latency_ms)
    on conflict do nothing
    returning 1
  ), traffic as (
    insert into "TrafficSample" ("deploymentId", "regionId", at, "requestsPerSecond", "errorRate", "latencyP50Ms")
    select deployment_id, region_id, at_utc at time zone 'UTC', requests_per_second, error_rate, latency_p50_ms
    from unnest($11::text[], $12::text[], $13::timestamptz[], $14::float8[], $15::float8[], $16::float8[])
      as r(deployment_id, region_id, at_utc, requests_per_second, error_rate, latency_p50_ms)
    on conflict do nothing
    returning 1
  ), conflicts as (
    insert into "ConflictSample" ("clusterId", at, conflicts, "conflictsPerSecond")
    select cluster_id, at_utc at time zone 'UTC', conflicts, conflicts_per_second
    from unnest($17::text[], $18::timestamptz[], $19::int8[], $20::float8[]) as r(cluster_id, at_utc, conflicts, conflicts_per_second)
    on conflict do nothing
    returning 1
  )
  select ((select count(*) from lag) + (select count(*) from health) + (select count(*) from traffic) + (select count(*) from conflicts))::int as inserted`;

const iso = (atMs: number[]) => atMs.map((ms) => new Date(ms).toISOString());
// int8 columns: a driver's counters are whole numbers, but a stray fraction must not fail the batch.
const whole = (values: number[]) => values.map(Math.round);

/** Refuses columns of different lengths: unnest would pad the short ones with NULLs. */
function rowCount(table: string, columns: Record<string, unknown[]>): number {
  const lengths = new Set(Object.values(columns).map((c) => c.length));
  if (lengths.size > 1)
    throw new Error(`ingestRows: the ${table} columns have different lengths (${[...lengths].join(", ")})`);
  return [...lengths][0] ?? 0;
}

const NO_LAG: LagRows = { linkId: [], atMs: [], lagMs: [], lagBytes: [] };
const NO_HEALTH: HealthRows = {
  deploymentId: [],
  regionId: [],
  probeLocation: [],
  atMs: [],
  healthy: [],
  latencyMs: [],
};
const NO_TRAFFIC: TrafficRows = {
  deploymentId: [],
  regionId: [],
  atMs: [],
  requestsPerSecond: [],
  errorRate: [],
  latencyP50Ms: [],
};
const NO_CONFLICTS: ConflictRows = { clusterId: [], atMs: [], conflicts: [], conflictsPerSecond: [] };

/** Rows per statement above which a batch is split into statements that run side by side. */
const ROWS_PER_STATEMENT = 1500;
/** At most this many of them at once, so one big batch leaves the pool to everyone else. */
const MAX_PARALLEL_STATEMENTS = 4;

/** Rows [from, to) of every column of one table. */
function sliceColumns<T extends Record<string, unknown[]>>(columns: T, from: number, to: number): T {
  return Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, values.slice(from, to)])) as T;
}

async function insertStatement(
  db: Db,
  lag: LagRows,
  health: HealthRows,
  traffic: TrafficRows,
  conflicts: ConflictRows,
): Promise<number> {
  const [result] = await db.$queryRawUnsafe<{ inserted: number }[]>(
    INSERT_SAMPLES,
    ...[lag.linkId, iso(lag.atMs), lag.lagMs, whole(lag.lagBytes)],
    ...[health.deploymentId, health.regionId, health.probeLocation, iso(health.atMs), health.healthy, health.latencyMs],
    ...[
      traffic.deploymentId,
      traffic.regionId,
      iso(traffic.atMs),
      traffic.requestsPerSecond,
      traffic.errorRate,
      traffic.latencyP50Ms,
    ],
    ...[conflicts.clusterId, iso(conflicts.atMs), whole(conflicts.conflicts), conflicts.conflictsPerSecond],
  );
  return result?.inserted ?? 0;
}

/**
 * Inserts columnar rows; returns the rows actually inserted (not already there). A worker's batch
 * (one deployment's observation) is one statement. A large batch is cut into a few statements run
 * side by side: one statement runs on one server core, and inserting is CPU-bound.
 */
export async function ingestRows(db: Db, rows: SampleRows): Promise<{ inserted: number }> {
  const { lag = NO_LAG, health = NO_HEALTH, traffic = NO_TRAFFIC, conflicts = NO_CONFLICTS } = rows;
  const sizes = [
    rowCount("lag", lag),
    rowCount("health", health),
    rowCount("traffic", traffic),
    rowCount("conflicts", conflicts),
  ];
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total === 0) return { inserted: 0 };
  const parts = Math.min(MAX_PARALLEL_STATEMENTS, Math.ceil(total / ROWS_PER_STATEMENT));
  if (parts === 1) return { inserted: await insertStatement(db, lag, health, traffic, conflicts) };
  // Part i takes the same share of every table, so the statements are about equal.
  const share = (size: number, part: number) =>
    [Math.floor((size * part) / parts), Math.floor((size * (part + 1)) / parts)] as const;
  const counts = await Promise.all(
    Array.from({ length: parts }, (_, part) => {
      const [lagSize, healthSize, trafficSize, conflictsSize] = sizes as [number, number, number, number];
      return insertStatement(
        db,
        sliceColumns(lag, ...share(lagSize, part)),
        sliceColumns(health, ...share(healthSize, part)),
        sliceColumns(traffic, ...share(trafficSize, part)),
        sliceColumns(conflicts, ...share(conflictsSize, part)),
      );
    }),
  );
  return { inserted: counts.reduce((a, b) => a + b, 0) };
}

/** Concatenates the columnar rows of several observations into one batch per table. */
export function mergeSampleRows(parts: SampleRows[]): SampleRows {
  const merged: Record<string, Record<string, unknown[]>> = {};
  for (const part of parts) {
    for (const [table, columns] of Object.entries(part)) {
      const target = (merged[table] ??= {});
      for (const [column, values] of Object.entries(columns as Record<string, unknown[]>))
        (target[column] ??= []).push(...values);
    }
  }
  return merged as unknown as SampleRows;
}

/** Turns one observation of a deployment into columnar rows, every sample at `observedAtMs`. */
export function observationRows(deploymentId: string, observations: Observations): SampleRows {
  const { observedAtMs: at, lag, health, traffic, conflicts } = observations;
  return {
    lag: {
      linkId: lag.map((o) => o.linkId),
      atMs: lag.map(() => at),
      lagMs: lag.map((o) => o.lagMs),
      lagBytes: lag.map((o) => o.lagBytes),
    },
    health: {
      deploymentId: health.map(() => deploymentId),
      regionId: health.map((o) => o.regionId),
      probeLocation: health.map((o) => o.probeLocation),
      atMs: health.map(() => at),
      healthy: health.map((o) => o.healthy),
      latencyMs: health.map((o) => o.latencyMs),
    },
    traffic: {
      deploymentId: traffic.map(() => deploymentId),
      regionId: traffic.map((o) => o.regionId),
      atMs: traffic.map(() => at),
      requestsPerSecond: traffic.map((o) => o.requestsPerSecond),
      errorRate: traffic.map((o) => o.errorRate),
      latencyP50Ms: traffic.map((o) => o.latencyP50Ms),
    },
    conflicts: {
      clusterId: conflicts.map((o) => o.clusterId),
      atMs: conflicts.map(() => at),
      conflicts: conflicts.map((o) => o.conflicts),
      conflictsPerSecond: conflicts.map((o) => o.conflictsPerSecond),
    },
  };
}
