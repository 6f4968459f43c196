// An independent prober of who takes writes: one connection straight to every server of a lab
// cluster (not through the router), trying one small write on each every 10 ms. Each write that
// a server acknowledged is kept as the interval in which it happened; two servers' acknowledged
// writes whose intervals overlap are an instant at which two servers may both have taken writes,
// which a correct switchover never shows.
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

import pg from "pg";

import type { Endpoint } from "./sql";

export interface ProbeTarget {
  name: string;
  endpoint: () => Endpoint | null;
}

export interface AcceptedWrite {
  server: string;
  /** Wall-clock ms (performance-based, so monotonic) when the write was sent and acknowledged. */
  startMs: number;
  endMs: number;
}

const nowMs = () => performance.timeOrigin + performance.now();

export class WriterProber {
  readonly accepted: AcceptedWrite[] = [];
  attempts = 0;
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly targets: ProbeTarget[],
    private readonly intervalMs = 10,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loops = this.targets.map((target) => this.loop(target));
  }

  private async loop(target: ProbeTarget): Promise<void> {
    let client: pg.Client | null = null;
    while (this.running) {
      const started = nowMs();
      try {
        if (!client) {
          const endpoint = target.endpoint();
          if (!endpoint) throw new Error("no port");
          client = new pg.Client({
            ...endpoint,
            connectionTimeoutMillis: 500,
            query_timeout: 1000,
            application_name: "meridian-prober",
          });
          client.on("error", () => {});
          await client.connect();
        }
        this.attempts++;
        const sent = nowMs();
        await client.query("insert into meridian.probe default values");
        this.accepted.push({ server: target.name, startMs: sent, endMs: nowMs() });
      } catch (error) {
        // A standby refuses the write (read-only) and keeps its connection; anything else reconnects.
        if (!/read-only transaction/.test(String(error))) {
          await client?.end().catch(() => {});
          client = null;
        }
      }
      await sleep(Math.max(0, this.intervalMs - (nowMs() - started)));
    }
    await client?.end().catch(() => {});
  }

  /** Pairs of acknowledged writes on two different servers whose intervals overlap (within [fromMs, toMs]). */
  twoWriterInstants(fromMs = 0, toMs = Number.POSITIVE_INFINITY): number {
    const writes = this.accepted
      .filter((w) => w.endMs >= fromMs && w.startMs <= toMs)
      .sort((a, b) => a.startMs - b.startMs);
    const lastEnd = new Map<string, number>();
    let overlaps = 0;
    for (const write of writes) {
      for (const [server, end] of lastEnd) if (server !== write.server && end >= write.startMs) overlaps++;
      lastEnd.set(write.server, Math.max(lastEnd.get(write.server) ?? 0, write.endMs));
    }
    return overlaps;
  }

  /** The servers that acknowledged a write within [fromMs, toMs]. */
  writersBetween(fromMs: number, toMs: number): string[] {
    return [...new Set(this.accepted.filter((w) => w.endMs >= fromMs && w.startMs <= toMs).map((w) => w.server))];
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
    this.loops = [];
  }
}
