// The moves of a switchover or failover on a single-primary lab cluster, each carrying the attempt
// token of the operation's step. The lab owns the processes, so these are the effects that need a
// process or a folder: a fence is a fast shutdown (PostgreSQL ends every client backend and refuses
// new connections, then writes its shutdown checkpoint and streams it to the standbys), whose final
// LSN is read from the control file; a demotion marks the stopped folder a standby's; a promotion is
// pg_promote(); a rejoin restarts a former primary as a standby of the new one. Every move records
// its token in the server's marker first (markers.ts) and is refused when older than the newest.
import { setTimeout as sleep } from "node:timers/promises";

import { acceptToken, readMarker, writeMarker, type ServerMarker } from "./markers";
import { readControlFile } from "./pg-control";
import type { SinglePrimaryCluster } from "./single-primary";
import { queryRows } from "./sql";

export type MoveAction = "fence" | "unfence" | "demote" | "promote" | "repoint" | "rejoin" | "reclone";

export interface MoveInput {
  action: MoveAction;
  /** The attempt token; 0 only for a person's move from the CLI. */
  token: number;
  /** promote: the epoch the promotion takes. */
  epoch?: number;
}

export interface MoveResult {
  replica: string;
  running: boolean;
  marker: ServerMarker | null;
  /** rejoin: the server could not follow the new timeline and was copied afresh. */
  recloned?: boolean;
}

const REJOIN_STREAMING_WAIT_MS = 5_000;

async function inRecovery(cluster: SinglePrimaryCluster, name: string): Promise<boolean | null> {
  const { server } = cluster.serverOf(name);
  if (!server.running) return null;
  const [row] = await queryRows<{ r: boolean }>(
    server.endpoint("postgres"),
    "select pg_is_in_recovery() as r",
    [],
    3000,
  );
  return row?.r ?? null;
}

/** Another server of the cluster that takes writes now (running, not in recovery), or null. */
async function otherWriter(cluster: SinglePrimaryCluster, name: string): Promise<string | null> {
  for (const other of cluster.servers.keys())
    if (other !== name && (await inRecovery(cluster, other).catch(() => null)) === false) return other;
  return null;
}

/**
 * The server follows the current primary: its WAL receiver streams on the primary's timeline and it
 * has replayed what the primary had written when the check began. A diverged former primary may
 * connect for a moment and then refuse the new timeline; it never gets that far.
 */
async function streams(cluster: SinglePrimaryCluster, name: string): Promise<boolean> {
  const { server } = cluster.serverOf(name);
  const [primary] = await queryRows<{ lsn: string; tli: number }>(
    cluster.primary.endpoint("postgres"),
    `select pg_current_wal_lsn()::text as lsn,
       ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::int as tli`,
    [],
    3000,
  );
  if (!primary) return false;
  const deadline = Date.now() + REJOIN_STREAMING_WAIT_MS;
  while (Date.now() < deadline) {
    const rows = await queryRows<{ status: string; tli: number; caught_up: boolean }>(
      server.endpoint("postgres"),
      `select status, received_tli as tli, pg_last_wal_replay_lsn() >= $1::pg_lsn as caught_up
       from pg_stat_wal_receiver`,
      [primary.lsn],
      3000,
    ).catch(() => []);
    const row = rows[0];
    if (row?.status === "streaming" && Number(row.tli) === Number(primary.tli) && row.caught_up) return true;
    await sleep(50);
  }
  return false;
}

export async function moveServer(cluster: SinglePrimaryCluster, name: string, input: MoveInput): Promise<MoveResult> {
  const { server } = cluster.serverOf(name);
  acceptToken(
    [...cluster.servers.values()].map((entry) => entry.server.dir),
    input.token,
  );
  const mark = (change: Partial<ServerMarker>) =>
    writeMarker(server.dir, { token: input.token, action: input.action, ...change });
  let recloned: boolean | undefined;
  switch (input.action) {
    case "fence": {
      mark({ fenced: true });
      const wasRunning = server.running;
      await server.stop("fast");
      const control = readControlFile(server.pgdata);
      mark({
        fenced: true,
        checkpointLsn: control.checkpointLsn,
        cleanShutdown: wasRunning && control.state === "shut down",
      });
      break;
    }
    case "unfence": {
      const writer = await otherWriter(cluster, name);
      if (writer) throw new Error(`cannot lift the fence of ${name}: ${writer} takes writes now`);
      if (cluster.primaryName !== name)
        throw new Error(`cannot lift the fence of ${name}: it is no longer the primary`);
      if (server.isStandbyFolder) server.unmarkStandby();
      mark({ fenced: false, demoted: false });
      await cluster.startServer(name);
      break;
    }
    case "demote": {
      if (server.running && (await inRecovery(cluster, name)) === false)
        throw new Error(`cannot demote ${name} while it takes writes: fence it first`);
      if (!server.running) server.markStandby();
      mark({ demoted: true });
      break;
    }
    case "promote": {
      const writer = await otherWriter(cluster, name);
      if (writer) throw new Error(`cannot promote ${name}: ${writer} takes writes now`);
      mark({ epoch: input.epoch ?? null, fenced: false, demoted: false });
      if (!server.running && cluster.primaryName === name) {
        // The undo of a demotion before any promotion: the old primary starts as the primary it was.
        server.unmarkStandby();
        await cluster.startServer(name);
      } else await cluster.promote(name);
      break;
    }
    case "repoint":
      await cluster.repoint(name);
      break;
    case "rejoin":
      await cluster.rejoinAsStandby(name);
      if (!(await streams(cluster, name))) {
        // Its WAL went past the promotion point (a primary that died with writes the new one never
        // received): following the new timeline is impossible, so it is copied afresh.
        await cluster.reclone(name);
        recloned = true;
      }
      mark({ fenced: false, demoted: false });
      break;
    case "reclone":
      await cluster.reclone(name);
      mark({ fenced: false, demoted: false });
      break;
  }
  return {
    replica: name,
    running: server.running,
    marker: readMarker(server.dir),
    ...(recloned !== undefined ? { recloned } : {}),
  };
}

/**
 * A former primary whose region returns (its server started again after an outage): it comes back
 * as a standby of the current primary, following the new timeline when its WAL ended before the
 * promotion point, re-cloned otherwise. The lab's own move, not an attempt's: its marker keeps the
 * token it had, and loses its fence.
 */
export async function returnFormerPrimary(cluster: SinglePrimaryCluster, name: string): Promise<MoveResult> {
  const { server } = cluster.serverOf(name);
  const marker = readMarker(server.dir);
  let recloned = false;
  await cluster.rejoinAsStandby(name);
  if (!(await streams(cluster, name))) {
    await cluster.reclone(name);
    recloned = true;
  }
  if (marker)
    writeMarker(server.dir, {
      token: marker.token,
      action: recloned ? "returned, re-cloned" : "returned",
      fenced: false,
      demoted: false,
    });
  return { replica: name, running: server.running, marker: readMarker(server.dir), recloned };
}
