// The workload's figures over a sliding window: per region, requests per second (writes and
// reads), the fraction that failed, and the median latency. These are the lab's region traffic.
const WINDOW_MS = 10_000;

interface Event {
  at: number;
  region: string;
  kind: "write" | "read";
  ok: boolean;
  latencyMs: number;
}

export interface RegionTraffic {
  region: string;
  requestsPerSecond: number;
  writesPerSecond: number;
  readsPerSecond: number;
  /** 0..1 */
  errorRate: number;
  latencyP50Ms: number | null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export class WorkloadStats {
  private events: Event[] = [];
  totals = { writes: 0, reads: 0, errors: 0 };
  lastError: string | null = null;
  /** Requests not sent because every connection was busy (the lab could not keep up with the rate). */
  skipped = 0;

  add(event: Omit<Event, "at">, error?: unknown): void {
    this.events.push({ ...event, at: Date.now() });
    if (!event.ok) {
      this.totals.errors++;
      this.lastError = error instanceof Error ? error.message : String(error);
    } else if (event.kind === "write") this.totals.writes++;
    else this.totals.reads++;
  }

  private prune(now: number): void {
    const from = now - WINDOW_MS;
    let drop = 0;
    while (drop < this.events.length && (this.events[drop] as Event).at < from) drop++;
    if (drop > 0) this.events = this.events.slice(drop);
  }

  /** Per region over the last window (seconds covered: the window, or the time since the first event). */
  traffic(): RegionTraffic[] {
    const now = Date.now();
    this.prune(now);
    const first = this.events[0]?.at ?? now;
    const seconds = Math.max(1, Math.min(WINDOW_MS, now - first)) / 1000;
    const regions = [...new Set(this.events.map((event) => event.region))].sort();
    return regions.map((region) => {
      const mine = this.events.filter((event) => event.region === region);
      const failed = mine.filter((event) => !event.ok).length;
      const ok = mine.filter((event) => event.ok);
      return {
        region,
        requestsPerSecond: mine.length / seconds,
        writesPerSecond: ok.filter((event) => event.kind === "write").length / seconds,
        readsPerSecond: ok.filter((event) => event.kind === "read").length / seconds,
        errorRate: mine.length === 0 ? 0 : failed / mine.length,
        latencyP50Ms: median(ok.map((event) => event.latencyMs)),
      };
    });
  }
}
