// `npm run bench:failback`: the way back after an unplanned failover, on the lab's real PostgreSQL 18
// servers through the engine (the lab of bench:failover: 2 servers, the router, the workload at 50
// writes/s with the ledger, the prober on every server every 10 ms). Each run kills the primary
// (kill -9), fails over, then brings the dead server back and fails back. It measures:
//   - rejoin: from starting the dead server to it streaming as a standby of the new primary
//     (following the new timeline, or re-cloned when its WAL went past the promotion point);
//   - the whole failback, from its request to its end (its lag must hold at zero for
//     stableSeconds, 10 s by default, before the switchover back);
//   - the failback's write outage as the clients saw it (the ledger), lost writes, two-writer instants.
//   npm run bench:failback -- [runs=5]
import { setTimeout as sleep } from "node:timers/promises";

import { spread } from "./bench-database";
import { labBench } from "./lab-bench";

const RUNS = Number(process.argv[2] ?? 5);

await labBench("failback", async (ops, db, log) => {
  const { queryRows } = await import("@/server/lab/sql");
  /** Polls every 20 ms until `name` streams from a primary; the time it took. */
  async function untilStreaming(name: string, fromMs: number): Promise<number> {
    for (;;) {
      const rows = await queryRows<{ status: string }>(
        ops.cluster.serverOf(name).server.endpoint(),
        "select status from pg_stat_wal_receiver",
        [],
        1000,
      ).catch(() => []);
      if (rows[0]?.status === "streaming") return Date.now() - fromMs;
      if (Date.now() - fromMs > 120_000) throw new Error(`${name} did not stream within 120 s`);
      await sleep(20);
    }
  }

  const rejoins: number[] = [];
  const wholes: number[] = [];
  const outages: number[] = [];
  let lostTotal = 0;
  let twoWriters = 0;
  for (let run = 1; run <= RUNS; run++) {
    const [original] = await ops.writers();
    await ops.lab.stopServer(original!, "kill");
    const failover = await ops.runToEnd(await ops.request("FAILOVER"));
    if (failover.status !== "SUCCEEDED") throw new Error(`failover ${run} ended ${failover.status}`);
    const back = Date.now();
    await ops.lab.startServer(original!);
    await ops.remember();
    const rejoinMs = await untilStreaming(original!, back);
    const how = (await ops.lab.serverStatus()).find((s) => s.replica === original)?.marker?.action ?? "?";
    rejoins.push(rejoinMs);
    const operationId = await ops.request("FAILBACK");
    const result = await ops.runToEnd(operationId, 180_000);
    if (result.status !== "SUCCEEDED")
      throw new Error(`failback ${run} ended ${result.status}: ${result.failureReason}`);
    const [writer] = await ops.writers();
    if (writer !== original) throw new Error(`failback ${run} left ${writer} the writer, not ${original}`);
    const outageMs = await ops.writeOutageMs(result.startedMs, result.endedMs);
    const lost = await ops.lostWrites(new Date(result.startedMs));
    const instants = ops.prober.twoWriterInstants(back, Date.now());
    wholes.push(result.endedMs - result.startedMs);
    outages.push(outageMs);
    lostTotal += lost.lost;
    twoWriters += instants;
    await ops.remember();
    log(
      `run ${run}: ${original} back as a standby in ${rejoinMs} ms (${how}); failback ${result.endedMs - result.startedMs} ms, write outage ${outageMs} ms, lost ${lost.lost} of ${lost.acknowledged}, two-writer instants ${instants}`,
    );
    await sleep(2000);
  }
  const [rj, wh, ou] = [spread(rejoins), spread(wholes), spread(outages)];
  log(`runs: ${RUNS} (kill -9, failover, the dead server back, failback), workload 50 writes/s through the router`);
  log(`dead primary to streaming standby: median ${rj.median} ms (${rj.min}-${rj.max})`);
  log(`whole failback (stable for 10 s included): median ${wh.median} ms (${wh.min}-${wh.max})`);
  log(`failback write outage (ledger): median ${ou.median} ms (${ou.min}-${ou.max})`);
  log(`lost acknowledged writes in failbacks: ${lostTotal}; two-writer instants (prober): ${twoWriters}`);
});
