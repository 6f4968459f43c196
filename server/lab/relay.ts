// A TCP relay between two places of the lab: every replication connection (a link) and every
// health probe from a probe location goes through one. It adds the one-way delay of the distance
// in each direction (so a round trip costs the sim's round-trip time), and can be cut (a
// partition), slowed (added latency) or made lossy, then restored.
import net from "node:net";

import { delayedPipe } from "./delayed-pipe";

export type CutMode =
  /** Connections are refused and the open ones dropped: the far side sees resets at once. */
  | "refuse"
  /** Connections stay open but nothing passes (a black hole); new ones are not answered. */
  | "stall";

export interface RelayConditions {
  cut: CutMode | null;
  addedLatencyMs: number;
  lossRate: number;
}

export interface RelayOptions {
  id: string;
  targetHost?: string;
  targetPort: number;
  /** The distance's one-way delay (half the round trip). */
  oneWayDelayMs: number;
}

export class Relay {
  readonly id: string;
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private readonly flushers = new Set<() => void>();
  private targetPort: number;
  private readonly targetHost: string;
  readonly oneWayDelayMs: number;
  conditions: RelayConditions = { cut: null, addedLatencyMs: 0, lossRate: 0 };
  port: number | null = null;
  /** Connections relayed since start (a probe of the relay's use). */
  connections = 0;

  constructor(options: RelayOptions) {
    this.id = options.id;
    this.targetHost = options.targetHost ?? "127.0.0.1";
    this.targetPort = options.targetPort;
    this.oneWayDelayMs = options.oneWayDelayMs;
  }

  /** Listens on a free port of 127.0.0.1 (or `port`, to keep a standby's conninfo across restarts). */
  async start(port = 0): Promise<number> {
    const server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
    return this.port;
  }

  /** Points the relay at another server port (a restarted server); open connections are dropped. */
  retarget(port: number): void {
    if (port === this.targetPort) return;
    this.targetPort = port;
    this.dropAll();
  }

  private accept(client: net.Socket): void {
    client.on("error", () => {});
    if (this.conditions.cut === "refuse") {
      client.resetAndDestroy();
      return;
    }
    this.connections++;
    const upstream = net.connect({ host: this.targetHost, port: this.targetPort });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    this.sockets.add(client).add(upstream);
    client.on("close", () => this.sockets.delete(client));
    upstream.on("close", () => this.sockets.delete(upstream));
    const conditions = {
      delayMs: () => this.oneWayDelayMs + this.conditions.addedLatencyMs,
      lossRate: () => this.conditions.lossRate,
      stalled: () => this.conditions.cut === "stall",
    };
    const flushers = [delayedPipe(client, upstream, conditions), delayedPipe(upstream, client, conditions)].map(
      (pipe) => pipe.flush,
    );
    for (const flush of flushers) this.flushers.add(flush);
    client.on("close", () => flushers.forEach((flush) => this.flushers.delete(flush)));
  }

  cut(mode: CutMode = "refuse"): void {
    this.conditions = { ...this.conditions, cut: mode };
    if (mode === "refuse") this.dropAll();
  }

  slow(addedLatencyMs: number): void {
    this.conditions = { ...this.conditions, addedLatencyMs: Math.max(0, addedLatencyMs) };
  }

  lossy(lossRate: number): void {
    this.conditions = { ...this.conditions, lossRate: Math.min(1, Math.max(0, lossRate)) };
  }

  /** Back to the distance alone; what a stall held is delivered. */
  restore(): void {
    this.conditions = { cut: null, addedLatencyMs: 0, lossRate: 0 };
    for (const flush of this.flushers) flush();
  }

  private dropAll(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  async stop(): Promise<void> {
    this.dropAll();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
