// One lab deployment running: its clusters' servers and link relays, probe relays per location,
// a router per routing policy (with its health checks), and the workload through the first router.
import type { Db } from "@/server/db";

import { ActiveActiveCluster } from "./active-active";
import type { ClusterRuntime } from "./cluster-runtime";
import { HealthChecks } from "./health-checks";
import { Ledger } from "./ledger";
import { readMarker } from "./markers";
import { returnFormerPrimary } from "./moves";
import { LAB_CLIENT_USER, LAB_DATABASE, LAB_USER, type StopMode } from "./pg-server";
import { ProbeNetwork } from "./probe-network";
import { LabRouter } from "./router";
import { SinglePrimaryCluster } from "./single-primary";
import { regionOf, routedCluster, type LabDeploymentSpec, type LabPolicy } from "./spec";
import { queryRows, urlOf } from "./sql";
import type { LinkStatus, ProbeStatus, RouterStatus, ServerStatus, WorkloadStatus } from "./status";
import { Workload, type WorkloadRates } from "./workload";

export interface LabDeploymentOptions {
  root: string;
  password: string;
  /** Meridian's database, for the ledger; without it there is no workload. */
  db?: Db;
  workload?: { start: boolean; rates?: Partial<WorkloadRates> };
}

const HOST = "127.0.0.1";

/** Queries per connection of an active-active workload before it reconnects through the router. */
const ACTIVE_ACTIVE_CONNECTION_USES = 20;

export class LabDeployment {
  readonly clusters = new Map<string, ClusterRuntime>();
  readonly probes: ProbeNetwork;
  readonly routers = new Map<string, { router: LabRouter; health: HealthChecks }>();
  workload: Workload | null = null;

  constructor(
    public spec: LabDeploymentSpec,
    private readonly options: LabDeploymentOptions,
  ) {
    for (const cluster of spec.clusters)
      this.clusters.set(
        cluster.name,
        cluster.writeTopology === "SINGLE_PRIMARY"
          ? new SinglePrimaryCluster(spec, cluster, options.root, options.password)
          : new ActiveActiveCluster(spec, cluster, options.root, options.password),
      );
    this.probes = new ProbeNetwork(spec);
  }

  get slug(): string {
    return this.spec.slug;
  }

  cluster(name: string): ClusterRuntime {
    const found = this.clusters.get(name);
    if (!found) throw new Error(`lab deployment ${this.slug} has no cluster ${name}`);
    return found;
  }

  /** The cluster and name of a replica, by its name or the model's id. */
  findReplica(replica: string): { cluster: ClusterRuntime; name: string } | null {
    for (const cluster of this.clusters.values())
      for (const [name, entry] of cluster.servers)
        if (name === replica || entry.replica.id === replica) return { cluster, name };
    return null;
  }

  private routed(): ClusterRuntime | null {
    const cluster = routedCluster(this.spec);
    return cluster ? this.cluster(cluster.name) : null;
  }

  private serverIn(region: string) {
    const routed = this.routed();
    if (!routed) return undefined;
    return [...routed.servers.values()].find(({ replica }) => replica.region === region);
  }

  private policy(name: string): LabPolicy {
    const policy = this.spec.policies.find((candidate) => candidate.name === name);
    if (!policy) throw new Error(`lab deployment ${this.slug} has no routing policy ${name}`);
    return policy;
  }

  /** Replaces the model's view (rules edited in the console); servers and relays stay as they are. */
  updateSpec(spec: LabDeploymentSpec): void {
    this.spec = { ...this.spec, policies: spec.policies.filter((policy) => this.routers.has(policy.name)) };
  }

  async endOrphans(): Promise<number[]> {
    return (await Promise.all([...this.clusters.values()].map((cluster) => cluster.endOrphans()))).flat();
  }

