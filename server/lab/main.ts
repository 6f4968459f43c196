// The lab process (one per console): `npm start` runs it beside the worker, `npm run lab -- up`
// alone. It ends what a crashed lab left running (pid files), brings up every lab deployment of
// the model, serves the control API, re-reads the routing rules every 2 s, and stops everything
// it started on SIGTERM/SIGINT, on POST /down, when the process that started it is gone, and
// (as far as it can) on a crash.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { env, labDir } from "@/server/env";

import { ensurePostgres } from "../../scripts/lib/postgres.mjs";
import { readControlFile, removeControlFile, writeControlFile } from "./control-file";
import { startControlServer } from "./control-server";
import { Lab } from "./lab";
import { loadLabSpecs } from "./load-spec";
import { isAlive } from "./processes";

const say = (line: string) => console.log(`lab: ${line}`);

/** The lab servers' password: made once, kept beside their folders (mode 600). */
function labPassword(root: string): string {
  const file = path.join(root, "password");
  if (!existsSync(file)) {
    mkdirSync(root, { recursive: true });
    writeFileSync(file, randomBytes(18).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

const root = path.resolve(labDir());
const running = readControlFile(root);
if (running) {
  say(`a lab is already running over ${root} (pid ${running.pid}); using it`);
  process.exit(0);
}
// Alone (`npm run lab -- up` without DATABASE_URL): the embedded database, started if need be and
// then stopped with the lab.
const database = await ensurePostgres({ log: say });
process.env.DATABASE_URL = database.appUrl;
// Imported once DATABASE_URL is known.
const { db } = await import("@/server/db");
mkdirSync(root, { recursive: true });
const rate = env().MERIDIAN_LAB_WRITES_PER_SECOND;
const lab = new Lab({
  root,
  password: labPassword(root),
  db,
  workload: { start: true, rates: { writesPerSecond: rate, readsPerSecond: rate } },
});

let stopping: Promise<void> | null = null;
let control: Awaited<ReturnType<typeof startControlServer>> | null = null;
let refresher: NodeJS.Timeout | null = null;
let parentWatch: NodeJS.Timeout | null = null;

function stop(code: number): Promise<void> {
  stopping ??= (async () => {
    say("stopping the lab's servers, relays, routers and workload");
    if (refresher) clearInterval(refresher);
    if (parentWatch) clearInterval(parentWatch);
    await control?.close().catch(() => {});
    removeControlFile(root, process.pid);
    await lab.down().catch((error) => console.error("lab: stopping failed:", error));
    await db.$disconnect().catch(() => {});
    await database.stop().catch(() => {});
    say("stopped");
    process.exit(code);
  })();
  return stopping;
}

process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
process.on("uncaughtException", (error) => {
  console.error("lab: crashed:", error);
  void stop(1);
});
process.on("unhandledRejection", (error) => {
  console.error("lab: crashed:", error);
  void stop(1);
});

// Started by npm start: when that process is gone (killed without a chance to stop us), stop too.
const parent = Number(process.env.MERIDIAN_LAB_PARENT_PID ?? 0);
if (parent > 0)
  parentWatch = setInterval(() => {
    if (!isAlive(parent)) void stop(0);
  }, 1000);

const started = Date.now();
const only = env().MERIDIAN_LAB_DEPLOYMENTS;
const specs = await loadLabSpecs(db, only);
if (specs.length === 0) {
  say("no deployment with driver kind `lab` in the model (npm start seeds one with the demo); nothing to run");
  await db.$disconnect();
  await database.stop();
  process.exit(0);
}
say(`starting ${specs.map((spec) => spec.slug).join(", ")} in ${root}`);
await lab.up(specs);
control = await startControlServer(lab, () => void stop(0));
writeControlFile(root, {
  pid: process.pid,
  port: control.port,
  token: control.token,
  startedAt: new Date().toISOString(),
});
const status = await lab.status();
say(
  `up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${status.servers.length} servers, ${status.routers.length} routers (` +
    status.routers.map((router) => `${router.deployment}/${router.policy} on port ${router.port}`).join(", ") +
    "); `npm run lab -- status` for the rest",
);
refresher = setInterval(() => {
  loadLabSpecs(db, only)
    .then((fresh) => lab.refresh(fresh))
    .catch(() => {}); // the model is unreadable for a moment: keep the rules we have
}, 2000);
