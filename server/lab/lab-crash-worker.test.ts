// Crash test on the lab: the real worker process (server/worker.ts, through tests/lab-worker.ts)
// acting on a small lab of real servers, killed with SIGKILL at random points of switchovers,
// 20 times: half at a random delay once the run has started, half inside a driver call (its intent
// committed, its result not yet). The next worker process starts at once and takes the run over
// only once the killed one's lease has expired (MERIDIAN_OPERATION_LEASE_MS, short here). Every run
// ends succeeded, rolled back or failed with a reason; the prober never sees two writers; no
// acknowledged write is lost; no effect is applied twice, seen from the world: the writer's
// timeline moves by exactly one per change of writer (one promotion), none otherwise. The seed is
// printed: MERIDIAN_CRASH_SEED=<seed> replays a failure's kill points.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { ACTIVE_STATUSES } from "@/lib/operations/contracts";
import { db } from "@/server/db";
import { observeDeployment } from "@/server/domain/telemetry/observe/observe-tick";
import { closeAllPools } from "@/server/drivers/postgres";
import { eventually, expectNothingRunning, labRoot } from "@/tests/lab";
import { LabOperations } from "@/tests/lab-operations";

import { applyMigrations } from "../../prisma/tools/migrations";
import { createDatabaseIfMissing, dropDatabase, withDatabase } from "../../scripts/lib/postgres.mjs";
import { startControlServer, type ControlServer } from "./control-server";
import { Lab } from "./lab";
import { queryRows } from "./sql";

const RUNS = 20;
const LEASE_MS = 2_000;
// Replaying a failure: the seed printed by the failing run (a test's own knob, not the product's).
const SEED = Number(process.env.MERIDIAN_CRASH_SEED ?? Date.now() % 100_000);
const name = `${new URL(inject("ownerDatabaseUrl")).pathname.slice(1)}_lab_crash`;
const ownerUrl = withDatabase(inject("ownerDatabaseUrl"), name);
const appUrl = withDatabase(inject("databaseUrl"), name);
const root = labRoot();
const children: ChildProcess[] = [];
let ops: LabOperations;
let control: ControlServer;

beforeAll(async () => {
  await createDatabaseIfMissing(ownerUrl);
  await applyMigrations(ownerUrl, { appUrl });
  // server/db connects on first use: from here on, this file's client is on the workers' database
  // (the workers move every operation they find, so they get a database of their own).
  process.env.DATABASE_URL = appUrl;
  ops = await LabOperations.start(db, { root });
  // The lab served to the worker processes through its control API, as `npm run lab` serves it.
  const host = new Lab({ root, password: "", db });
  host.deployments.set(ops.lab.slug, ops.lab);
  control = await startControlServer(host, () => undefined);
}, 180_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await control?.close();
  await ops?.stop();
  await closeAllPools();
  await expectNothingRunning([...(ops?.pids ?? [])], [...(ops?.ports ?? [])]);
  await db.$disconnect();
  await dropDatabase(ownerUrl);
  rmSync(root, { recursive: true, force: true });
}, 120_000);

function startWorker() {
  const proc = spawn(
    process.execPath,
    ["--import", "tsx", "tests/lab-worker.ts", String(control.port), control.token],
    {
      cwd: process.cwd(),
      env: {
        ...process.env,
        DATABASE_URL: appUrl,
        MERIDIAN_WORKER_NAME: "",
        MERIDIAN_OPERATION_LEASE_MS: String(LEASE_MS),
      },
      stdio: "ignore",
    },
  );
  children.push(proc);
  return proc;
}

const exited = (proc: ChildProcess) =>
  new Promise((resolve) => (proc.exitCode !== null || proc.signalCode ? resolve(null) : proc.once("exit", resolve)));

type LeaseRow = { holder: string; expiresMs: number; acquiredMs: number };
async function leaseOf(operationId: string): Promise<LeaseRow | null> {
  const [row] = await db.$queryRaw<LeaseRow[]>`
    select holder, (extract(epoch from "expiresAt") * 1000)::float8 as "expiresMs",
      (extract(epoch from "acquiredAt") * 1000)::float8 as "acquiredMs"
    from "OperationLease" where "operationId" = ${operationId}`;
  return row ?? null;
}

/** The one writer, asked directly, and its timeline (every promotion starts a new one). */
async function writerAndTimeline(): Promise<{ writer: string; timeline: number }> {
  const found = await ops.writers();
  expect(found).toHaveLength(1);
  const rows = await queryRows<{ tli: string }>(
    ops.cluster.serverOf(found[0]!).server.endpoint(),
    "select substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8) as tli",
  );
  return { writer: found[0]!, timeline: Number.parseInt(rows[0]!.tli, 16) };
}

/** The pre-check refuses a lagging target: each run starts with every standby streaming and caught up. */
async function standbysCaughtUp() {
  await eventually(
    async () => {
      const [writer] = await ops.writers();
      const rows = await queryRows<{ state: string; lagSeconds: number | null }>(
        ops.cluster.serverOf(writer!).server.endpoint(),
        'select state, extract(epoch from replay_lag)::float8 as "lagSeconds" from pg_stat_replication',
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.state).toBe("streaming");
        expect(row.lagSeconds ?? 0).toBeLessThan(0.5);
      }
    },
    { what: "every standby streaming within 0.5 s of the primary" },
  );
}

