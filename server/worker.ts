// The background process: it only schedules. Each interval it observes the deployments that are due,
// runs the runbook engine, delivers notifications, rolls samples up, applies retention and trims old
// live events; the work itself lives in the domain. Started beside the web app by `npm start`; several may run at once,
// coordinating only through PostgreSQL.
import { db } from "@/server/db";
import { publishCheckpoint } from "@/server/domain/audit/checkpoint";
import { databaseNow } from "@/server/domain/clock";
import { deliverDue } from "@/server/domain/notifications/deliver";
import { engineTick, processHolder } from "@/server/domain/operations/engine/engine";
import { releaseLeases } from "@/server/domain/operations/engine/lease";
import { observeEachDue } from "@/server/domain/telemetry/observe/observe-tick";
import { applyRetention } from "@/server/domain/telemetry/retention";
import { rollupSamples } from "@/server/domain/telemetry/rollup";
import { env } from "@/server/env";
import { trimLiveEvents } from "@/server/events";

// Parsed at start-up: a wrong variable stops the worker here, with a sentence naming it.
const settings = env();
const tick = {
  intervalMs: settings.MERIDIAN_PROBE_INTERVAL_MS,
  lagAlertAfterSeconds: settings.MERIDIAN_LAG_ALERT_AFTER_SECONDS,
};
const ENGINE_INTERVAL_MS = 500;
const AUDIT_CHECKPOINT_INTERVAL_MS = 10_000;

let stopping = false;
/** Told when the worker is asked to stop: the engine ends its tick after the move in flight. */
const stopEngine = new AbortController();
/** The jobs running now, awaited when the worker stops. */
const running = new Set<Promise<void>>();
// The log line's own time, for people reading it: nothing is computed from it.
const log = (message: string) => console.log(`[worker] ${new Date().toISOString()} ${message}`);
const why = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs `job` every `everyMs`, never overlapping itself, logging instead of dying on errors. */
function every(everyMs: number, name: string, job: () => Promise<unknown>) {
  let busy = false;
  const run = async () => {
    if (busy || stopping) return;
    busy = true;
    const done = (async () => {
      try {
        await job();
      } catch (error) {
        log(`${name} failed: ${why(error)}`);
      }
    })();
    running.add(done);
    await done;
    running.delete(done);
    busy = false;
  };
  void run();
  return setInterval(run, everyMs);
}

log(`observing every ${tick.intervalMs} ms`);
// Each deployment's tick runs on its own: a slow one delays only itself, never the others' snapshots.
const observe = observeEachDue(db, tick, (deployment, error) => log(`observing ${deployment} failed: ${why(error)}`));
const timers = [
  // Every job runs on the database's clock, as the engine's moves do: the twin's time, samples,
  // expiries and the RTO never mix this host's clock with another's.
  every(tick.intervalMs, "observation", async () => observe(await databaseNow(db))),
  // Runbook steps are short and polled: a half-second beat keeps a switchover's measured RTO honest.
  every(ENGINE_INTERVAL_MS, "runbook engine", () =>
    engineTick(db, null, {
      stop: stopEngine.signal,
      onError: (id, error) => log(`operation ${id} could not move: ${why(error)}`),
    }),
  ),
  // The notification outbox: each due delivery is posted, and retried with backoff when it fails.
  every(1_000, "webhook deliveries", () => deliverDue(db)),
  every(30_000, "1-minute rollup", async () => rollupSamples(db, { nowMs: await databaseNow(db), bucketSeconds: 60 })),
  every(10 * 60_000, "1-hour rollup", async () =>
    rollupSamples(db, { nowMs: await databaseNow(db), bucketSeconds: 3600 }),
  ),
  every(15 * 60_000, "retention", async () => applyRetention(db, await databaseNow(db), settings.retention)),
  // The audit head, signed, in a file outside the database (checked by audit verification).
  every(AUDIT_CHECKPOINT_INTERVAL_MS, "audit checkpoint", () => publishCheckpoint(db)),
  every(5 * 60_000, "live event trim", async () => trimLiveEvents(db, await databaseNow(db))),
];

/**
 * SIGTERM or SIGINT: no new job starts, the engine ends its tick after the move in flight (each
 * move is one transaction with its driver calls, all bounded by the lease), the leases are handed
 * back so another worker takes the operations over at once, then the process exits. A job that is
 * still running after a lease's length is abandoned: its transaction dies with the process, its
 * attempts stay in doubt and its leases expire on their own.
 */
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  timers.forEach(clearInterval);
  stopEngine.abort();
  log(`stopping (${signal}): letting ${running.size} job(s) in flight finish`);
  const finished = await Promise.race([
    Promise.all(running).then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), settings.MERIDIAN_OPERATION_LEASE_MS).unref()),
  ]);
  if (finished) {
    const released = await releaseLeases(db, processHolder()).catch((error: unknown) => {
      log(`could not release the leases: ${why(error)}`);
      return 0;
    });
    log(`stopped after the moves in flight; ${released} lease(s) released`);
  } else log("stopped: a job did not finish in time and was abandoned; its leases expire on their own");
  await db.$disconnect();
  process.exit(finished ? 0 : 1);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
