// `npm run bench:ingest`: sustained samples per second into PostgreSQL through the real ingest path.
//
// An estate of 50 deployments, each observed once per tick: 50 links, 10 regions seen from 6 probe
// locations, traffic of the 10 regions and 2 clusters' conflicts (122 samples). Paths, measured in
// turn within each repetition so they meet the same table sizes:
//   worker    one batch per deployment (ingestRows of observationRows), all 50 side by side
//   tick      ingestRows with the whole tick's rows at once (one unnest statement per table)
//   copy      the whole tick through COPY ... FROM STDIN into temp tables, then INSERT ... ON CONFLICT
//             DO NOTHING (scripts/bench/copy-rows.ts): the alternative if unnest fell short
//   naive     one INSERT per sample, deployments side by side (the baseline)
// Bounded: REPS repetitions of fixed tick counts, and a wall-clock budget that ends it early.
import pg from "pg";

import type { Db } from "@/server/db";
import { ingestRows, mergeSampleRows, observationRows } from "@/server/domain/telemetry/ingest";
import type { Observations } from "@/server/drivers/types";

import { openBenchDatabase, spread } from "./bench-database";
import { copyRows } from "./copy-rows";

const DEPLOYMENTS = 50;
const LINKS = 50;
const REGIONS = 10;
const PROBES = 6;
const CLUSTERS = 2;
const REPS = Number(process.env.BENCH_REPS ?? 5);
const TICKS = { worker: 20, tick: 20, copy: 20, naive: 2 };
const BUDGET_MS = 8 * 60_000;

const SAMPLES_PER_DEPLOYMENT = LINKS + REGIONS * PROBES + REGIONS + CLUSTERS;
const log = (line: string) => console.log(`[bench:ingest] ${line}`);

type Estate = { deploymentId: string; observe: (atMs: number) => Observations }[];

function makeEstate(): Estate {
  return Array.from({ length: DEPLOYMENTS }, (_, d) => {
    const deploymentId = `bench-dep-${d}`;
    const links = Array.from({ length: LINKS }, (_, i) => `${deploymentId}-link-${i}`);
    const regions = Array.from({ length: REGIONS }, (_, i) => `${deploymentId}-region-${i}`);
    const probes = Array.from({ length: PROBES }, (_, i) => `probe-${i}`);
    const clusters = Array.from({ length: CLUSTERS }, (_, i) => `${deploymentId}-cluster-${i}`);
    const observe = (atMs: number): Observations => {
      const wave = Math.sin(atMs / 10_000 + d);
      return {
        observedAtMs: atMs,
        lag: links.map((linkId, i) => ({ linkId, lagMs: 50 + 40 * wave + i, lagBytes: Math.round(1e6 * (1 + wave)) })),
        health: regions.flatMap((regionId, r) =>
          probes.map((probeLocation, p) => ({
            regionId,
            probeLocation,
            healthy: (r + p + atMs / 1000) % 97 !== 0,
            latencyMs: 20 + r + p,
          })),
        ),
        traffic: regions.map((regionId, r) => ({
          regionId,
          requestsPerSecond: 1000 + 100 * r * (1 + wave),
          errorRate: 0.001 * (1 + wave),
          latencyP50Ms: 35 + r,
        })),
        conflicts: clusters.map((clusterId, c) => ({
          clusterId,
          conflicts: Math.floor(atMs / 1000) + c,
          conflictsPerSecond: 0.5 + wave,
        })),
        routing: [],
      };
    };
    return { deploymentId, observe };
  });
}

/** One INSERT per sample, each its own statement and commit: what a naive ingest does. */
async function naiveInsert(db: Db, deploymentId: string, o: Observations): Promise<number> {
  const at = new Date(o.observedAtMs);
  let inserted = 0;
  for (const s of o.lag) {
    inserted +=
      await db.$executeRaw`insert into "LagSample" ("linkId", at, "lagMs", "lagBytes") values (${s.linkId}, ${at}, ${s.lagMs}, ${BigInt(s.lagBytes)}) on conflict do nothing`;
  }
  for (const s of o.health) {
    inserted +=
      await db.$executeRaw`insert into "HealthSample" ("deploymentId", "regionId", "probeLocation", at, healthy, "latencyMs")
      values (${deploymentId}, ${s.regionId}, ${s.probeLocation}, ${at}, ${s.healthy}, ${s.latencyMs}) on conflict do nothing`;
  }
  for (const s of o.traffic) {
    inserted +=
      await db.$executeRaw`insert into "TrafficSample" ("deploymentId", "regionId", at, "requestsPerSecond", "errorRate", "latencyP50Ms")
      values (${deploymentId}, ${s.regionId}, ${at}, ${s.requestsPerSecond}, ${s.errorRate}, ${s.latencyP50Ms}) on conflict do nothing`;
  }
  for (const s of o.conflicts) {
    inserted += await db.$executeRaw`insert into "ConflictSample" ("clusterId", at, conflicts, "conflictsPerSecond")
      values (${s.clusterId}, ${at}, ${BigInt(s.conflicts)}, ${s.conflictsPerSecond}) on conflict do nothing`;
  }
  return inserted;
}

