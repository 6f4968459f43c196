// Operations through the engine on a small lab of real servers (tests and `npm run bench:switchover`):
// the Region lab's deployment seeded under its own slug (2 or 3 regions, driver kind `lab`), its
// servers, router and workload (through the router, with the ledger) running in this process and
// handed to the postgres driver, an independent prober writing on every server directly, and the
// engine ticked back to back as the worker does. With `activeActive`, the Region lab's active-active
// deployment instead (two regions replicating logically both ways), its router spreading the
// workload's connections over both regions by weight.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";

import { ACTIVE_STATUSES, RUNBOOKS, type TRunbook, type TStepKind } from "@/lib/operations/contracts";
import { LAB_DEPLOYMENTS, LAB_REGIONS } from "@/prisma/seed/lab-deployments";
import { seedDeployment, seedRegions } from "@/prisma/seed/seed-estate";
import type { Db } from "@/server/db";
import { registerDirectoryResolver } from "@/server/domain/driver-sessions/server-directory";
import type { Actor } from "@/server/domain/identity/actor";
import { hashPassword, insertUser } from "@/server/domain/identity/users";
import { setPolicy } from "@/server/domain/operations/approvals/policies";
import { abortOperation } from "@/server/domain/operations/control";
import { engineTick } from "@/server/domain/operations/engine/engine";
import { planOperation } from "@/server/domain/operations/plan/plan";
import { startOperation } from "@/server/domain/operations/plan/start";
import { observeDeployment } from "@/server/domain/telemetry/observe/observe-tick";
import type { ActiveActiveCluster } from "@/server/lab/active-active";
import { directoryFromStatus, inProcessLab } from "@/server/lab/driver-directory";
import { LabDeployment } from "@/server/lab/lab-deployment";
import { ledgerWriteOutageMs } from "@/server/lab/ledger-outage";
import { loadLabSpecs } from "@/server/lab/load-spec";
import { countLostWrites, type LostWrites } from "@/server/lab/lost-writes";
import type { SinglePrimaryCluster } from "@/server/lab/single-primary";
import { queryRows } from "@/server/lab/sql";
import { WriterProber } from "@/server/lab/writer-prober";

export interface LabOperationsOptions {
  root: string;
  regions?: 2 | 3;
  writesPerSecond?: number;
  /** The active-active lab deployment (its two regions) instead of the single-primary one. */
  activeActive?: boolean;
}

type RunResult = {
  operationId: string;
  status: string;
  failureReason: string | null;
  startedMs: number;
  endedMs: number;
};

export class LabOperations {
  readonly pids = new Set<number>();
  readonly ports = new Set<number>();
  prober!: WriterProber;

  private constructor(
    readonly db: Db,
    readonly lab: LabDeployment,
    readonly deploymentId: string,
    readonly clusterId: string,
    readonly actor: Actor,
  ) {}

