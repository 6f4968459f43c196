// `npm run bench:observe`: what one observation tick costs, and how much of it is resuming the
// twins from their saved JSON (the one way a driver session resumes since the observer's
// in-process cache of drivers went).
//
// Seeds copies of the demo's deployments in a throw-away database and runs the observer's tick over
// all of them, a simulated second apart (the real observeTick: claim, open each session from
// DriverState, observe, assess, one ingest batch, alerts, snapshot, conditional save, publish).
// Beside each tick it times what resuming costs alone: SimDriver.fromJSON of every saved state.
//   npm run bench:observe -- [deployments=20] [ticks=30]
import { SimDriver } from "@/server/drivers/sim";

import { openBenchDatabase, quantile, spread } from "./bench-database";

const DEPLOYMENTS = Number(process.argv[2] ?? 20);
const TICKS = Number(process.argv[3] ?? 30);
const log = (line: string) => console.log(`[bench:observe] ${line}`);
const ms = (value: number) => `${value.toFixed(1)} ms`;

const bench = await openBenchDatabase(log);
try {
  const { db } = bench;
  const { seedPlanningDemo } = await import("@/tests/planning-demo");
  const { observeTick } = await import("@/server/domain/telemetry/observe/observe-tick");
  const slugs = ["commerce-aws", "global-platform", "saas-azure"] as const;
  const deployments: { id: string; driverKind: string }[] = [];
  for (let i = 0; i < DEPLOYMENTS; i += 1) {
    const { deployment } = await seedPlanningDemo(slugs[i % slugs.length]!);
    deployments.push({ id: deployment.id, driverKind: "sim" });
  }
  log(`${DEPLOYMENTS} deployments seeded; ${TICKS} ticks a simulated second apart`);
  const options = { intervalMs: 1000, lagAlertAfterSeconds: 5 };
  let nowMs = Date.now();
  await observeTick(db, deployments, nowMs, options); // the first tick creates the twins
  const ticks: number[] = [];
  const resumes: number[] = [];
  for (let i = 0; i < TICKS; i += 1) {
    nowMs += 1000;
    const started = performance.now();
    const results = await observeTick(db, deployments, nowMs, options);
    ticks.push(performance.now() - started);
    if ([...results.values()].some((r) => r !== "observed")) throw new Error("a deployment was not observed");
    const rows = await db.driverState.findMany({ where: { deploymentId: { in: deployments.map((d) => d.id) } } });
    const resumeStarted = performance.now();
    for (const row of rows) SimDriver.fromJSON((row.state as { driver: unknown }).driver);
    resumes.push(performance.now() - resumeStarted);
  }
  const tick = spread(ticks);
  const resume = spread(resumes);
  log(
    `tick of ${DEPLOYMENTS} deployments: median ${ms(tick.median)}, p95 ${ms(quantile(ticks, 0.95))}, min ${ms(tick.min)}, max ${ms(tick.max)}`,
  );
  log(
    `resuming all ${DEPLOYMENTS} twins from JSON: median ${ms(resume.median)}, min ${ms(resume.min)}, max ${ms(resume.max)}`,
  );
  log(`share of a tick spent resuming (medians): ${((resume.median / tick.median) * 100).toFixed(1)} %`);
} finally {
  await bench.close();
}
