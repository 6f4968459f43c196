// Crash test: the real worker process (server/worker.ts) killed with SIGKILL at random points of
// switchovers, 20 times. The next worker process is started at once, and takes the operation
// over only once the killed one's lease has expired. Every run ends succeeded, rolled back or
// failed with a reason; never two writers; no step's effect recorded twice. On the sim (its twin
// commits with each step); the lab's servers are the "pgops" crash test's. The workers get a
// database of their own: their engines move every operation they find.
import { spawn, type ChildProcess } from "node:child_process";

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { ACTIVE_STATUSES } from "@/lib/operations/contracts";
import { db } from "@/server/db";
import { userWithPassword } from "@/tests/factories";
import { opsEstate, request, writers } from "@/tests/operations-estate";

import { applyMigrations } from "../../../../prisma/tools/migrations";
import { createDatabaseIfMissing, dropDatabase, withDatabase } from "../../../../scripts/lib/postgres.mjs";

const RUNS = 20;
const name = `${new URL(inject("ownerDatabaseUrl")).pathname.slice(1)}_worker_crash`;
const ownerUrl = withDatabase(inject("ownerDatabaseUrl"), name);
const appUrl = withDatabase(inject("databaseUrl"), name);
const children: ChildProcess[] = [];

beforeAll(async () => {
  await createDatabaseIfMissing(ownerUrl);
  await applyMigrations(ownerUrl, { appUrl });
  // server/db connects on first use: from here on, this file's client is on the workers' database.
  process.env.DATABASE_URL = appUrl;
  const [row] = await db.$queryRaw<{ database: string }[]>`select current_database() as database`;
  expect(row?.database).toBe(name);
}, 120_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await db.$disconnect();
  await dropDatabase(ownerUrl);
});

function startWorker() {
  const proc = spawn(process.execPath, ["--import", "tsx", "server/worker.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: appUrl, MERIDIAN_WORKER_NAME: "" },
    stdio: "ignore",
  });
  children.push(proc);
  return proc;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type LeaseRow = { holder: string; expiresMs: number; acquiredMs: number };
async function leaseOf(operationId: string): Promise<LeaseRow | null> {
  const [row] = await db.$queryRaw<LeaseRow[]>`
    select holder, (extract(epoch from "expiresAt") * 1000)::float8 as "expiresMs",
      (extract(epoch from "acquiredAt") * 1000)::float8 as "acquiredMs"
    from "OperationLease" where "operationId" = ${operationId}`;
  return row ?? null;
}

describe("kill -9 of the worker at random points of a switchover", { timeout: 900_000 }, () => {
  it(`${RUNS} times: every run ends with a reason and one writer; the next worker waits for the lease`, async () => {
    const admin = await userWithPassword("ADMIN");
    const delays = fc.sample(fc.integer({ min: 0, max: 1500 }), { numRuns: RUNS, seed: 10 });
    let worker = startWorker();
    for (let run = 0; run < RUNS; run += 1) {
      const estate = await opsEstate();
      await admin.caller.operations.setPolicy({
        deploymentId: estate.deploymentId,
        runbook: "SWITCHOVER",
        approvalsRequired: 0,
        approverRole: "APPROVER",
        expiresAfterSeconds: 600,
        gatedSteps: [],
        lagToleranceSeconds: 5,
      });
      const { operationId } = await request(estate.deploymentId, "SWITCHOVER");
      // Killed at a random moment once the worker has started on the run.
      for (let i = 0; i < 2400; i += 1) {
        if (await db.operationStep.count({ where: { operationId, status: { not: "PENDING" } } })) break;
        await sleep(25);
      }
      await sleep(delays[run]!);
      worker.kill("SIGKILL");
      await new Promise((resolve) =>
        worker.exitCode !== null || worker.signalCode ? resolve(null) : worker.once("exit", resolve),
      );
      const atKill = await leaseOf(operationId);
      expect((await writers(estate.deploymentId, estate.clusterId)).length).toBeLessThanOrEqual(1);
      // The next worker process, started at once.
      worker = startWorker();
      let op = await db.operation.findUniqueOrThrow({ where: { id: operationId } });
      for (let i = 0; i < 2400 && (ACTIVE_STATUSES as readonly string[]).includes(op.status); i += 1) {
        await sleep(50);
        expect((await writers(estate.deploymentId, estate.clusterId)).length).toBeLessThanOrEqual(1);
        op = await db.operation.findUniqueOrThrow({ where: { id: operationId } });
      }
      expect(ACTIVE_STATUSES).not.toContain(op.status);
      if (op.status !== "SUCCEEDED") expect(op.failureReason).toBeTruthy();
      expect(await writers(estate.deploymentId, estate.clusterId)).toHaveLength(1);
      const effective = await db.operationStep.count({
        where: { operationId, status: { in: ["SUCCEEDED", "ROLLED_BACK"] } },
      });
      expect(await db.auditRecord.count({ where: { objectId: operationId, action: "operation.step" } })).toBe(
        effective,
      );
      // A worker that took the run over from the killed one did so only once its lease had expired.
      const after = await leaseOf(operationId);
      if (atKill && after && after.holder !== atKill.holder)
        expect(after.acquiredMs).toBeGreaterThanOrEqual(atKill.expiresMs);
    }
    worker.kill("SIGTERM");
  });
});
