// One pg Pool per server, shared by every session of the process: a driver session lasts one tick,
// and opening fresh connections every second to every server would cost more than the observation.
// Every call is bounded: connecting (connectionTimeoutMillis), each statement on the server
// (statement_timeout) and the wait for the answer on our side (query_timeout), so a server that
// hangs (a cut link, a stopped process) costs at most the timeout, never a stuck tick.
import pg from "pg";

import type { ServerEndpoint } from "./directory";

/** Observation queries are small; anything slower than this is a sick server, reported as such. */
export const OBSERVE_TIMEOUT_MS = 2_000;

const pools = new Map<string, pg.Pool>();

const keyOf = (s: ServerEndpoint) => JSON.stringify([s.host, s.port, s.database, s.user, s.password, s.sslmode]);

function ssl(endpoint: ServerEndpoint): pg.PoolConfig["ssl"] {
  if (endpoint.sslmode === "disable" || endpoint.sslmode === "prefer") return false;
  return endpoint.sslmode === "verify-full" ? { rejectUnauthorized: true } : { rejectUnauthorized: false };
}

/** The connection settings for one server with the given timeout (also used by one-off probes). */
export function clientConfig(endpoint: ServerEndpoint, timeoutMs: number): pg.ClientConfig {
  return {
    host: endpoint.host,
    port: endpoint.port,
    database: endpoint.database,
    user: endpoint.user,
    password: endpoint.password,
    ssl: ssl(endpoint),
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs + 250,
    application_name: "meridian-observer",
  };
}

export function poolFor(endpoint: ServerEndpoint): pg.Pool {
  const key = keyOf(endpoint);
  let pool = pools.get(key);
  if (!pool) {
    pool = new pg.Pool({
      ...clientConfig(endpoint, OBSERVE_TIMEOUT_MS),
      max: 2,
      idleTimeoutMillis: 10_000,
      // The process may end while connections idle (scripts, tests).
      allowExitOnIdle: true,
    });
    // A server killed under an idle connection emits an error on the pool: the next query reports it.
    pool.on("error", () => {});
    pools.set(key, pool);
  }
  return pool;
}

/** Runs several statements in one round trip (the simple protocol), returning each one's rows. */
export async function queryMany<T extends Record<string, unknown>[]>(
  endpoint: ServerEndpoint,
  sql: string,
): Promise<{ [K in keyof T]: T[K][] }> {
  const results = (await poolFor(endpoint).query(sql)) as unknown as pg.QueryResult | pg.QueryResult[];
  const list = Array.isArray(results) ? results : [results];
  return list.map((r) => r.rows) as { [K in keyof T]: T[K][] };
}

/** Closes every pool (the worker's shutdown, tests' teardown). */
export async function closeAllPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.end().catch(() => {})));
}
