// `npm run bench:engine`: what the runbook engine costs per step, and how it scales with operations
// and workers.
//
// Seeds copies of the demo's warm-standby estate (commerce-aws) in a throw-away database, sets
// their switchover policy to need no approval, requests a planned switchover on each, and drives
// the engine on the real clock (no observer: the twin advances with each step):
//   0. write outage: the report's measured RTO of a switchover driven on the worker's 500 ms beat;
//   1. move latency: one operation, one move per call (lock the operation, resume the twin, run the
//      step, save twin + model + step + audit + event, commit), p50/p95/max over every move;
//   2. throughput: 24 switchovers at once, driven by one worker loop, then by two in parallel (as
//      two worker processes would, through the same row locks): moves per second and the time until
//      all 24 have ended. The ratio of the two runs is the figure that carries over between machines.
import { randomUUID } from "node:crypto";

import { ACTIVE_STATUSES } from "@/lib/operations/contracts";
import type { Db } from "@/server/db";

import { openBenchDatabase, quantile, spread } from "./bench-database";

const OPERATIONS = Number(process.env.BENCH_OPERATIONS ?? 24);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const log = (line: string) => console.log(`[bench:engine] ${line}`);

async function requestSwitchovers(db: Db, count: number): Promise<string[]> {
  const { seedPlanningDemo } = await import("@/tests/planning-demo");
  const { insertUser, hashPassword } = await import("@/server/domain/identity/users");
  const { setPolicy } = await import("@/server/domain/operations/approvals/policies");
  const { startOperation } = await import("@/server/domain/operations/plan/start");
  const { planOperation } = await import("@/server/domain/operations/plan/plan");
  const user = await insertUser(db, {
    email: `bench-${randomUUID()}@bench.local`,
    name: "Bench operator",
    role: "ADMIN",
    password: "x",
    passwordHash: await hashPassword("bench-password"),
  });
  const actor = { userId: user.id, email: user.email, role: "ADMIN" as const };
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const { deployment } = await seedPlanningDemo("commerce-aws");
    await setPolicy(db, actor, {
      deploymentId: deployment.id,
      runbook: "SWITCHOVER",
      approvalsRequired: 0,
      approverRole: "APPROVER",
      expiresAfterSeconds: 600,
      gatedSteps: [],
      lagToleranceSeconds: 5,
    });
    const plan = await planOperation(db, { deploymentId: deployment.id, runbook: "SWITCHOVER" });
    ids.push(
      (
        await startOperation(db, actor, {
          deploymentId: deployment.id,
          runbook: "SWITCHOVER",
          planHash: plan.planHash,
          reason: "bench",
        })
      ).operationId,
    );
  }
  return ids;
}

async function unfinished(db: Db, ids: string[]) {
  return db.operation.count({ where: { id: { in: ids }, status: { in: [...ACTIVE_STATUSES] } } });
}

/** One switchover at a time, so each timed call is exactly one move of one operation. */
async function moveLatency(db: Db, runs: number) {
  const { engineTick } = await import("@/server/domain/operations/engine/engine");
  const timings: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const [id] = await requestSwitchovers(db, 1);
    while ((await unfinished(db, [id!])) > 0) {
      const started = performance.now();
      const moves = await engineTick(db, null, { maxMoves: 1 });
      if (moves === 1) timings.push(performance.now() - started);
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const ms = (q: number) => quantile(timings, q).toFixed(1);
  console.log(
    `move latency, ${runs} switchovers one after another: ${timings.length} moves: p50 ${ms(0.5)} ms, p95 ${ms(0.95)} ms, max ${Math.max(...timings).toFixed(1)} ms`,
  );
}

/**
 * The sim's write outage of a planned switchover driven as the worker drives it: a tick every
 * 500 ms on the database's clock (a tick that is still running skips the beat). The outage is the
 * report's measured RTO: from the end of the step before the fence to writes verified on the new
 * primary (report.ts).
 */
async function writeOutage(db: Db, runs: number) {
  const { engineTick } = await import("@/server/domain/operations/engine/engine");
  const outages: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const [id] = await requestSwitchovers(db, 1);
    let busy = false;
    await new Promise<void>((resolve) => {
      const beat = setInterval(() => {
        if (busy) return;
        busy = true;
        void engineTick(db, null, { operationIds: [id!] })
          .then(async () => {
            if ((await unfinished(db, [id!])) === 0) {
              clearInterval(beat);
              resolve();
            }
          })
          .finally(() => (busy = false));
      }, 500);
    });
    const op = await db.operation.findUniqueOrThrow({ where: { id: id! } });
    const report = op.report as { measuredRtoSeconds: number | null } | null;
    if (op.status === "SUCCEEDED" && report?.measuredRtoSeconds != null) outages.push(report.measuredRtoSeconds);
    else log(`run ${run + 1}: ${op.status} ${op.failureReason ?? ""}`);
  }
  const s = spread(outages);
  console.log(
    `write outage of a switchover on the worker's 500 ms beat, ${outages.length} of ${runs} runs: median ${s.median.toFixed(2)} s (${s.min.toFixed(2)} – ${s.max.toFixed(2)} s)`,
  );
}

async function throughput(db: Db, workers: number) {
  const { engineTick } = await import("@/server/domain/operations/engine/engine");
  const ids = await requestSwitchovers(db, OPERATIONS);
  const started = performance.now();
  let moves = 0;
  const loop = async () => {
    while ((await unfinished(db, ids)) > 0) {
      const made = await engineTick(db, null);
      moves += made;
      if (made === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await Promise.all(Array.from({ length: workers }, loop));
  const seconds = (performance.now() - started) / 1000;
  const failed = await db.operation.count({ where: { id: { in: ids }, status: { not: "SUCCEEDED" } } });
  return { seconds, movesPerSecond: moves / seconds, failed };
}

async function main() {
  const bench = await openBenchDatabase(log);
  try {
    const { db } = bench;
    await writeOutage(db, Number(process.env.BENCH_OUTAGE_RUNS ?? 10));
    if (process.env.BENCH_ONLY_OUTAGE) return;
    await moveLatency(db, 6);
    const one: number[] = [];
    const two: number[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const a = await throughput(db, 1);
      const b = await throughput(db, 2);
      one.push(a.movesPerSecond);
      two.push(b.movesPerSecond);
      console.log(
        `round ${round}: ${OPERATIONS} switchovers, 1 worker: ${a.seconds.toFixed(1)} s, ${a.movesPerSecond.toFixed(0)} moves/s (${a.failed} not succeeded); 2 workers: ${b.seconds.toFixed(1)} s, ${b.movesPerSecond.toFixed(0)} moves/s (${b.failed} not succeeded); ratio ${(b.movesPerSecond / a.movesPerSecond).toFixed(2)}`,
      );
    }
    const s1 = spread(one);
    const s2 = spread(two);
    console.log(
      `moves/s median (min – max): 1 worker ${s1.median.toFixed(0)} (${s1.min.toFixed(0)} – ${s1.max.toFixed(0)}), 2 workers ${s2.median.toFixed(0)} (${s2.min.toFixed(0)} – ${s2.max.toFixed(0)})`,
    );
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
