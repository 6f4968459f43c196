// A routing policy's health checks, as its router sees them: every interval, from each probe
// location (through that location's probe relay), `select 1` on the server of each region of the
// policy, failing after the check's timeout. A location marks a region down after
// `failureThreshold` failures in a row; the region is down when `quorum` locations agree.
// Each (location, server) keeps one connection while it answers, as a load balancer's checker would.
import pg from "pg";

import type { ProbeNetwork } from "./probe-network";
import type { LabPolicy } from "./spec";

export interface ProbedServer {
  cluster: string;
  replica: string;
  region: string;
  user: string;
  password: string;
  database: string;
}

export class HealthChecks {
  private readonly failures = new Map<string, number>();
  private readonly clients = new Map<string, pg.Client>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  unhealthy: ReadonlySet<string> = new Set();

  constructor(
    private policy: () => LabPolicy,
    private readonly probes: ProbeNetwork,
    private readonly serverIn: (region: string) => ProbedServer | undefined,
  ) {}

  start(): void {
    const loop = async () => {
      if (!this.running) return;
      await this.checkOnce();
      if (this.running) this.timer = setTimeout(loop, this.policy().healthCheck.intervalSeconds * 1000);
    };
    this.running = true;
    this.timer = setTimeout(loop, 0);
  }

  /** One round of probes from every location to every region; updates `unhealthy`. */
  async checkOnce(): Promise<void> {
    const policy = this.policy();
    const { probeLocations, failureThreshold, quorum, timeoutSeconds } = policy.healthCheck;
    const regions = [...new Set(policy.rules.map((rule) => rule.region))];
    const locations = probeLocations.filter((location) => this.probes.locations().includes(location));
    await Promise.all(
      locations.flatMap((location) =>
        regions.map(async (region) => {
          const key = `${location} ${region}`;
          const ok = await this.probe(location, region, timeoutSeconds * 1000);
          this.failures.set(key, ok ? 0 : (this.failures.get(key) ?? 0) + 1);
        }),
      ),
    );
    const down = regions.filter(
      (region) =>
        locations.filter((location) => (this.failures.get(`${location} ${region}`) ?? 0) >= failureThreshold).length >=
        Math.max(1, Math.min(quorum, locations.length)),
    );
    this.unhealthy = new Set(down);
  }

  private async probe(location: string, region: string, timeoutMs: number): Promise<boolean> {
    const server = this.serverIn(region);
    const relay = server && this.probes.relayFor(location, server.cluster, server.replica);
    if (!server || !relay?.port) return false;
    const key = `${location} ${region}`;
    let client = this.clients.get(key);
    try {
      if (!client) {
        client = new pg.Client({
          host: "127.0.0.1",
          port: relay.port,
          user: server.user,
          password: server.password,
          database: server.database,
          connectionTimeoutMillis: timeoutMs,
          query_timeout: timeoutMs,
        });
        client.on("error", () => {});
        this.clients.set(key, client);
        await client.connect();
      }
      await client.query("select 1");
      return true;
    } catch {
      this.clients.delete(key);
      void client?.end().catch(() => {});
      return false;
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.all([...this.clients.values()].map((client) => client.end().catch(() => {})));
    this.clients.clear();
  }
}