/** Waits until the run's `n`-th driver call is in flight (its intent committed, its result not), or the run ends. */
async function insideDriverCall(operationId: string, n: number): Promise<boolean> {
  for (let i = 0; i < 20_000; i += 1) {
    const attempts = await db.stepAttempt.findMany({
      where: { operationId },
      orderBy: { token: "asc" },
      select: { status: true },
    });
    if (attempts.length > n && attempts[n]!.status === "ATTEMPTING") return true;
    if (attempts.length > n) return false; // that call ended before we saw it in flight
    const op = await db.operation.findUniqueOrThrow({ where: { id: operationId }, select: { status: true } });
    if (!(ACTIVE_STATUSES as readonly string[]).includes(op.status)) return false;
    await sleep(2);
  }
  return false;
}

describe("kill -9 of the worker at random points of a lab switchover", { timeout: 600_000 }, () => {
  it(`${RUNS} times: every run ends with a reason, one writer, nothing lost, one promotion per change of writer`, async () => {
    console.log(`lab crash test seed: ${SEED} (replay with MERIDIAN_CRASH_SEED=${SEED})`);
    const points = fc.sample(
      fc.record({
        insideCall: fc.boolean(),
        call: fc.integer({ min: 0, max: 5 }),
        delayMs: fc.integer({ min: 0, max: 800 }),
      }),
      { numRuns: RUNS, seed: SEED },
    );
    const outcomes: Record<string, number> = {};
    const reasons: string[] = [];
    let killedInsideCall = 0;
    let worker = startWorker();
    for (let run = 0; run < RUNS; run += 1) {
      const point = points[run]!;
      const what = `run ${run} (seed ${SEED}, ${JSON.stringify(point)})`;
      await standbysCaughtUp();
      const before = await writerAndTimeline();
      // The plan's checks read the observed model: the region the last run fenced must be seen up again.
      const operationId = await eventually(
        async () => {
          await observeDeployment(db, ops.deploymentId, Date.now(), { intervalMs: 1000, lagAlertAfterSeconds: 2 });
          return ops.request("SWITCHOVER");
        },
        { what: `${what}: a plan that can run` },
      );
      let inside = false;
      if (point.insideCall) inside = await insideDriverCall(operationId, point.call);
      else {
        for (let i = 0; i < 2400; i += 1) {
          if (await db.operationStep.count({ where: { operationId, status: { not: "PENDING" } } })) break;
          await sleep(10);
        }
        await sleep(point.delayMs);
      }
      worker.kill("SIGKILL");
      await exited(worker);
      if (inside) killedInsideCall += 1;
      const atKill = await leaseOf(operationId);
      expect((await ops.writers()).length, what).toBeLessThanOrEqual(1);
      // The next worker process, started at once: it waits for the killed one's lease.
      worker = startWorker();
      let op = await db.operation.findUniqueOrThrow({ where: { id: operationId } });
      for (let i = 0; i < 1200 && (ACTIVE_STATUSES as readonly string[]).includes(op.status); i += 1) {
        await sleep(100);
        op = await db.operation.findUniqueOrThrow({ where: { id: operationId } });
      }
      expect(ACTIVE_STATUSES, what).not.toContain(op.status);
      if (op.status !== "SUCCEEDED") expect(op.failureReason, what).toBeTruthy();
      outcomes[op.status] = (outcomes[op.status] ?? 0) + 1;
      if (op.failureReason) reasons.push(`${what}: ${op.status}: ${op.failureReason}`);
      const after = await writerAndTimeline();
      // One promotion when the writer changed, none when it did not: no promotion applied twice.
      expect(after.timeline - before.timeline, `${what}: ${op.status} ${op.failureReason}`).toBe(
        after.writer === before.writer ? 0 : 1,
      );
      if (op.status === "SUCCEEDED") expect(after.writer, what).not.toBe(before.writer);
      // No step's effect recorded twice.
      const effective = await db.operationStep.count({
        where: { operationId, status: { in: ["SUCCEEDED", "ROLLED_BACK"] } },
      });
      expect(await db.auditRecord.count({ where: { objectId: operationId, action: "operation.step" } }), what).toBe(
        effective,
      );
      // A worker that took the run over from the killed one did so only once its lease had expired.
      const lease = await leaseOf(operationId);
      if (atKill && lease && lease.holder !== atKill.holder)
        expect(lease.acquiredMs, what).toBeGreaterThanOrEqual(atKill.expiresMs);
      await ops.remember();
    }
    worker.kill("SIGTERM");
    await exited(worker);
    console.log(`lab crash test: ${JSON.stringify(outcomes)}; ${killedInsideCall} kills inside a driver call`, reasons);
    expect(killedInsideCall).toBeGreaterThan(0);
    expect(ops.prober.twoWriterInstants()).toBe(0);
    const lost = await ops.lostWrites();
    expect(lost.acknowledged).toBeGreaterThan(100);
    expect(lost.lost).toBe(0);
  });
});