type Path = keyof typeof TICKS;

/** Runs `ticks` ticks of the whole estate through `path`; returns samples per second. */
async function measure(
  db: Db,
  pool: pg.Pool,
  estate: Estate,
  path: Path,
  ticks: number,
  clock: { atMs: number },
): Promise<number> {
  let inserted = 0;
  const started = performance.now();
  for (let t = 0; t < ticks; t++) {
    const atMs = (clock.atMs += 1000);
    if (path === "worker") {
      const results = await Promise.all(
        estate.map((d) => ingestRows(db, observationRows(d.deploymentId, d.observe(atMs)))),
      );
      inserted += results.reduce((sum, r) => sum + r.inserted, 0);
    } else if (path === "tick") {
      inserted += (
        await ingestRows(db, mergeSampleRows(estate.map((d) => observationRows(d.deploymentId, d.observe(atMs)))))
      ).inserted;
    } else if (path === "copy") {
      inserted += (
        await copyRows(pool, mergeSampleRows(estate.map((d) => observationRows(d.deploymentId, d.observe(atMs)))))
      ).inserted;
    } else {
      inserted += (await Promise.all(estate.map((d) => naiveInsert(db, d.deploymentId, d.observe(atMs))))).reduce(
        (a, b) => a + b,
        0,
      );
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const expected = ticks * DEPLOYMENTS * SAMPLES_PER_DEPLOYMENT;
  if (inserted !== expected) throw new Error(`${path}: inserted ${inserted} samples, expected ${expected}`);
  return inserted / seconds;
}

async function main() {
  const startedAt = Date.now();
  const bench = await openBenchDatabase(log);
  try {
    const { db } = bench;
    // COPY needs a raw connection; as many as the tables it writes side by side.
    const pool = new pg.Pool({ connectionString: bench.url, max: 4 });
    const estate = makeEstate();
    const clock = { atMs: Date.UTC(2026, 10, 26) };
    log(
      `${DEPLOYMENTS} deployments × ${SAMPLES_PER_DEPLOYMENT} samples per tick = ${DEPLOYMENTS * SAMPLES_PER_DEPLOYMENT} samples per tick; pool ${process.env.MERIDIAN_DB_POOL_SIZE ?? 10} connections`,
    );
    // Warm-up: connections, plans, caches.
    for (const path of ["worker", "tick", "copy"] as const) await measure(db, pool, estate, path, 3, clock);
    const rates: Record<Path, number[]> = { worker: [], tick: [], copy: [], naive: [] };
    const ratios = { workerToNaive: [] as number[], tickToNaive: [] as number[], copyToTick: [] as number[] };
    for (let rep = 1; rep <= REPS; rep++) {
      if (Date.now() - startedAt > BUDGET_MS) {
        log(`time budget spent after ${rep - 1} repetitions`);
        break;
      }
      for (const path of ["worker", "tick", "copy", "naive"] as const)
        rates[path].push(await measure(db, pool, estate, path, TICKS[path], clock));
      const last = (path: Path) => rates[path].at(-1)!;
      ratios.workerToNaive.push(last("worker") / last("naive"));
      ratios.tickToNaive.push(last("tick") / last("naive"));
      ratios.copyToTick.push(last("copy") / last("tick"));
      log(
        `rep ${rep}: per deployment ${last("worker").toFixed(0)}/s, per tick (worker) ${last("tick").toFixed(0)}/s, copy ${last("copy").toFixed(0)}/s, naive ${last("naive").toFixed(0)}/s`,
      );
    }
    const show = (values: number[], digits = 0) => {
      const s = spread(values);
      return `median ${s.median.toFixed(digits)} (min ${s.min.toFixed(digits)} – max ${s.max.toFixed(digits)})`;
    };
    console.log("");
    console.log(`samples/s, one batch per deployment (50 side by side):  ${show(rates.worker)}`);
    console.log(
      `samples/s, one batch per tick, as the worker writes (ingestRows, ≤ 4 statements): ${show(rates.tick)}`,
    );
    console.log(`samples/s, tick batch through COPY (temp tables, 4 connections):         ${show(rates.copy)}`);
    console.log(`samples/s, naive (one INSERT per sample):                                 ${show(rates.naive)}`);
    console.log(
      `ratio per-deployment / naive, same repetition:                            ${show(ratios.workerToNaive, 1)}×`,
    );
    console.log(
      `ratio per-tick (the worker) / naive, same repetition:                     ${show(ratios.tickToNaive, 1)}×`,
    );
    console.log(
      `ratio copy / tick, same repetition:                                       ${show(ratios.copyToTick, 2)}×`,
    );
    const names: Record<Path, string> = {
      worker: "per deployment",
      tick: "per tick (the worker)",
      copy: "COPY",
      naive: "naive",
    };
    const verdict = (path: Path) =>
      `${names[path]} ${spread(rates[path]).median >= 50_000 ? "meets it" : "falls short"}`;
    console.log(`target ≥ 50000 samples/s (median): ${(["worker", "tick", "copy"] as const).map(verdict).join(", ")}`);
    await pool.end();
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
