// `npm run bench:history`: how long a 24-hour lag chart of 50 links takes to read.
//
// Loads a day of one-second lag samples for 50 links (4.32 million rows) the way the pipeline makes
// them: raw samples hour by hour, each hour followed by the worker's 1-minute and 1-hour rollups.
// Then times readHistory for the day (all 50 links, 1-minute rollups merged into 2-minute points)
// and, for comparison, for the last hour (raw samples). Bounded: fixed counts and a time budget.
import { ZHistoryQuery } from "@/lib/telemetry/contracts";
import type { Db } from "@/server/db";
import { readHistory } from "@/server/domain/telemetry/history";
import { ingestRows } from "@/server/domain/telemetry/ingest";
import { DEFAULT_RETENTION } from "@/server/domain/telemetry/retention";
import { rollupSamples } from "@/server/domain/telemetry/rollup";
import { makeTelemetryEstate } from "@/tests/telemetry-estate";

import { openBenchDatabase, quantile } from "./bench-database";

const LINKS = 50;
const HOURS = 24;
const READS = Number(process.env.BENCH_READS ?? 50);
const WARM_UP_READS = 3;
const BATCH_SECONDS = 600;
const BUDGET_MS = 10 * 60_000;
const HOUR_MS = 3_600_000;
/** The day ends at midnight UTC of the benchmark's date; "now" is a minute later. */
const END_MS = Date.UTC(2026, 10, 26);
const NOW_MS = END_MS + 60_000;

const log = (line: string) => console.log(`[bench:history] ${line}`);

/** Lag that wanders like a real link's: a slow wave per link plus a little noise. */
const lagAt = (link: number, atMs: number) =>
  40 + 30 * Math.sin(atMs / 600_000 + link) + (((atMs / 1000) * 7919 + link * 104_729) % 13);

async function loadDay(db: Db, linkIds: string[], startedAt: number) {
  const fromMs = END_MS - HOURS * HOUR_MS;
  const loadStarted = performance.now();
  for (let hour = 0; hour < HOURS; hour++) {
    if (Date.now() - startedAt > BUDGET_MS) throw new Error(`time budget spent while loading hour ${hour}`);
    const hourMs = fromMs + hour * HOUR_MS;
    for (let batchMs = hourMs; batchMs < hourMs + HOUR_MS; batchMs += BATCH_SECONDS * 1000) {
      const linkId: string[] = [];
      const atMs: number[] = [];
      const lagMs: number[] = [];
      for (let s = 0; s < BATCH_SECONDS; s++) {
        const at = batchMs + s * 1000;
        linkIds.forEach((id, link) => {
          linkId.push(id);
          atMs.push(at);
          lagMs.push(lagAt(link, at));
        });
      }
      await ingestRows(db, { lag: { linkId, atMs, lagMs, lagBytes: lagMs.map((ms) => Math.round(ms * 1000)) } });
    }
    // As the worker would, once the hour has passed.
    const nowMs = hourMs + HOUR_MS + 1000;
    await rollupSamples(db, { nowMs, bucketSeconds: 60, retention: DEFAULT_RETENTION });
    await rollupSamples(db, { nowMs, bucketSeconds: 3600, retention: DEFAULT_RETENTION });
    if ((hour + 1) % 6 === 0)
      log(
        `loaded and rolled up ${hour + 1} of ${HOURS} hours (${((performance.now() - loadStarted) / 1000).toFixed(0)} s)`,
      );
  }
  await rollupSamples(db, { nowMs: NOW_MS, bucketSeconds: 60, retention: DEFAULT_RETENTION });
  const [counts] = await db.$queryRaw<{ samples: number; rollups: number }[]>`
    select (select count(*) from "LagSample")::int as samples, (select count(*) from "Rollup" where "bucketSeconds" = 60)::int as rollups`;
  log(
    `${counts!.samples} raw samples, ${counts!.rollups} 1-minute rollups in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s`,
  );
  await db.$executeRawUnsafe(`vacuum analyze "LagSample"`);
  await db.$executeRawUnsafe(`vacuum analyze "Rollup"`);
}

async function timeReads(db: Db, deploymentId: string, rangeMs: number, label: string) {
  const query = ZHistoryQuery.parse({ deploymentId, series: "lag", fromMs: END_MS - rangeMs, toMs: END_MS });
  const read = () => readHistory(db, query, { nowMs: NOW_MS, retention: DEFAULT_RETENTION });
  for (let i = 0; i < WARM_UP_READS; i++) await read();
  const timings: number[] = [];
  let shape = "";
  for (let i = 0; i < READS; i++) {
    const started = performance.now();
    const result = await read();
    timings.push(performance.now() - started);
    const points = result.series.reduce((sum, s) => sum + s.points.length, 0);
    shape = `${result.series.length} series × ${points / result.series.length} points, source ${result.source}, ${result.resolutionSeconds} s per point`;
  }
  const ms = (q: number) => quantile(timings, q).toFixed(1);
  console.log(
    `${label}: ${shape}; ${READS} reads: p50 ${ms(0.5)} ms, p95 ${ms(0.95)} ms, max ${Math.max(...timings).toFixed(1)} ms`,
  );
  return quantile(timings, 0.95);
}

async function main() {
  const startedAt = Date.now();
  const bench = await openBenchDatabase(log);
  try {
    const { db } = bench;
    const estate = await makeTelemetryEstate(db, { regions: 8, links: LINKS });
    log(
      `deployment with ${estate.linkIds.length} links; loading ${HOURS} h of 1 s samples (${LINKS * HOURS * 3600} rows)`,
    );
    await loadDay(db, estate.linkIds, startedAt);
    console.log("");
    const dayP95 = await timeReads(db, estate.deploymentId, 24 * HOUR_MS, "24-hour chart, 50 links");
    await timeReads(db, estate.deploymentId, HOUR_MS, "1-hour chart, 50 links (for comparison)");
    console.log(`target p95 < 150 ms for the 24-hour chart: ${dayP95 < 150 ? "met" : "missed"}`);
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