  async up(): Promise<void> {
    await Promise.all([...this.clusters.values()].map((cluster) => cluster.up()));
    await this.probes.start(
      [...this.clusters.values()].flatMap((runtime) =>
        [...runtime.servers.values()].map(({ replica, server }) => ({
          cluster: runtime.cluster.name,
          replica: replica.name,
          region: replica.region,
          port: () => server.port,
        })),
      ),
    );
    const routed = routedCluster(this.spec);
    for (const { name } of this.spec.policies) {
      if (!routed) break;
      const health = new HealthChecks(
        () => this.policy(name),
        this.probes,
        (region) => {
          const entry = this.serverIn(region);
          return entry
            ? {
                cluster: routed.name,
                replica: entry.replica.name,
                region,
                user: LAB_USER,
                password: this.options.password,
                database: LAB_DATABASE,
              }
            : undefined;
        },
      );
      const router = new LabRouter({
        deployment: this.slug,
        policy: () => this.policy(name),
        portOf: (region) => this.serverIn(region)?.server.port ?? null,
        choice: () => ({
          unhealthy: health.unhealthy,
          origin: regionOf(this.spec, this.policy(name).rules[0]?.region ?? this.spec.regions[0]!.code),
          coordinatesOf: (region) => regionOf(this.spec, region),
        }),
      });
      await router.start();
      health.start();
      this.routers.set(name, { router, health });
    }
    const first = [...this.routers.values()][0];
    if (this.options.db && first && routed) {
      this.workload = new Workload({
        router: {
          host: HOST,
          port: first.router.port as number,
          // An active-active cluster's applications have a role of their own: a drain fences it alone.
          user: routed.writeTopology === "MULTI_PRIMARY" ? LAB_CLIENT_USER : LAB_USER,
          password: this.options.password,
          database: LAB_DATABASE,
        },
        ledger: new Ledger(this.options.db, this.slug, routed.name),
        rates: this.options.workload?.rates,
        regionNow: () => first.router.chosenRegion(),
        // Every region takes writes: connections are recycled so that they follow the router's rules.
        ...(routed.writeTopology === "MULTI_PRIMARY" ? { connectionMaxUses: ACTIVE_ACTIVE_CONNECTION_USES } : {}),
      });
      if (this.options.workload?.start !== false) this.workload.start();
    }
  }

  async stopServer(replica: string, mode: StopMode): Promise<void> {
    const found = this.findReplica(replica);
    if (!found) throw new Error(`lab deployment ${this.slug} has no replica ${replica}`);
    await found.cluster.stopServer(found.name, mode);
  }

  async startServer(replica: string): Promise<void> {
    const found = this.findReplica(replica);
    if (!found) throw new Error(`lab deployment ${this.slug} has no replica ${replica}`);
    const { cluster, name } = found;
    const fencedFormerPrimary =
      cluster instanceof SinglePrimaryCluster &&
      name !== cluster.primaryName &&
      readMarker(cluster.serverOf(name).server.dir)?.fenced === true;
    if (fencedFormerPrimary) await returnFormerPrimary(cluster, name);
    else await cluster.startServer(name);
    this.probes.refresh();
  }

  async down(mode: StopMode = "fast"): Promise<void> {
    await this.workload?.stop();
    this.workload = null;
    await Promise.all(
      [...this.routers.values()].map(({ router, health }) => Promise.all([health.stop(), router.stop()])),
    );
    this.routers.clear();
    await this.probes.stop();
    await Promise.all([...this.clusters.values()].map((cluster) => cluster.down(mode)));
  }

  private regionIdOf(code: string): { regionId?: string } {
    const id = this.spec.regions.find((region) => region.code === code)?.id;
    return id ? { regionId: id } : {};
  }

