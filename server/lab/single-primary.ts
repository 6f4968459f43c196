// A single-primary lab cluster: one primary, hot standbys made from hot copies of it, each
// streaming through the link relay of its region pair with a physical slot on the primary, as
// Patroni, CloudNativePG and RDS run PostgreSQL. Folders survive restarts: a later start keeps
// each server's role (a promoted server has no standby.signal) and only copies what is missing.
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { MERIDIAN_SCHEMA } from "@/server/drivers/postgres/meridian-schema";

import type { ClusterRuntime } from "./cluster-runtime";
import { oneWayDelayMs } from "./distance";
import { ensurePhysicalSlot, hotCopy } from "./hot-copy";
import { endOrphanServer } from "./orphans";
import { LAB_DATABASE, LAB_USER, LabServer, type StopMode } from "./pg-server";
import { freePort } from "./ports";
import { Relay } from "./relay";
import { regionOf, sqlName, type LabCluster, type LabDeploymentSpec, type LabReplica } from "./spec";
import { ident, withClient } from "./sql";
import { CREATE_WORKLOAD_TABLE } from "./workload-table";

const PROMOTE_POLL_MS = 10;

export interface ServerOfCluster {
  replica: LabReplica;
  server: LabServer;
}

export class SinglePrimaryCluster implements ClusterRuntime {
  readonly servers = new Map<string, ServerOfCluster>();
  /** Link relays by id (the model's link id, or "<source>-><target>"). */
  readonly links = new Map<string, { relay: Relay; source: string; target: string }>();
  primaryName: string;

  constructor(
    readonly deployment: LabDeploymentSpec,
    readonly cluster: LabCluster,
    readonly root: string,
    readonly password: string,
  ) {
    for (const replica of cluster.replicas) {
      const dir = path.join(root, deployment.slug, replica.region);
      this.servers.set(replica.name, { replica, server: new LabServer(dir, password) });
    }
    const primary = cluster.replicas.find((replica) => replica.role === "PRIMARY");
    if (!primary) throw new Error(`lab cluster ${cluster.name} has no PRIMARY replica`);
    this.primaryName = primary.name;
  }

  serverOf(name: string): ServerOfCluster {
    const found = this.servers.get(name);
    if (!found) throw new Error(`lab cluster ${this.cluster.name} has no replica ${name}`);
    return found;
  }

  get primary(): LabServer {
    return this.serverOf(this.primaryName).server;
  }

  get writer(): LabServer {
    return this.primary;
  }

  clusterName(replica: LabReplica): string {
    return `${this.deployment.slug}/${replica.region}`;
  }

  slotName(standby: string): string {
    return sqlName("lab", standby);
  }

  /** Ends what a crashed lab left running in these folders. Returns the pids ended. */
  async endOrphans(): Promise<number[]> {
    const ended = await Promise.all([...this.servers.values()].map(({ server }) => endOrphanServer(server.pgdata)));
    return ended.filter((pid): pid is number => pid !== null);
  }

  /**
   * Brings the cluster up from nothing or from existing folders: the primary (the model's, unless
   * the folders say another was promoted), its database and slots, a relay per standby, then each
   * standby (copied when its folder is missing or is not a standby's).
   */
  async up(): Promise<void> {
    await this.endOrphans();
    const promoted = [...this.servers.values()].filter(({ server }) => server.exists && !server.isStandbyFolder);
    if (promoted.length > 0 && !promoted.some(({ replica }) => replica.name === this.primaryName))
      this.primaryName = (promoted[0] as ServerOfCluster).replica.name;
    const { replica: primaryReplica, server: primary } = this.serverOf(this.primaryName);
    if (!primary.exists) await primary.init();
    primary.writeSettings({ clusterName: this.clusterName(primaryReplica) });
    await primary.start(await freePort());
    await this.ensureDatabase();
    await Promise.all(
      [...this.servers.values()]
        .filter(({ replica }) => replica.name !== this.primaryName)
        .map(async ({ replica, server }) => {
          await ensurePhysicalSlot(primary, this.slotName(replica.name));
          await this.ensureLink(replica);
          if (!server.exists || !server.isStandbyFolder) await hotCopy(primary, server);
          this.writeStandbySettings(replica.name);
          await server.start(await freePort());
        }),
    );
  }

  private async ensureDatabase(): Promise<void> {
    await withClient(this.primary.endpoint("postgres"), async (client) => {
      const found = await client.query("select 1 from pg_database where datname = $1", [LAB_DATABASE]);
      if (found.rowCount === 0) await client.query(`create database ${ident(LAB_DATABASE)}`);
    });
    await withClient(this.primary.endpoint(), async (client) => {
      await client.query(CREATE_WORKLOAD_TABLE);
      await client.query(MERIDIAN_SCHEMA);
    });
  }

  linkId(source: string, target: string): string {
    const modelLink = this.cluster.links.find((link) => link.source === source && link.target === target);
    return modelLink?.id ?? `${source}->${target}`;
  }

  /** The relay a standby streams through from the current primary (made when missing). */
  private async ensureLink(standby: LabReplica): Promise<Relay> {
    const id = this.linkId(this.primaryName, standby.name);
    const existing = this.links.get(id);
    if (existing) {
      existing.relay.retarget(this.primary.port as number);
      return existing.relay;
    }
    const from = regionOf(this.deployment, this.serverOf(this.primaryName).replica.region);
    const to = regionOf(this.deployment, standby.region);
    const relay = new Relay({ id, targetPort: this.primary.port as number, oneWayDelayMs: oneWayDelayMs(from, to) });
    await relay.start();
    this.links.set(id, { relay, source: this.primaryName, target: standby.name });
    return relay;
  }

