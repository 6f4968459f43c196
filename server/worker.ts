// The background process: it only schedules. Each interval it observes the deployments that are due,
// runs the runbook engine, delivers notifications, rolls samples up, applies retention and trims old
// live events; the work itself lives in the domain. Started beside the web app by `npm start`; several may run at once,
// coordinating only through PostgreSQL.
import { db } from "@/server/db";
import { publishCheckpoint } from "@/server/domain/audit/checkpoint";
import { deliverDue } from "@/server/domain/notifications/deliver";
import { engineTick } from "@/server/domain/operations/engine/engine";
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
const log = (message: string) => console.log(`[worker] ${new Date().toISOString()} ${message}`);
const why = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs `job` every `everyMs`, never overlapping itself, logging instead of dying on errors. */
function every(everyMs: number, name: string, job: () => Promise<unknown>) {
  let running = false;
  const run = async () => {
    if (running || stopping) return;
    running = true;
    try {
      await job();
    } catch (error) {
      log(`${name} failed: ${why(error)}`);
    } finally {
      running = false;
    }
  };
  void run();
  return setInterval(run, everyMs);
}

log(`observing every ${tick.intervalMs} ms`);
// Each deployment's tick runs on its own: a slow one delays only itself, never the others' snapshots.
const observe = observeEachDue(db, tick, (deployment, error) => log(`observing ${deployment} failed: ${why(error)}`));
const timers = [
  every(tick.intervalMs, "observation", () => observe(Date.now())),
  // Runbook steps are short and polled: a half-second beat keeps a switchover's measured RTO honest.
  every(ENGINE_INTERVAL_MS, "runbook engine", () =>
    engineTick(db, Date.now(), {
      onError: (id, error) => log(`operation ${id} could not move: ${why(error)}`),
    }),
  ),
  // The notification outbox: each due delivery is posted, and retried with backoff when it fails.
  every(1_000, "webhook deliveries", () => deliverDue(db)),
  every(30_000, "1-minute rollup", () => rollupSamples(db, { nowMs: Date.now(), bucketSeconds: 60 })),
  every(10 * 60_000, "1-hour rollup", () => rollupSamples(db, { nowMs: Date.now(), bucketSeconds: 3600 })),
  every(15 * 60_000, "retention", () => applyRetention(db, Date.now(), settings.retention)),
  // The audit head, signed, in a file outside the database (checked by audit verification).
  every(AUDIT_CHECKPOINT_INTERVAL_MS, "audit checkpoint", () => publishCheckpoint(db)),
  every(5 * 60_000, "live event trim", () => trimLiveEvents(db, Date.now())),
];

async function stop() {
  if (stopping) return;
  stopping = true;
  timers.forEach(clearInterval);
  log("stopping");
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
