// The background process: observes every simulated deployment each interval, runs the runbook
// engine, rolls samples up, applies retention and trims old live events. Started beside the web app by `npm start`; several
// may run at once, coordinating only through PostgreSQL.
import { db } from "@/server/db";
import { publishCheckpoint } from "@/server/domain/audit/checkpoint";
import { engineTick } from "@/server/domain/operations/engine";
import { applyRetention, retentionFromEnv } from "@/server/domain/telemetry/retention";
import { rollupSamples } from "@/server/domain/telemetry/rollup";
import { observeTick } from "@/server/worker/observe-deployment";
import { workerOptionsFromEnv } from "@/server/worker/options";

const options = workerOptionsFromEnv();
const retention = retentionFromEnv(process.env);
const LIVE_EVENT_KEEP_MS = 3_600_000;
const ENGINE_INTERVAL_MS = 500;
const AUDIT_CHECKPOINT_INTERVAL_MS = 10_000;

let stopping = false;
const log = (message: string) => console.log(`[worker] ${new Date().toISOString()} ${message}`);

async function observeAll() {
  const deployments = await db.deployment.findMany({
    where: { driverKind: "sim" },
    select: { id: true, slug: true, driverKind: true },
  });
  const slugOf = new Map(deployments.map((d) => [d.id, d.slug]));
  await observeTick(db, deployments, Date.now(), options, (id, error) =>
    log(`observing ${slugOf.get(id) ?? id} failed: ${error instanceof Error ? error.message : String(error)}`),
  );
}

/** Runs `job` every `everyMs`, never overlapping itself, logging instead of dying on errors. */
function every(everyMs: number, name: string, job: () => Promise<unknown>) {
  let running = false;
  const run = async () => {
    if (running || stopping) return;
    running = true;
    try {
      await job();
    } catch (error) {
      log(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  void run();
  return setInterval(run, everyMs);
}

log(`observing every ${options.intervalMs} ms`);
const timers = [
  every(options.intervalMs, "observation", observeAll),
  // Runbook steps are short and polled: a half-second beat keeps a switchover's measured RTO honest.
  every(ENGINE_INTERVAL_MS, "runbook engine", () =>
    engineTick(db, Date.now(), {
      onError: (id, error) =>
        log(`operation ${id} could not move: ${error instanceof Error ? error.message : String(error)}`),
    }),
  ),
  every(30_000, "1-minute rollup", () => rollupSamples(db, { nowMs: Date.now(), bucketSeconds: 60 })),
  every(10 * 60_000, "1-hour rollup", () => rollupSamples(db, { nowMs: Date.now(), bucketSeconds: 3600 })),
  every(15 * 60_000, "retention", () => applyRetention(db, Date.now(), retention)),
  // The audit head, signed, in a file outside the database (checked by audit verification).
  every(AUDIT_CHECKPOINT_INTERVAL_MS, "audit checkpoint", () => publishCheckpoint(db)),
  every(5 * 60_000, "live event trim", () =>
    db.liveEvent.deleteMany({ where: { at: { lt: new Date(Date.now() - LIVE_EVENT_KEEP_MS) } } }),
  ),
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
