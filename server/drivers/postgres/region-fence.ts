// The fence of one region of an active-active cluster, and how far the other regions applied what
// it committed. A drained region keeps its server running: its subscriptions still receive the
// others' changes and its walsenders still send its own, so the fence cannot be a shutdown. It is
// the applications' role losing CONNECT on the database (checked when a session starts) and every
// backend of that role ended; Meridian's role and the replication connections are untouched.
import type { ServerEndpoint } from "./directory";
import { poolFor } from "./pools";

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** How long the fence waits for the ended client backends to be gone. */
const BACKENDS_GONE_MS = 5_000;

export interface RegionFence {
  /** The client backends the fence ended. */
  endedBackends: number;
  /** pg_current_wal_lsn() once no client backend remained: every client commit lies before it. */
  fencedAtPosition: number;
}

async function clientBackends(endpoint: ServerEndpoint, role: string): Promise<number> {
  const { rows } = await poolFor(endpoint).query<{ n: number }>(
    "select count(*)::int as n from pg_stat_activity where usename = $1 and backend_type = 'client backend'",
    [role],
  );
  return rows[0]?.n ?? 0;
}

export async function fenceClients(endpoint: ServerEndpoint, role: string): Promise<RegionFence> {
  const pool = poolFor(endpoint);
  await pool.query(`revoke connect on database ${ident(endpoint.database)} from ${ident(role)}`);
  let endedBackends = 0;
  const deadline = Date.now() + BACKENDS_GONE_MS;
  // A session that passed the CONNECT check just before the revoke may show up a moment later: end
  // backends until none is left.
  for (;;) {
    const { rows } = await pool.query<{ ended: number }>(
      `select count(*) filter (where pg_terminate_backend(pid, 1000))::int as ended
       from pg_stat_activity where usename = $1 and backend_type = 'client backend'`,
      [role],
    );
    endedBackends += rows[0]?.ended ?? 0;
    if ((await clientBackends(endpoint, role)) === 0) break;
    if (Date.now() > deadline)
      throw new Error(`client backends of ${role} were still running ${BACKENDS_GONE_MS} ms after they were ended`);
  }
  const { rows } = await pool.query<{ position: number }>(
    "select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::float8 as position",
  );
  return { endedBackends, fencedAtPosition: Number(rows[0]?.position ?? 0) };
}

export async function liftClientFence(endpoint: ServerEndpoint, role: string): Promise<void> {
  await poolFor(endpoint).query(`grant connect on database ${ident(endpoint.database)} to ${ident(role)}`);
}

/** Whether the applications' role is refused on the server now. */
export async function clientsFenced(endpoint: ServerEndpoint, role: string): Promise<boolean> {
  const { rows } = await poolFor(endpoint).query<{ allowed: boolean }>(
    "select has_database_privilege($1, current_database(), 'CONNECT') as allowed",
    [role],
  );
  return rows[0]?.allowed === false;
}

export interface AppliedElsewhere {
  /** The source's pg_current_wal_lsn() when asked. */
  committed: number;
  /** The lowest confirmed_flush_lsn of the source's slots that feed the target's subscriptions (null: none). */
  applied: number | null;
}

/**
 * How far the target applied what the source committed: the source's slots whose names are the
 * target's subscriptions (a subscription's slot takes its name by default) report, as
 * confirmed_flush_lsn, the position up to which the subscriber applied and flushed.
 */
export async function appliedElsewhere(source: ServerEndpoint, target: ServerEndpoint): Promise<AppliedElsewhere> {
  const { rows: subscriptions } = await poolFor(target).query<{ slot: string }>(
    "select coalesce(subslotname, subname) as slot from pg_subscription where subenabled",
  );
  const { rows } = await poolFor(source).query<{ committed: number; applied: number | null }>(
    `select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::float8 as committed,
       (select min(pg_wal_lsn_diff(confirmed_flush_lsn, '0/0'))::float8 from pg_replication_slots
        where slot_type = 'logical' and slot_name = any($1::text[])) as applied`,
    [subscriptions.map((s) => s.slot)],
  );
  const row = rows[0];
  return { committed: Number(row?.committed ?? 0), applied: row?.applied == null ? null : Number(row.applied) };
}