  private writeStandbySettings(name: string): void {
    const { replica, server } = this.serverOf(name);
    const link = this.links.get(this.linkId(this.primaryName, name));
    if (!link) throw new Error(`no link relay from ${this.primaryName} to ${name}`);
    const conninfo = [
      "host=127.0.0.1",
      `port=${link.relay.port}`,
      `user=${LAB_USER}`,
      `password=${this.password}`,
      `application_name=${replica.name}`,
      "connect_timeout=5",
    ].join(" ");
    server.writeSettings({
      clusterName: this.clusterName(replica),
      primaryConninfo: conninfo,
      primarySlotName: this.slotName(name),
    });
  }

  /** Stops one server: fast shutdown, or kill -9 (an unplanned outage). */
  async stopServer(name: string, mode: StopMode): Promise<void> {
    await this.serverOf(name).server.stop(mode);
  }

  /**
   * Starts one stopped server again on its port, as its folder says: a standby streams from the
   * current primary again; the primary's relays are pointed at it.
   */
  async startServer(name: string): Promise<void> {
    const { replica, server } = this.serverOf(name);
    if (server.running) return;
    if (name !== this.primaryName) {
      await this.ensureLink(replica);
      this.writeStandbySettings(name);
    } else server.writeSettings({ clusterName: this.clusterName(replica) });
    const port = server.port ?? (await freePort());
    try {
      await server.start(port);
    } catch (error) {
      if (server.running) throw error;
      await server.start(await freePort()); // its old port was taken meanwhile
    }
    if (name === this.primaryName)
      for (const { relay, source } of this.links.values()) if (source === name) relay.retarget(server.port as number);
  }

  // ------------------------------------------------------------------ moving the primary
  // The primitives a switchover or failover is made of (issue 10's engine calls them in order):
  // promote a standby, point the other standbys at it, and make the old primary a standby of it.

  /**
   * Promotes a standby (`pg_promote`, waiting up to 30 s) and makes it the cluster's primary: slots
   * and link relays towards every other server are made from it. The caller has fenced the old
   * primary first: this does not check that nobody else takes writes.
   */
  async promote(name: string): Promise<void> {
    const { server } = this.serverOf(name);
    if (!server.running) throw new Error(`cannot promote ${name}: its server is not running`);
    const others = [...this.servers.values()].filter((other) => other.replica.name !== name);
    await withClient(
      server.endpoint("postgres"),
      async (client) => {
        const inRecovery = async () =>
          (await client.query<{ r: boolean }>("select pg_is_in_recovery() as r")).rows[0]?.r;
        if (await inRecovery()) {
          // pg_promote(wait) looks every 100 ms; asking every 10 ms ends the wait as soon as it is done.
          await client.query("select pg_promote(false)");
          const deadline = Date.now() + 30_000;
          while (await inRecovery()) {
            if (Date.now() > deadline) throw new Error(`${name} did not finish its promotion within 30 s`);
            await sleep(PROMOTE_POLL_MS);
          }
        }
        for (const other of others) {
          const slot = this.slotName(other.replica.name);
          const found = await client.query("select 1 from pg_replication_slots where slot_name = $1", [slot]);
          if (found.rowCount === 0) await client.query("select pg_create_physical_replication_slot($1, true)", [slot]);
        }
      },
      30_000,
    );
    this.primaryName = name;
    server.writeSettings({ clusterName: this.clusterName(this.serverOf(name).replica) });
    for (const other of others) await this.ensureLink(other.replica);
  }

  /** Points a running standby at the current primary (primary_conninfo is reloaded, no restart). */
  async repoint(name: string): Promise<void> {
    const { replica, server } = this.serverOf(name);
    await this.ensureLink(replica);
    this.writeStandbySettings(name);
    if (server.running)
      await withClient(server.endpoint("postgres"), (client) => client.query("select pg_reload_conf()"));
  }

  /**
   * Makes a former primary a standby of the current one without a copy: stopped (fast) if it
   * runs, `standby.signal`, the new primary's conninfo with recovery_target_timeline = latest,
   * started. It follows the new timeline when its WAL ended at or before the promotion point (a
   * clean shutdown that the new primary had received); otherwise PostgreSQL refuses to stream and
   * the caller re-clones it (`reclone`).
   */
  async rejoinAsStandby(name: string): Promise<void> {
    if (name === this.primaryName) throw new Error(`${name} is the primary: promote another first`);
    const { replica, server } = this.serverOf(name);
    await server.stop("fast");
    server.markStandby();
    await this.ensureLink(replica);
    this.writeStandbySettings(name);
    await server.start(server.port ?? (await freePort()));
  }

  /** Replaces a server's folder with a fresh hot copy of the current primary and starts it. */
  async reclone(name: string): Promise<void> {
    if (name === this.primaryName) throw new Error(`${name} is the primary: it cannot be re-cloned from itself`);
    const { replica, server } = this.serverOf(name);
    await server.stop("fast");
    await ensurePhysicalSlot(this.primary, this.slotName(name));
    await this.ensureLink(replica);
    await hotCopy(this.primary, server);
    this.writeStandbySettings(name);
    await server.start(server.port ?? (await freePort()));
  }

  async down(mode: StopMode = "fast"): Promise<void> {
    await Promise.all([...this.servers.values()].map(({ server }) => server.stop(mode)));
    await Promise.all([...this.links.values()].map(({ relay }) => relay.stop()));
    this.links.clear();
  }
}
