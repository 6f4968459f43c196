// One real PostgreSQL 18 server of the lab: its folder (`<dir>/data` is PGDATA, `<dir>/server.log`
// its log), made with initdb or copied from a primary, started with pg_ctl on the port it is given,
// stopped cleanly (fast shutdown) or killed (kill -9: an unplanned outage).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { giveToServerUser, runPg } from "./binaries";
import { endProcess, isProcessOf, postmasterPid, waitForExit } from "./processes";
import { literal, type Endpoint } from "./sql";

/** The lab's database user and the database its workload writes to. */
export const LAB_USER = "meridian";
/** The role applications connect as on an active-active cluster: a drain's fence refuses it alone. */
export const LAB_CLIENT_USER = "meridian_app";
export const LAB_DATABASE = "lab";

// Settings of every lab server, written once into postgresql.conf (a copy carries them to standbys).
// Replication reacts in about a second (status every 1 s, retry after 0.5 s, a dead link noticed
// after 10 s), slots keep the WAL a standby still needs, and commit timestamps let PG 18 detect
// active-active conflicts (confl_update_origin_differs needs them).
const SERVER_SETTINGS = `
# Meridian lab
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
wal_level = logical
max_wal_senders = 16
max_replication_slots = 16
hot_standby = on
hot_standby_feedback = on
wal_receiver_status_interval = 1s
wal_retrieve_retry_interval = 500ms
wal_receiver_timeout = 10s
wal_sender_timeout = 10s
track_commit_timestamp = on
shared_buffers = 16MB
max_connections = 60
max_worker_processes = 12
max_logical_replication_workers = 6
include_if_exists = 'lab.conf'
`;

export type StopMode = "fast" | "kill";

export interface ServerSettings {
  /** Shown in process titles and `SHOW cluster_name`: which lab server this is. */
  clusterName: string;
  /** For a standby: how to reach its primary (through a link relay) and its slot there. */
  primaryConninfo?: string;
  primarySlotName?: string;
}

export class LabServer {
  readonly pgdata: string;
  readonly logFile: string;
  port: number | null = null;

  constructor(
    readonly dir: string,
    readonly password: string,
  ) {
    this.pgdata = path.join(dir, "data");
    this.logFile = path.join(dir, "server.log");
  }

  get exists(): boolean {
    return existsSync(path.join(this.pgdata, "PG_VERSION"));
  }

  /** A standby has `standby.signal`; a promoted server has none. */
  get isStandbyFolder(): boolean {
    return existsSync(path.join(this.pgdata, "standby.signal"));
  }

  pid(): number | null {
    const pid = postmasterPid(this.pgdata);
    return pid !== null && isProcessOf(pid, this.pgdata) ? pid : null;
  }

  get running(): boolean {
    return this.pid() !== null;
  }

  endpoint(database = LAB_DATABASE): Endpoint {
    if (this.port === null) throw new Error(`the lab server in ${this.dir} has no port: it is not started`);
    return { host: "127.0.0.1", port: this.port, user: LAB_USER, password: this.password, database };
  }

  /** A new, empty cluster (initdb) with the lab's settings. */
  async init(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const pwfile = path.join(this.dir, ".pwfile");
    writeFileSync(pwfile, `${this.password}\n`, { mode: 0o600 });
    giveToServerUser(this.dir);
    try {
      await runPg("initdb", [
        "-D",
        this.pgdata,
        "-U",
        LAB_USER,
        `--pwfile=${pwfile}`,
        "--auth-host=scram-sha-256",
        "--auth-local=scram-sha-256",
        "-E",
        "UTF8",
        "--no-instructions",
        // A new lab server holds nothing yet: no fsync of every file at creation (the lab starts faster).
        "--no-sync",
      ]);
    } finally {
      rmSync(pwfile, { force: true });
    }
    writeFileSync(path.join(this.pgdata, "postgresql.conf"), SERVER_SETTINGS, { flag: "a" });
  }

  /** Writes `lab.conf` (read by postgresql.conf): the settings that differ per start and per role. */
  writeSettings(settings: ServerSettings): void {
    const lines = [`cluster_name = ${literal(settings.clusterName)}`];
    if (settings.primaryConninfo) {
      lines.push(`primary_conninfo = ${literal(settings.primaryConninfo)}`);
      lines.push(`recovery_target_timeline = 'latest'`);
    }
    if (settings.primarySlotName) lines.push(`primary_slot_name = ${literal(settings.primarySlotName)}`);
    const file = path.join(this.pgdata, "lab.conf");
    writeFileSync(file, `${lines.join("\n")}\n`);
    giveToServerUser(file);
  }

  /** Marks the folder as a standby's (`standby.signal`), as PostgreSQL reads it at start. */
  markStandby(): void {
    const file = path.join(this.pgdata, "standby.signal");
    writeFileSync(file, "");
    giveToServerUser(file);
  }

  /** A demoted primary taken back before any promotion: it starts as the primary it was. */
  unmarkStandby(): void {
    rmSync(path.join(this.pgdata, "standby.signal"), { force: true });
  }

  /**
   * Starts the server with pg_ctl on `port` and waits until it accepts connections (read-only ones
   * for a standby). A server killed a moment ago may still hold its shared memory through backends
   * that have not noticed yet: start is retried for a few seconds then.
   */
  async start(port: number): Promise<void> {
    if (this.running) throw new Error(`the lab server in ${this.dir} is already running (pid ${this.pid()})`);
    this.port = port;
    for (let attempt = 1; ; attempt++) {
      try {
        await runPg("pg_ctl", ["-D", this.pgdata, "-l", this.logFile, "-w", "-t", "60", "-o", `-p ${port}`, "start"]);
        return;
      } catch (error) {
        if (attempt >= 25 || this.running) throw error;
        await sleep(200);
      }
    }
  }

  /** Fast shutdown (clients disconnected, a shutdown checkpoint) or kill -9 of the postmaster. */
  async stop(mode: StopMode = "fast"): Promise<void> {
    const pid = this.pid();
    if (pid === null) return;
    if (mode === "kill") {
      process.kill(pid, "SIGKILL");
      await waitForExit(pid, 5000);
      return;
    }
    // SIGINT is PostgreSQL's fast shutdown; SIGKILL only when it has not finished after 30 s.
    await endProcess(pid, this.pgdata, "SIGINT", 30_000);
  }

  /** The end of the server's log (for error messages). */
  logTail(lines = 15): string {
    if (!existsSync(this.logFile)) return "";
    return readFileSync(this.logFile, "utf8").split("\n").slice(-lines).join("\n");
  }
}
