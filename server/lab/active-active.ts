// An active-active lab cluster: every server takes writes, and each link is a logical
// subscription of the target to the source's publication, in both directions, with
// `origin = none` so a change is not sent back where it came from. Every subscription connects
// through the link's relay. Conflicts (the same row written in two regions) are counted by
// PostgreSQL 18 in pg_stat_subscription_stats (commit timestamps are on for that). The workload's
// table is replicated the same way, so every region holds every acknowledged write. Applications
// connect as their own role (LAB_CLIENT_USER), not as the subscriptions' superuser: a drain fences a
// region by refusing that role alone, and replication keeps flowing.
import path from "node:path";

import { MERIDIAN_SCHEMA } from "@/server/drivers/postgres/meridian-schema";

import type { ClusterRuntime } from "./cluster-runtime";
import { oneWayDelayMs } from "./distance";
import { endOrphanServer } from "./orphans";
import { LAB_CLIENT_USER, LAB_DATABASE, LAB_USER, LabServer, type StopMode } from "./pg-server";
import { freePort } from "./ports";
import { Relay } from "./relay";
import { regionOf, sqlName, type LabCluster, type LabDeploymentSpec, type LabReplica } from "./spec";
import { ident, literal, withClient } from "./sql";
import { CREATE_WORKLOAD_TABLE, WORKLOAD_TABLE } from "./workload-table";

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
          // The lab's user is named like Meridian's schema, so "$user" in the search path would put
          // a table created after that schema in it, beside the replicated one: tables go in public.
          await client.query("set search_path = public");
          await client.query(CREATE_ITEMS);
          await client.query(CREATE_WORKLOAD_TABLE);
          // Meridian's own records stay local: each server answers the tokens it applied itself.
          await client.query(MERIDIAN_SCHEMA);
          await this.grantClients(client);
          const publication = this.publicationOf(replica.name);
          const found = await client.query("select 1 from pg_publication where pubname = $1", [publication]);
          if (found.rowCount === 0)
            await client.query(
              `create publication ${ident(publication)} for table ${ACTIVE_ACTIVE_TABLE}, ${WORKLOAD_TABLE}`,
            );
          else {
            const published = await client.query(
              "select 1 from pg_publication_tables where pubname = $1 and tablename = $2",
              [publication, WORKLOAD_TABLE],
            );
            if (published.rowCount === 0)
              await client.query(`alter publication ${ident(publication)} add table ${WORKLOAD_TABLE}`);
          }
        });
      }),
    );
    for (const link of this.cluster.links) await this.subscribe(link.id ?? `${link.source}->${link.target}`, link);
  }

  /**
   * The applications' role: it may connect to the lab database and use the replicated tables, and
   * nothing else connects by default (PUBLIC loses CONNECT), so revoking it from this role is a fence.
   * Made once, with the role: a fence in force when the lab restarts stays.
   */
  private async grantClients(client: {
    query: (sql: string, values?: unknown[]) => Promise<{ rowCount: number | null }>;
  }) {
    const role = ident(LAB_CLIENT_USER);
    const found = await client.query("select 1 from pg_roles where rolname = $1", [LAB_CLIENT_USER]);
    if (found.rowCount !== 0) return;
    await client.query(`create role ${role} login password ${literal(this.password)}`);
    await client.query(`grant connect on database ${ident(LAB_DATABASE)} to ${role}`);
    await client.query(`revoke connect on database ${ident(LAB_DATABASE)} from public`);
    await client.query(`grant select, insert, update, delete on ${ACTIVE_ACTIVE_TABLE}, ${WORKLOAD_TABLE} to ${role}`);
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
        else {
          await client.query(`alter subscription ${ident(name)} connection ${literal(conninfo)}`);
          // A lab made before the workload's table was published: the subscription starts reading it too.
          await client.query(`alter subscription ${ident(name)} refresh publication with (copy_data = false)`);
        }
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
