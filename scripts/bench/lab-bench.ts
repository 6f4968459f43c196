// The frame of the lab's benchmarks (bench:switchover, bench:failover, bench:failback): a throw-away
// database, a small lab of real servers (2 regions, the router, the workload through it at 50
// writes/s with the ledger, the prober on every server), the load average before and after the
// runs, and, whatever happened, every process stopped by its pid and the lab's folder removed.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import type { Db } from "@/server/db";
import type { LabOperations } from "@/tests/lab-operations";

import { openBenchDatabase } from "./bench-database";

export type BenchLog = (line: string) => void;

const loadWords = (load: number[]) => load.map((x) => x.toFixed(2)).join(" ");

export async function labBench(name: string, runs: (ops: LabOperations, db: Db, log: BenchLog) => Promise<void>) {
  const log: BenchLog = (line) => console.log(`[bench:${name}] ${line}`);
  const bench = await openBenchDatabase(log);
  // Imported once the bench database is DATABASE_URL (server/db reads it when first used).
  const { LabOperations } = await import("@/tests/lab-operations");
  const { closeAllPools } = await import("@/server/drivers/postgres");
  const root = mkdtempSync(path.join(tmpdir(), `meridian-bench-${name}-`));
  chmodSync(root, 0o755);
  const loadBefore = loadavg();
  let ops: LabOperations | null = null;
  try {
    ops = await LabOperations.start(bench.db, { root, regions: 2, writesPerSecond: 50 });
    await sleep(2000);
    await runs(ops, bench.db, log);
    log(`load average before: ${loadWords(loadBefore)}; after: ${loadWords(loadavg())}`);
  } finally {
    await ops?.stop();
    await closeAllPools();
    await bench.close();
    rmSync(root, { recursive: true, force: true });
  }
}
