// An active-active lab cluster: every server takes writes, and each link is a logical
// subscription of the target to the source's publication, in both directions, with
// `origin = none` so a change is not sent back where it came from. Every subscription connects
// through the link's relay. Conflicts (the same row written in two regions) are counted by
// PostgreSQL 18 in pg_stat_subscription_stats (commit timestamps are on for that).
import path from "node:path";

import type { ClusterRuntime } from "./cluster-runtime";
import { oneWayDelayMs } from "./distance";
import { endOrphanServer } from "./orphans";
import { LAB_DATABASE, LAB_USER, LabServer, type StopMode } from "./pg-server";
import { freePort } from "./ports";
import { Relay } from "./relay";
import { regionOf, sqlName, type LabCluster, type LabDeploymentSpec, type LabReplica } from "./spec";
import { ident, literal, withClient } from "./sql";

/** The table replicated both ways; the workload of an active-active drill writes here. */
export const ACTIVE_ACTIVE_TABLE = "meridian_lab_items";

const CREATE_ITEMS = `create table if not exists ${ACTIVE_ACTIVE_TABLE} (
  id bigint primary key,
  value text not null,
  updated_at timestamptz not null default now()
)`;

export class ActiveActiveCluster implements ClusterRuntime {
  readonly servers = new Map<string, { replica: LabReplica; server: LabServer }>();
  readonly links = new Map<string, { relay: Relay; source: string; target: string }>();
  readonly writer = null;

  constructor(
    readonly deployment: LabDeploymentSpec,
    readonly cluster: LabCluster,
    readonly root: string,
    readonly password: string,
  ) {
    for (const replica of cluster.replicas)
      this.servers.set(replica.name, {
        replica,
        server: new LabServer(path.join(root, deployment.slug, replica.region), password),
      });
  }

  private entry(name: string) {
    const found = this.servers.get(name);
    if (!found) throw new Error(`lab cluster ${this.cluster.name} has no replica ${name}`);
    return found;
  }

  publicationOf(name: string): string {
    return sqlName("pub", name);
  }

  subscriptionOf(source: string, target: string): string {
    return sqlName("sub", source, "to", target);
  }

  async endOrphans(): Promise<number[]> {
    const ended = await Promise.all([...this.servers.values()].map(({ server }) => endOrphanServer(server.pgdata)));
    return ended.filter((pid): pid is number => pid !== null);
  }

  async up(): Promise<void> {
    await this.endOrphans();
    await Promise.all(
      [...this.servers.values()].map(async ({ replica, server }) => {
        if (!server.exists) await server.init();
        server.writeSettings({ clusterName: `${this.deployment.slug}/${replica.region}` });
        await server.start(await freePort());
        await withClient(server.endpoint("postgres"), async (client) => {
          const found = await client.query("select 1 from pg_database where datname = $1", [LAB_DATABASE]);
          if (found.rowCount === 0) await client.query(`create database ${ident(LAB_DATABASE)}`);
        });
        await withClient(server.endpoint(), async (client) => {
          await client.query(CREATE_ITEMS);
          const publication = this.publicationOf(replica.name);
          const found = await client.query("select 1 from pg_publication where pubname = $1", [publication]);
          if (found.rowCount === 0)
            await client.query(`create publication ${ident(publication)} for table ${ACTIVE_ACTIVE_TABLE}`);
        });
      }),
    );
    for (const link of this.cluster.links) await this.subscribe(link.id ?? `${link.source}->${link.target}`, link);
  }

  /** The target subscribes to the source's publication through the link's relay (made or repointed). */
  private async subscribe(id: string, link: { source: string; target: string }): Promise<void> {
    const source = this.entry(link.source);
    const target = this.entry(link.target);
    const relay = new Relay({
      id,
      targetPort: source.server.port as number,
      oneWayDelayMs: oneWayDelayMs(
        regionOf(this.deployment, source.replica.region),
        regionOf(this.deployment, target.replica.region),
      ),
    });
    await relay.start();
    this.links.set(id, { relay, source: link.source, target: link.target });
    const conninfo = `host=127.0.0.1 port=${relay.port} user=${LAB_USER} password=${this.password} dbname=${LAB_DATABASE} application_name=${this.subscriptionOf(link.source, link.target)} connect_timeout=5`;
    const name = this.subscriptionOf(link.source, link.target);
    await withClient(
      target.server.endpoint(),
      async (client) => {
        const found = await client.query("select 1 from pg_subscription where subname = $1", [name]);
        if (found.rowCount === 0)
          await client.query(
            `create subscription ${ident(name)} connection ${literal(conninfo)} publication ${ident(this.publicationOf(link.source))} with (origin = none, copy_data = false)`,
          );
        else await client.query(`alter subscription ${ident(name)} connection ${literal(conninfo)}`);
      },
      30_000,
    );
  }

  async stopServer(name: string, mode: StopMode): Promise<void> {
    await this.entry(name).server.stop(mode);
  }

  async startServer(name: string): Promise<void> {
    const { replica, server } = this.entry(name);
    if (server.running) return;
    server.writeSettings({ clusterName: `${this.deployment.slug}/${replica.region}` });
    try {
      await server.start(server.port ?? (await freePort()));
    } catch (error) {
      if (server.running) throw error;
      await server.start(await freePort());
    }
    for (const { relay, source } of this.links.values()) if (source === name) relay.retarget(server.port as number);
  }

  /** Conflicts each server's subscriptions counted (the sum of pg_stat_subscription_stats' confl_* columns). */
  async conflicts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const [name, { server }] of this.servers) {
      if (!server.running) continue;
      const rows = await withClient(
        server.endpoint(),
        async (client) =>
          (await client.query<Record<string, unknown>>("select * from pg_stat_subscription_stats")).rows,
        5000,
      );
      counts[name] = rows
        .flatMap((row) => Object.entries(row).filter(([column]) => column.startsWith("confl_")))
        .reduce((sum, [, value]) => sum + Number(value ?? 0), 0);
    }
    return counts;
  }

  async down(mode: StopMode = "fast"): Promise<void> {
    await Promise.all([...this.servers.values()].map(({ server }) => server.stop(mode)));
    await Promise.all([...this.links.values()].map(({ relay }) => relay.stop()));
    this.links.clear();
  }
}
