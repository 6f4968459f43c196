// `npm run bench:failover`: unplanned failovers of a lab cluster through the engine, on real
// PostgreSQL 18 servers. The same lab as bench:switchover (2 servers streaming through a relay with
// the distance's delay, the router, the workload through it at 50 writes/s with the ledger, the
// prober on every server every 10 ms). Each run observes once (the data at risk the console shows),
// kills the primary's server with kill -9, requests a failover at once (as an on-call would on the
// alert) and ticks the engine as the worker does: a quorum of probes 3 times 1 s apart, the standby
// with the highest received LSN promoted, the router pointed at it. It measures:
//   - from the kill to the first write acknowledged in the new region (the ledger);
//   - lost writes: acknowledged writes missing from the new primary, beside the data at risk shown;
//   - two-writer instants seen by the prober.
// The dead server then returns and rejoins as a standby (new timeline, or re-cloned) before the next run.
//   npm run bench:failover -- [runs=10]
import { setTimeout as sleep } from "node:timers/promises";

import { spread } from "./bench-database";
import { labBench } from "./lab-bench";

const RUNS = Number(process.argv[2] ?? 10);

await labBench("failover", async (ops, db, log) => {
  const { observeDeployment } = await import("@/server/domain/telemetry/observe/observe-tick");
  const { latestSnapshot } = await import("@/server/domain/telemetry/snapshot");
  const { countLostWrites } = await import("@/server/lab/lost-writes");
  const recoveries: number[] = [];
  let lostTotal = 0;
  let twoWriters = 0;
  let recloned = 0;
  // Writes a failover loses were acknowledged by the dead primary before its kill: counting from the
  // previous kill counts each loss once (a fixed window would count a run's losses again in the next).
  let previousKillAt = Date.now() - 30_000;
  for (let run = 1; run <= RUNS; run++) {
    const [dead] = await ops.writers();
    const replicas = await db.replica.findMany({ where: { clusterId: ops.clusterId } });
    const standby = replicas.find((r) => r.name !== dead)!;
    await observeDeployment(db, ops.deploymentId, Date.now(), { intervalMs: 1000, lagAlertAfterSeconds: 2 });
    const shown = (await latestSnapshot(db, ops.deploymentId))?.snapshot.servers?.find(
      (s) => s.replicaId === standby.id,
    )?.atRisk;
    const killAt = Date.now();
    await ops.lab.stopServer(dead!, "kill");
    const operationId = await ops.request("FAILOVER");
    const result = await ops.runToEnd(operationId);
    if (result.status !== "SUCCEEDED") throw new Error(`run ${run} ended ${result.status}: ${result.failureReason}`);
    const [writer] = await ops.writers();
    const region = writer!.replace(/^pg-/, "");
    await ops.lab.workload!.flushLedger();
    await sleep(500);
    await ops.lab.workload!.flushLedger();
    const first = await db.labLedgerWrite.findFirst({
      where: { runId: ops.lab.workload!.runId, region, acknowledgedAt: { gte: new Date(killAt) } },
      orderBy: { acknowledgedAt: "asc" },
    });
    const recoveryMs = first ? first.acknowledgedAt.getTime() - killAt : Number.NaN;
    recoveries.push(recoveryMs);
    const lost = await countLostWrites(db, ops.cluster.writer.endpoint(), {
      deployment: ops.lab.slug,
      cluster: ops.cluster.cluster.name,
      runId: ops.lab.workload!.runId,
      since: new Date(previousKillAt),
    });
    previousKillAt = killAt;
    lostTotal += lost.lost;
    const instants = ops.prober.twoWriterInstants(killAt - 1000, Date.now());
    // When each action of the run began (its intent is committed just before the call), from the kill.
    const attempts = await db.stepAttempt.findMany({
      where: { operationId },
      orderBy: { token: "asc" },
      select: { action: true, createdAt: true },
    });
    const actions = attempts.map((a) => `${a.action} +${a.createdAt.getTime() - killAt}`).join(", ");
    twoWriters += instants;
    // The dead region returns: its server rejoins as a standby of the new primary.
    const back = Date.now();
    await ops.lab.startServer(dead!);
    const marker = ops.cluster.serverOf(dead!).server;
    const again = (await ops.lab.serverStatus()).find((s) => s.replica === dead);
    if (again?.marker?.action.includes("re-cloned")) recloned++;
    await ops.remember();
    log(
      `run ${run}: kill -9 ${dead} -> ${writer}: first acknowledged write in ${region} ${recoveryMs} ms after the kill; lost ${lost.lost} (data at risk shown: ${shown ? `${shown.bytes} B, ${shown.seconds.toFixed(2)} s` : "none"}); two-writer instants ${instants}; ${dead} back as a standby in ${Date.now() - back} ms (${again?.marker?.action ?? "?"}, running ${marker.running}); actions (ms from the kill): ${actions}`,
    );
    await sleep(2000);
  }
  const r = spread(recoveries);
  log(`runs: ${RUNS} (kill -9 of the primary, alternating regions), workload 50 writes/s through the router`);
  log(`kill to first acknowledged write in the new region: median ${r.median} ms (${r.min}-${r.max})`);
  log(`lost acknowledged writes: ${lostTotal} over ${RUNS} failovers`);
  log(`two-writer instants (prober): ${twoWriters}; dead primaries re-cloned on return: ${recloned} of ${RUNS}`);
});
