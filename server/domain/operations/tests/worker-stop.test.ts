// The real worker process (server/worker.ts, a child of this test) told to stop mid-switchover:
// SIGTERM lets the move in flight finish, hands the worker's leases back and exits 0, so nothing
// is left in doubt and another worker takes the operation over at once. The child gets a database
// of its own: its engine moves every operation it finds, and other test files run beside this one.
import { spawn, type ChildProcess } from "node:child_process";

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { ACTIVE_STATUSES } from "@/lib/operations/contracts";
import { db } from "@/server/db";
import { engineTick } from "@/server/domain/operations/engine/engine";
import { userWithPassword } from "@/tests/factories";
import { opsEstate, request, runToEnd, writers } from "@/tests/operations-estate";

import { applyMigrations } from "../../../../prisma/tools/migrations";
import { createDatabaseIfMissing, dropDatabase, withDatabase } from "../../../../scripts/lib/postgres.mjs";

const name = `${new URL(inject("ownerDatabaseUrl")).pathname.slice(1)}_worker_stop`;
const ownerUrl = withDatabase(inject("ownerDatabaseUrl"), name);
const appUrl = withDatabase(inject("databaseUrl"), name);
let child: ChildProcess | null = null;

beforeAll(async () => {
  await createDatabaseIfMissing(ownerUrl);
  await applyMigrations(ownerUrl, { appUrl });
  // server/db connects on first use: from here on, this file's client is on the child's database.
  process.env.DATABASE_URL = appUrl;
  const [row] = await db.$queryRaw<{ database: string }[]>`select current_database() as database`;
  expect(row?.database).toBe(name);
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await db.$disconnect();
  await dropDatabase(ownerUrl);
});

function startWorker() {
  const proc = spawn(process.execPath, ["--import", "tsx", "server/worker.ts"], {
    cwd: process.cwd(),
    // Named as a worker is by default (host:pid), not as the test processes are.
    env: { ...process.env, DATABASE_URL: appUrl, MERIDIAN_WORKER_NAME: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  proc.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return { proc, exited, output: () => output };
}

describe("the worker process told to stop", { timeout: 180_000 }, () => {
  it("lets the move in flight finish, hands its leases back and exits; another worker goes on at once", async () => {
    const estate = await opsEstate();
    const admin = await userWithPassword("ADMIN");
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
    const worker = startWorker();
    child = worker.proc;
    // Stopped as soon as it has moved the switchover, most likely between or inside its next moves.
    for (let i = 0; i < 1200; i += 1) {
      if ((await db.operationStep.count({ where: { operationId, status: "SUCCEEDED" } })) > 0) break;
      if (worker.proc.exitCode !== null) throw new Error(`the worker exited early:\n${worker.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    worker.proc.kill("SIGTERM");
    expect(await worker.exited, worker.output()).toBe(0);
    expect(worker.output()).toMatch(/stopped after the moves in flight; \d+ lease\(s\) released/);

    // Nothing in doubt, and no lease of the stopped worker still holds.
    expect(await db.stepAttempt.count({ where: { operationId, status: "ATTEMPTING" } })).toBe(0);
    const [leases] = await db.$queryRaw<{ live: bigint }[]>`
      select count(*) as live from "OperationLease" where "expiresAt" > clock_timestamp()`;
    expect(Number(leases?.live)).toBe(0);

    const op = await db.operation.findUniqueOrThrow({ where: { id: operationId } });
    if ((ACTIVE_STATUSES as readonly string[]).includes(op.status)) {
      // The successor acts at once: it does not wait for a lease to expire.
      expect(await engineTick(db, Date.now(), { holder: "successor", maxMoves: 1, operationIds: [operationId] })).toBe(
        1,
      );
      const { op: ended } = await runToEnd(estate.deploymentId, operationId, Date.now(), {
        holder: "successor",
        operationIds: [operationId],
      });
      expect(ended.status).toBe("SUCCEEDED");
    } else expect(op.status).toBe("SUCCEEDED");
    expect(await writers(estate.deploymentId, estate.clusterId)).toEqual([estate.standby.id]);
  });
});