  /**
   * Every server's status. `roles: false` skips asking each server pg_is_in_recovery() (a new
   * connection each): the driver's sessions need only where the servers are and their markers, and
   * read roles themselves over pooled connections; the role is then the folder's (standby.signal).
   */
  async serverStatus({ roles = true }: { roles?: boolean } = {}): Promise<ServerStatus[]> {
    return Promise.all(
      [...this.clusters.values()].flatMap((runtime) =>
        [...runtime.servers.values()].map(async ({ replica, server }): Promise<ServerStatus> => {
          const pid = server.pid();
          const base = {
            deployment: this.slug,
            cluster: runtime.cluster.name,
            replica: replica.name,
            ...(replica.id ? { replicaId: replica.id } : {}),
            region: replica.region,
            ...this.regionIdOf(replica.region),
            pid,
            running: pid !== null,
            host: HOST,
            port: server.port,
            url: server.port === null ? null : urlOf(server.endpoint()),
            dataDir: server.pgdata,
            marker: readMarker(server.dir),
          };
          if (pid === null) return { ...base, role: "DOWN", inRecovery: null };
          if (!roles)
            return {
              ...base,
              role:
                runtime.cluster.writeTopology === "MULTI_PRIMARY"
                  ? "MULTI_MASTER"
                  : server.isStandbyFolder
                    ? "READ_REPLICA"
                    : "PRIMARY",
              inRecovery: null,
            };
          try {
            const [row] = await queryRows<{ r: boolean }>(
              server.endpoint(),
              "select pg_is_in_recovery() as r",
              [],
              2000,
            );
            const inRecovery = row?.r ?? null;
            const role =
              runtime.cluster.writeTopology === "MULTI_PRIMARY"
                ? "MULTI_MASTER"
                : inRecovery
                  ? "READ_REPLICA"
                  : "PRIMARY";
            return { ...base, role, inRecovery };
          } catch (error) {
            return {
              ...base,
              role: "DOWN",
              inRecovery: null,
              error: error instanceof Error ? error.message : String(error),
            };
          }
        }),
      ),
    );
  }

  routerStatus(): RouterStatus[] {
    const routed = routedCluster(this.spec);
    return [...this.routers.entries()].map(([name, { router, health }]) => {
      const port = router.port as number;
      const policy = this.policy(name);
      return {
        deployment: this.slug,
        policy: name,
        ...(policy.id ? { policyId: policy.id } : {}),
        cluster: routed?.name ?? "",
        host: HOST,
        port,
        url: urlOf({ host: HOST, port, user: LAB_USER, password: this.options.password, database: LAB_DATABASE }),
        target: router.target,
        chosenRegion: router.chosenRegion(),
        unhealthyRegions: [...health.unhealthy],
        openConnections: router.openConnections(),
      };
    });
  }

  linkStatus(): LinkStatus[] {
    return [...this.clusters.values()].flatMap((runtime) =>
      [...runtime.links.entries()].map(([id, { relay, source, target }]) => ({
        id,
        deployment: this.slug,
        cluster: runtime.cluster.name,
        source,
        target,
        sourceRegion: runtime.servers.get(source)?.replica.region ?? "",
        targetRegion: runtime.servers.get(target)?.replica.region ?? "",
        host: HOST,
        port: relay.port,
        oneWayDelayMs: relay.oneWayDelayMs,
        conditions: relay.conditions,
      })),
    );
  }

  probeStatus(): ProbeStatus[] {
    return [...this.probes.relays.values()].map(({ location, target, relay }) => ({
      deployment: this.slug,
      location,
      cluster: target.cluster,
      replica: target.replica,
      region: target.region,
      ...this.regionIdOf(target.region),
      host: HOST,
      port: relay.port,
      url:
        relay.port === null
          ? null
          : urlOf({
              host: HOST,
              port: relay.port,
              user: LAB_USER,
              password: this.options.password,
              database: LAB_DATABASE,
            }),
      oneWayDelayMs: relay.oneWayDelayMs,
    }));
  }

  workloadStatus(): WorkloadStatus[] {
    const workload = this.workload;
    const routed = routedCluster(this.spec);
    if (!workload || !routed) return [];
    return [
      {
        deployment: this.slug,
        cluster: routed.name,
        policy: [...this.routers.keys()][0] ?? "",
        runId: workload.runId,
        running: workload.running,
        rates: workload.rates,
        traffic: workload.stats.traffic(),
        totals: workload.stats.totals,
        skipped: workload.stats.skipped,
        lastError: workload.stats.lastError,
        ledger: { recorded: workload.ledgerRecorded, lastError: workload.ledgerError },
      },
    ];
  }
}
