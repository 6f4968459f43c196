// The lab's workload: an application that connects through a router (a pool of connections, each
// routed when it opens), writes rows with ids it chooses at a set rate, reads at another, and
// records every write its server acknowledged in the ledger. A connection that breaks (a server
// stopped, a switchover) is replaced by the pool; the new one is routed afresh.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";

import pg from "pg";

import type { Ledger } from "./ledger";
import type { Endpoint } from "./sql";
import { WorkloadStats } from "./workload-stats";
import { regionOfClusterName, WORKLOAD_TABLE } from "./workload-table";

export const DEFAULT_WRITES_PER_SECOND = 50;

export interface WorkloadRates {
  writesPerSecond: number;
  readsPerSecond: number;
}

export interface WorkloadOptions {
  /** The router's endpoint, as an application is given it. */
  router: Endpoint;
  ledger: Ledger;
  rates?: Partial<WorkloadRates>;
  /** Where failures are counted when no server answered: the region the router chooses now. */
  regionNow: () => string | null;
  /** Each request's deadline. */
  timeoutMs?: number;
  /**
   * Queries after which a connection is closed and a new one opened (routed afresh); unset: kept
   * while busy. A pool reuses its most recent connection first, so without this an active-active
   * workload would stay in whichever regions its first connections landed in, and a returned
   * region would get nothing (as a connection lifetime in pgbouncer or an application's pool does).
   */
  connectionMaxUses?: number;
}

const TICK_MS = 20;
/** Connections of the application's pool; no more requests are in flight than it has connections,
 * so a request never waits in the pool's queue (a wait that would fail as a timeout of its own). */
const POOL_SIZE = 8;

export class Workload {
  readonly runId = randomUUID();
  readonly stats = new WorkloadStats();
  rates: WorkloadRates;
  private pool: pg.Pool | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextWriteId = 0n;
  private inFlight = new Set<Promise<void>>();
  private owed = { write: 0, read: 0 };
  private lastTick = 0;

  constructor(private readonly options: WorkloadOptions) {
    this.rates = {
      writesPerSecond: options.rates?.writesPerSecond ?? DEFAULT_WRITES_PER_SECOND,
      readsPerSecond: options.rates?.readsPerSecond ?? options.rates?.writesPerSecond ?? DEFAULT_WRITES_PER_SECOND,
    };
  }

  get ledgerRecorded(): number {
    return this.options.ledger.recorded;
  }

  get ledgerError(): string | null {
    return this.options.ledger.lastError;
  }

  /** Sends what the ledger holds now (before counting lost writes). */
  flushLedger(): Promise<void> {
    return this.options.ledger.flush();
  }

  get running(): boolean {
    return this.timer !== null;
  }

  setRates(rates: Partial<WorkloadRates>): WorkloadRates {
    for (const [key, value] of Object.entries(rates))
      if (value !== undefined && (!Number.isFinite(value) || value < 0 || value > 5000))
        throw new Error(`${key} must be between 0 and 5000, got ${value}`);
    this.rates = { ...this.rates, ...rates };
    return this.rates;
  }

  start(): void {
    if (this.timer) return;
    const timeoutMs = this.options.timeoutMs ?? 5000;
    this.pool = new pg.Pool({
      ...this.options.router,
      max: POOL_SIZE,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      idleTimeoutMillis: 10_000,
      ...(this.options.connectionMaxUses ? { maxUses: this.options.connectionMaxUses } : {}),
    });
    this.pool.on("error", () => {}); // an idle connection whose server went away; the pool replaces it
    this.options.ledger.start();
    this.lastTick = performance.now();
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  private tick(): void {
    const now = performance.now();
    const seconds = (now - this.lastTick) / 1000;
    this.lastTick = now;
    this.owed.write += this.rates.writesPerSecond * seconds;
    this.owed.read += this.rates.readsPerSecond * seconds;
    for (const kind of ["write", "read"] as const) {
      while (this.owed[kind] >= 1) {
        this.owed[kind] -= 1;
        // A backlog beyond what is in flight is not queued: a slow lab gets fewer requests, as an
        // application with a bounded pool would send.
        if (this.inFlight.size >= POOL_SIZE) {
          this.stats.skipped++;
          continue;
        }
        const request = (kind === "write" ? this.write() : this.read()).finally(() => this.inFlight.delete(request));
        this.inFlight.add(request);
      }
    }
  }

  private async write(): Promise<void> {
    const pool = this.pool as pg.Pool;
    const writeId = ++this.nextWriteId;
    const started = performance.now();
    try {
      const result = await pool.query<{ server: string }>(
        `insert into ${WORKLOAD_TABLE} (run_id, id) values ($1, $2) returning current_setting('cluster_name') as server`,
        [this.runId, writeId.toString()],
      );
      const latencyMs = performance.now() - started;
      const region = regionOfClusterName(result.rows[0]?.server ?? "");
      this.options.ledger.record({ runId: this.runId, writeId, region, acknowledgedAt: new Date(), latencyMs });
      this.stats.add({ region, kind: "write", ok: true, latencyMs });
    } catch (error) {
      this.stats.add({ region: this.options.regionNow() ?? "none", kind: "write", ok: false, latencyMs: 0 }, error);
    }
  }

  private async read(): Promise<void> {
    const pool = this.pool as pg.Pool;
    const started = performance.now();
    try {
      const result = await pool.query<{ server: string }>(
        `select current_setting('cluster_name') as server, max(id) from ${WORKLOAD_TABLE} where run_id = $1`,
        [this.runId],
      );
      const region = regionOfClusterName(result.rows[0]?.server ?? "");
      this.stats.add({ region, kind: "read", ok: true, latencyMs: performance.now() - started });
    } catch (error) {
      this.stats.add({ region: this.options.regionNow() ?? "none", kind: "read", ok: false, latencyMs: 0 }, error);
    }
  }

  /** Stops sending, waits for what is in flight, and flushes the ledger. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.inFlight]);
    await this.options.ledger.stop();
    await this.pool?.end().catch(() => {});
    this.pool = null;
  }
}
