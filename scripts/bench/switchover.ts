// `npm run bench:switchover`: planned switchovers of a lab cluster through the engine, on real
// PostgreSQL 18 servers. A primary (us-east-1) and a standby (eu-west-1) streaming through a relay
// with the distance's delay, a router, and the lab's workload through the router (50 writes/s, each
// acknowledged write in the ledger); an independent prober tries a write on every server directly
// every 10 ms. Each run asks the engine for a switchover (alternating direction) and ticks it as the
// worker does; it measures:
//   - the write outage: the longest time between two consecutive acknowledged writes of the
//     workload around the run (the last acknowledged before the failures to the first after);
//   - lost writes: acknowledged writes (ledger) missing from the new primary, over all runs;
//   - two-writer instants: acknowledged probe writes on two servers whose intervals overlap.
//   npm run bench:switchover -- [runs=20]
import { setTimeout as sleep } from "node:timers/promises";

import { spread } from "./bench-database";
import { labBench } from "./lab-bench";

const RUNS = Number(process.argv[2] ?? 20);

await labBench("switchover", async (ops, db, log) => {
  const outages: number[] = [];
  const durations: number[] = [];
  let twoWriters = 0;
  for (let run = 1; run <= RUNS; run++) {
    const [from] = await ops.writers();
    const operationId = await ops.request("SWITCHOVER");
    const result = await ops.runToEnd(operationId);
    if (result.status !== "SUCCEEDED") throw new Error(`run ${run} ended ${result.status}: ${result.failureReason}`);
    await sleep(1000);
    const outage = await ops.writeOutageMs(result.startedMs - 500, Date.now());
    const instants = ops.prober.twoWriterInstants(result.startedMs - 500, Date.now());
    twoWriters += instants;
    outages.push(outage);
    durations.push(result.endedMs - result.startedMs);
    const [to] = await ops.writers();
    // When each action of the run began (its intent is committed just before the call), from the fence.
    const attempts = await db.stepAttempt.findMany({
      where: { operationId },
      orderBy: { token: "asc" },
      select: { action: true, createdAt: true },
    });
    const fenceAt = attempts.find((a) => a.action === "fence")?.createdAt.getTime() ?? 0;
    const actions = attempts.map((a) => `${a.action} +${a.createdAt.getTime() - fenceAt}`).join(", ");
    log(
      `run ${run}: ${from} -> ${to}: write outage ${outage} ms, whole run ${result.endedMs - result.startedMs} ms, two-writer instants ${instants}; actions (ms from the fence): ${actions}`,
    );
  }
  const lost = await ops.lostWrites();
  const o = spread(outages);
  const d = spread(durations);
  log(`runs: ${RUNS} (alternating direction), workload 50 writes/s through the router`);
  log(`write outage: median ${o.median} ms (${o.min}-${o.max}), worst ${o.max} ms`);
  log(`whole run (pre-checks to repointed): median ${d.median} ms (${d.min}-${d.max})`);
  log(`lost acknowledged writes: ${lost.lost} of ${lost.acknowledged}`);
  log(
    `two-writer instants (prober, every 10 ms on every server): ${twoWriters} in ${ops.prober.attempts} probe writes`,
  );
});