  static async start(db: Db, options: LabOperationsOptions): Promise<LabOperations> {
    const tag = randomUUID().slice(0, 8);
    const regions = options.regions ?? 2;
    const seed = LAB_DEPLOYMENTS[options.activeActive ? 1 : 0]!;
    const keep = seed.regions.slice(0, regions).map((r) => r.region);
    const names = new Set(seed.cluster.replicas.filter((r) => keep.includes(r.region)).map((r) => r.name));
    const user = await insertUser(db, {
      email: `lab-ops-${tag}@lab.local`,
      name: "Lab operator",
      role: "ADMIN",
      password: "x",
      passwordHash: await hashPassword(`lab-ops-${tag}`),
    });
    const actor: Actor = { userId: user.id, email: user.email, role: "ADMIN" };
    const regionIds = await seedRegions(db, actor, LAB_REGIONS);
    const { deployment } = await seedDeployment(
      db,
      actor,
      {
        ...seed,
        deployment: { ...seed.deployment, slug: `lab-ops-${tag}`, name: `Lab operations ${tag}` },
        regions: seed.regions.filter((r) => keep.includes(r.region)),
        cluster: {
          ...seed.cluster,
          replicas: seed.cluster.replicas.filter((r) => names.has(r.name)),
          links: seed.cluster.links.filter((l) => names.has(l.from) && names.has(l.to)),
        },
        policies: seed.policies.map((p) => ({
          ...p,
          // The lab's clients sit in one place: latency steering would send them all to its nearest
          // region, so the active-active harness spreads them by weight to write in both.
          ...(options.activeActive ? { steering: "WEIGHTED" as const } : {}),
          rules: p.rules.filter((r) => keep.includes(r.region)),
        })),
      },
      regionIds,
    );
    await db.deployment.update({ where: { id: deployment.id }, data: { driverKind: "lab" } });
    for (const runbook of RUNBOOKS)
      await setPolicy(db, actor, {
        deploymentId: deployment.id,
        runbook,
        approvalsRequired: 0,
        approverRole: "APPROVER",
        expiresAfterSeconds: 600,
        gatedSteps: [],
        lagToleranceSeconds: 5,
      });
    const spec = (await loadLabSpecs(db)).find((s) => s.slug === deployment.slug)!;
    const lab = new LabDeployment(spec, {
      root: options.root,
      password: `lab-ops-${tag}`,
      db,
      workload: { start: true, rates: { writesPerSecond: options.writesPerSecond ?? 50, readsPerSecond: 0 } },
    });
    const cluster = await db.databaseCluster.findFirstOrThrow({ where: { deploymentId: deployment.id } });
    const ops = new LabOperations(db, lab, deployment.id, cluster.id, actor);
    await lab.up();
    const actions = inProcessLab(lab);
    registerDirectoryResolver("lab", async (_db, _id, topology) =>
      directoryFromStatus(await actions.status(), topology, actions),
    );
    ops.prober = new WriterProber(
      [...ops.cluster.servers.values()].map(({ replica, server }) => ({
        name: replica.name,
        endpoint: () => (server.port === null ? null : server.endpoint()),
      })),
    );
    ops.prober.start();
    await ops.remember();
    await observeDeployment(db, deployment.id, Date.now(), { intervalMs: 1000, lagAlertAfterSeconds: 2 });
    return ops;
  }

  get cluster(): SinglePrimaryCluster {
    return [...this.lab.clusters.values()][0] as SinglePrimaryCluster;
  }

  get activeActive(): ActiveActiveCluster {
    return [...this.lab.clusters.values()][0] as ActiveActiveCluster;
  }

  /** The model's id of the replica named `name`. */
  async replicaId(name: string): Promise<string> {
    return (await this.db.replica.findFirstOrThrow({ where: { clusterId: this.clusterId, name } })).id;
  }

  async remember(): Promise<void> {
    for (const s of await this.lab.serverStatus()) {
      if (s.pid) this.pids.add(s.pid);
      if (s.port) this.ports.add(s.port);
    }
    for (const item of [...this.lab.routerStatus(), ...this.lab.linkStatus(), ...this.lab.probeStatus()])
      if (item.port) this.ports.add(item.port);
  }

  /** The servers that take writes now, asked directly (running and not in recovery). */
  async writers(): Promise<string[]> {
    const found: string[] = [];
    for (const { replica, server } of this.cluster.servers.values()) {
      if (!server.running) continue;
      const rows = await queryRows<{ r: boolean }>(
        server.endpoint(),
        "select pg_is_in_recovery() as r",
        [],
        3000,
      ).catch(() => []);
      if (rows[0]?.r === false) found.push(replica.name);
    }
    return found;
  }

  /** Plans and starts an operation (no approval needed: the harness's policy asks none). */
  async request(runbook: TRunbook, replicas: { sourceReplicaId?: string } = {}): Promise<string> {
    const plan = await planOperation(this.db, { deploymentId: this.deploymentId, runbook, ...replicas });
    const { operationId } = await startOperation(this.db, this.actor, {
      deploymentId: this.deploymentId,
      runbook,
      ...replicas,
      planHash: plan.planHash,
      reason: "lab operations",
    });
    return operationId;
  }

