// What one server says about itself, read with SQL in one round trip: whether it is in recovery,
// its log positions, its replication slots with the walsender of each (pg_stat_replication), its
// subscriptions with their conflict counters (pg_stat_subscription_stats, PostgreSQL 18), and its
// transaction counters. The same statements work on a primary and a standby: functions that only
// one of them may call sit behind `case when pg_is_in_recovery()`.
import type { ServerEndpoint } from "./directory";
import { queryMany } from "./pools";

export interface SlotReading {
  slotName: string;
  slotType: "physical" | "logical";
  /** What the consumer confirmed: confirmed_flush_lsn (logical) or restart_lsn (physical), in bytes. */
  confirmedLsn: number | null;
  active: boolean;
  /** The walsender serving the slot (pg_stat_replication), when one is connected. */
  sender: {
    sentLsn: number | null;
    writeLsn: number | null;
    flushLsn: number | null;
    replayLsn: number | null;
    replayLagMs: number | null;
  } | null;
}

export interface SubscriptionReading {
  name: string;
  slotName: string | null;
  receivedLsn: number | null;
  /** Sum of the confl_* counters of pg_stat_subscription_stats. */
  conflicts: number;
  applyErrors: number;
}

export interface ServerReading {
  reachable: true;
  /** The server's clock at the reading, ms since the epoch. */
  serverNowMs: number;
  inRecovery: boolean;
  /** pg_current_wal_lsn() on a primary; null on a standby. */
  currentLsn: number | null;
  /** pg_last_wal_receive_lsn() / pg_last_wal_replay_lsn() on a standby; null on a primary. */
  receiveLsn: number | null;
  replayLsn: number | null;
  /** pg_last_xact_replay_timestamp() on a standby. */
  lastReplayMs: number | null;
  /** The slot a standby streams from (primary_slot_name). */
  primarySlot: string | null;
  slots: SlotReading[];
  subscriptions: SubscriptionReading[];
  commits: number;
  rollbacks: number;
}

export interface ServerUnreachable {
  reachable: false;
  error: string;
}

export type ServerState = ServerReading | ServerUnreachable;

const LSN = (expr: string) => `pg_wal_lsn_diff(${expr}, '0/0')::float8`;
const MS = (expr: string) => `(extract(epoch from ${expr}) * 1000)::float8`;

const READ_SQL = `
select pg_is_in_recovery() as in_recovery,
  ${MS("clock_timestamp()")} as now_ms,
  case when pg_is_in_recovery() then null else ${LSN("pg_current_wal_lsn()")} end as current_lsn,
  ${LSN("pg_last_wal_receive_lsn()")} as receive_lsn,
  ${LSN("pg_last_wal_replay_lsn()")} as replay_lsn,
  ${MS("pg_last_xact_replay_timestamp()")} as last_replay_ms,
  case when pg_is_in_recovery() then nullif(current_setting('primary_slot_name', true), '') end as primary_slot,
  (select coalesce(sum(xact_commit), 0)::float8 from pg_stat_database) as commits,
  (select coalesce(sum(xact_rollback), 0)::float8 from pg_stat_database) as rollbacks;
select s.slot_name, s.slot_type, s.active,
  ${LSN("coalesce(s.confirmed_flush_lsn, s.restart_lsn)")} as confirmed_lsn,
  r.pid is not null as has_sender,
  ${LSN("r.sent_lsn")} as sent_lsn, ${LSN("r.write_lsn")} as write_lsn,
  ${LSN("r.flush_lsn")} as flush_lsn, ${LSN("r.replay_lsn")} as replay_lsn,
  ${MS("r.replay_lag")} as replay_lag_ms
from pg_replication_slots s left join pg_stat_replication r on r.pid = s.active_pid
order by s.slot_name;
select s.subname, s.subslotname,
  (select ${LSN("max(w.received_lsn)")} from pg_stat_subscription w where w.subid = s.oid and w.relid is null) as received_lsn,
  coalesce(st.confl_insert_exists + st.confl_update_origin_differs + st.confl_update_exists
    + st.confl_update_missing + st.confl_delete_origin_differs + st.confl_delete_missing
    + st.confl_multiple_unique_conflicts, 0)::float8 as conflicts,
  coalesce(st.apply_error_count, 0)::float8 as apply_errors
from pg_subscription s left join pg_stat_subscription_stats st on st.subid = s.oid
where s.subdbid = (select oid from pg_database where datname = current_database())
order by s.subname;
`;

type Row = Record<string, unknown>;
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

function errorText(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return errorText(error.errors[0]);
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** Reads one server; a server that does not answer within the timeout is unreachable, with the reason. */
export async function readServer(endpoint: ServerEndpoint): Promise<ServerState> {
  try {
    const [[main], slots, subscriptions] = await queryMany<[Row, Row, Row]>(endpoint, READ_SQL);
    if (!main) return { reachable: false, error: "the server answered without a row" };
    return {
      reachable: true,
      serverNowMs: Number(main.now_ms),
      inRecovery: main.in_recovery === true,
      currentLsn: num(main.current_lsn),
      receiveLsn: num(main.receive_lsn),
      replayLsn: num(main.replay_lsn),
      lastReplayMs: num(main.last_replay_ms),
      primarySlot: (main.primary_slot as string | null) ?? null,
      commits: Number(main.commits),
      rollbacks: Number(main.rollbacks),
      slots: slots.map((s) => ({
        slotName: String(s.slot_name),
        slotType: s.slot_type === "logical" ? "logical" : "physical",
        confirmedLsn: num(s.confirmed_lsn),
        active: s.active === true,
        sender: s.has_sender
          ? {
              sentLsn: num(s.sent_lsn),
              writeLsn: num(s.write_lsn),
              flushLsn: num(s.flush_lsn),
              replayLsn: num(s.replay_lsn),
              replayLagMs: num(s.replay_lag_ms),
            }
          : null,
      })),
      subscriptions: subscriptions.map((s) => ({
        name: String(s.subname),
        slotName: (s.subslotname as string | null) ?? null,
        receivedLsn: num(s.received_lsn),
        conflicts: Number(s.conflicts),
        applyErrors: Number(s.apply_errors),
      })),
    };
  } catch (error) {
    return { reachable: false, error: `${endpoint.host}:${endpoint.port}: ${errorText(error)}` };
  }
}
