// The lab: every lab deployment running under one supervisor (one per console), and the actions
// the control API offers on them. Everything it starts it stops (down), and what a crashed one
// left running is ended by pid before anything starts (each cluster's up).
import type {
  TLabLinkFault,
  TLabLostWrites,
  TLabReplicaMove,
  TLabRouterTarget,
  TLabServerStop,
  TLabWorkloadRates,
} from "@/lib/lab/contracts";
import type { Db } from "@/server/db";

import { ActiveActiveCluster } from "./active-active";
import { LabDeployment } from "./lab-deployment";
import { countLostWrites, type LostWrites } from "./lost-writes";
import { moveServer, type MoveResult } from "./moves";
import type { StopMode } from "./pg-server";
import type { Relay } from "./relay";
import type { RouterTarget } from "./router";
import { SinglePrimaryCluster } from "./single-primary";
import { routedCluster, type LabDeploymentSpec } from "./spec";
import type { LabStatus } from "./status";
import type { WorkloadRates } from "./workload";

export interface LabOptions {
  /** Where the servers' folders live: `<root>/<deployment>/<region>/`. */
  root: string;
  /** The password of the lab servers' user (`meridian`). */
  password: string;
  db?: Db;
  workload?: { start: boolean; rates?: Partial<WorkloadRates> };
}

export class Lab {
  readonly deployments = new Map<string, LabDeployment>();

  constructor(readonly options: LabOptions) {}

  deployment(slug: string): LabDeployment {
    const found = this.deployments.get(slug);
    if (!found) throw new Error(`the lab has no deployment ${slug}`);
    return found;
  }

  async up(specs: LabDeploymentSpec[]): Promise<void> {
    for (const spec of specs) {
      if (this.deployments.has(spec.slug)) continue;
      this.deployments.set(spec.slug, new LabDeployment(spec, this.options));
    }
    // Deployments come up side by side; within one, the primary before its standbys.
    await Promise.all([...this.deployments.values()].map((deployment) => deployment.up()));
  }

  /** The model changed (rules edited, drained): routers read the new rules from now on. */
  refresh(specs: LabDeploymentSpec[]): void {
    for (const spec of specs) this.deployments.get(spec.slug)?.updateSpec(spec);
  }

  async down(mode: StopMode = "fast"): Promise<void> {
    await Promise.all([...this.deployments.values()].map((deployment) => deployment.down(mode)));
    this.deployments.clear();
  }

  async status(): Promise<LabStatus> {
    const deployments = [...this.deployments.values()];
    return {
      servers: (await Promise.all(deployments.map((deployment) => deployment.serverStatus()))).flat(),
      routers: deployments.flatMap((deployment) => deployment.routerStatus()),
      links: deployments.flatMap((deployment) => deployment.linkStatus()),
      probes: deployments.flatMap((deployment) => deployment.probeStatus()),
      workloads: deployments.flatMap((deployment) => deployment.workloadStatus()),
      pid: process.pid,
      dataRoot: this.options.root,
    };
  }

  private relay(link: string): Relay {
    for (const deployment of this.deployments.values())
      for (const cluster of deployment.clusters.values()) {
        const found = cluster.links.get(link);
        if (found) return found.relay;
      }
    throw new Error(`the lab has no link ${link}`);
  }

  faultLink(fault: TLabLinkFault): void {
    const relay = this.relay(fault.link);
    if (fault.kind === "cut") relay.cut(fault.mode ?? "refuse");
    else if (fault.kind === "slow") relay.slow(fault.addedLatencyMs);
    else relay.lossy(fault.lossRate);
  }

  restoreLink(link: string): void {
    this.relay(link).restore();
  }

  private owner(replica: string, deployment?: string): LabDeployment {
    const candidates = deployment ? [this.deployment(deployment)] : [...this.deployments.values()];
    const found = candidates.filter((candidate) => candidate.findReplica(replica) !== null);
    if (found.length === 0) throw new Error(`the lab has no server for replica ${replica}`);
    if (found.length > 1) throw new Error(`replica ${replica} is in several lab deployments: name the deployment`);
    return found[0] as LabDeployment;
  }

  async stopServer({ replica, deployment, mode = "kill" }: TLabServerStop): Promise<void> {
    await this.owner(replica, deployment).stopServer(replica, mode);
  }

  async startServer({ replica, deployment }: { replica: string; deployment?: string }): Promise<void> {
    await this.owner(replica, deployment).startServer(replica);
  }

  /** The moves of a switchover or failover, on a single-primary cluster's server (moves.ts). */
  async moveReplica({ replica, deployment, ...move }: TLabReplicaMove): Promise<MoveResult> {
    const found = this.owner(replica, deployment).findReplica(replica);
    if (!found || !(found.cluster instanceof SinglePrimaryCluster))
      throw new Error(`replica ${replica} is not in a single-primary lab cluster`);
    return moveServer(found.cluster, found.name, { action: move.action, token: move.token ?? 0, epoch: move.epoch });
  }

  setRouterTarget({
    deployment,
    policy,
    token,
    region,
    dropOthers = false,
    drained = [],
  }: TLabRouterTarget): RouterTarget {
    const router = this.deployment(deployment).routers.get(policy)?.router;
    if (!router) throw new Error(`lab deployment ${deployment} has no router for policy ${policy}`);
    return router.setTarget(token, region, { dropOthers, drained });
  }

  setWorkloadRates({ deployment, ...rates }: TLabWorkloadRates): WorkloadRates {
    const workload = this.deployment(deployment).workload;
    if (!workload) throw new Error(`lab deployment ${deployment} has no workload`);
    return workload.setRates(rates);
  }

  /** Acknowledged writes missing from the deployment's current primary (exact). */
  async lostWrites({ deployment, runId, since }: TLabLostWrites): Promise<LostWrites> {
    const lab = this.deployment(deployment);
    const cluster = routedCluster(lab.spec);
    const writer = cluster && lab.cluster(cluster.name).writer;
    if (!this.options.db) throw new Error("the lab has no ledger (no database)");
    if (!cluster || !writer) throw new Error(`lab deployment ${deployment} has no single primary to count against`);
    await lab.workload?.flushLedger();
    return countLostWrites(this.options.db, writer.endpoint(), {
      deployment,
      cluster: cluster.name,
      ...(runId ? { runId } : {}),
      ...(since ? { since: new Date(since) } : {}),
    });
  }

  /** Conflicts counted per server by the active-active clusters of a deployment. */
  async conflicts(deployment: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const cluster of this.deployment(deployment).clusters.values())
      if (cluster instanceof ActiveActiveCluster) Object.assign(counts, await cluster.conflicts());
    return counts;
  }
}