  private async status(operationId: string) {
    return this.db.operation.findUniqueOrThrow({ where: { id: operationId } });
  }

  /** Ticks the engine as a worker does (every 20 ms, each tick running what is due back to back) until the run ends. */
  async runToEnd(operationId: string, timeoutMs = 120_000): Promise<RunResult> {
    const startedMs = Date.now();
    for (;;) {
      await engineTick(this.db, Date.now());
      const op = await this.status(operationId);
      if (!(ACTIVE_STATUSES as readonly string[]).includes(op.status))
        return { operationId, status: op.status, failureReason: op.failureReason, startedMs, endedMs: Date.now() };
      if (Date.now() - startedMs > timeoutMs)
        throw new Error(`operation ${operationId} did not end within ${timeoutMs} ms`);
      await sleep(20);
    }
  }

  /** One move at a time until the step of that kind has succeeded. */
  async runUntil(operationId: string, kind: string, timeoutMs = 60_000): Promise<void> {
    const startedMs = Date.now();
    while (!(await this.db.operationStep.count({ where: { operationId, kind, status: "SUCCEEDED" } }))) {
      if (Date.now() - startedMs > timeoutMs) throw new Error(`step ${kind} did not succeed within ${timeoutMs} ms`);
      const op = await this.status(operationId);
      if (!(ACTIVE_STATUSES as readonly string[]).includes(op.status))
        throw new Error(`operation ended ${op.status} before ${kind}: ${op.failureReason}`);
      if ((await engineTick(this.db, Date.now(), { maxMoves: 1 })) === 0) await sleep(20);
    }
  }

  abort(operationId: string, reason: string) {
    return abortOperation(this.db, this.actor, { operationId, reason });
  }

  /** Acknowledged writes of the workload (since an instant, when given) missing from the current primary. */
  async lostWrites(since?: Date): Promise<LostWrites> {
    const workload = this.lab.workload!;
    await workload.flushLedger();
    return countLostWrites(this.db, this.cluster.writer.endpoint(), {
      deployment: this.lab.slug,
      cluster: this.cluster.cluster.name,
      runId: workload.runId,
      ...(since ? { since } : {}),
    });
  }

  /** The deployment's approval policy for `runbook`: approvals asked before the run and at the gated steps. */
  requireApprovals(runbook: TRunbook, approvalsRequired: number, gatedSteps: TStepKind[]) {
    return setPolicy(this.db, this.actor, {
      deploymentId: this.deploymentId,
      runbook,
      approvalsRequired,
      approverRole: "APPROVER",
      expiresAfterSeconds: 600,
      gatedSteps,
      lagToleranceSeconds: 5,
    });
  }

  /** Ticks the engine until the run waits on an open approval gate; that gate. */
  async runUntilGate(operationId: string, timeoutMs = 60_000) {
    const startedMs = Date.now();
    for (;;) {
      const gate = await this.db.approvalGate.findFirst({ where: { operationId, status: "OPEN" } });
      if (gate) return gate;
      const op = await this.status(operationId);
      if (!(ACTIVE_STATUSES as readonly string[]).includes(op.status))
        throw new Error(`operation ended ${op.status} before an approval gate: ${op.failureReason}`);
      if (Date.now() - startedMs > timeoutMs) throw new Error(`no approval gate opened within ${timeoutMs} ms`);
      if ((await engineTick(this.db, Date.now(), { maxMoves: 1 })) === 0) await sleep(20);
    }
  }

  /**
   * The write outage within [fromMs, toMs]: the longest time between two consecutive writes the
   * workload had acknowledged (the last before the failures to the first after), in ms.
   */
  async writeOutageMs(fromMs: number, toMs: number): Promise<number> {
    await this.lab.workload!.flushLedger();
    return (await ledgerWriteOutageMs(this.db, { runId: this.lab.workload!.runId }, fromMs, toMs)) ?? 0;
  }

  async stop(): Promise<void> {
    await this.remember();
    await this.prober?.stop();
    await this.lab.down();
  }
}
