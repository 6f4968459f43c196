// `npm start`: installs what is missing, starts the embedded PostgreSQL when DATABASE_URL is unset,
// migrates (as the owner of the schema), seeds (the demo only on the embedded database, or with
// MERIDIAN_DEMO=1), builds, and serves the console on HOST:PORT (127.0.0.1:3000) as a database role
// that owns nothing, saying each step; beside them the region lab (server/lab/main.ts) unless
// MERIDIAN_LAB=off.
// Only Node's own modules are imported up front: dependencies may not be installed yet.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { bin, ensureBuild, ensureDependencies, root, run, say, serve } from "./lib/steps.mjs";

const port = Number(process.env.PORT ?? 3000);

function authSecret() {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = path.join(root, ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

ensureDependencies();
const { ensurePostgres } = await import("./lib/postgres.mjs");
say(
  process.env.DATABASE_URL
    ? "using the PostgreSQL at DATABASE_URL"
    : "starting the embedded PostgreSQL (data in .data/postgres)",
);
const database = await ensurePostgres({ log: (line) => say(line) });
// The demo's users have published passwords: only on the embedded database, unless asked for.
const demo = database.embedded || process.env.MERIDIAN_DEMO === "1";
const env = {
  DATABASE_URL: database.appUrl,
  BETTER_AUTH_SECRET: authSecret(),
  MERIDIAN_URL: process.env.MERIDIAN_URL ?? `http://localhost:${port}`,
  MERIDIAN_DEMO: demo ? "1" : "0",
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
};

say("applying migrations (as the owner of the schema)");
// Only this step gets the owner's credentials; the console and the worker never see them.
run("npx", ["tsx", "prisma/tools/migrate.ts"], { env: { ...env, MERIDIAN_OWNER_DATABASE_URL: database.url } });
say(demo ? "seeding the price catalog and the local demo (estates and users)" : "seeding the price catalog");
run("npx", ["tsx", "prisma/seed.ts"], { env });
ensureBuild();

say("starting the worker (observes simulated deployments every second)");
const worker = serve(bin("tsx"), ["server/worker.ts"], { env });
// The region lab: real PostgreSQL servers beside the simulated demo (server/lab/main.ts), unless
// MERIDIAN_LAB=off. It stops everything it started when we stop it, and when this process is gone.
const labOn = (process.env.MERIDIAN_LAB ?? "on").trim() !== "off";
let lab = null;
if (labOn) {
  say(
    "starting the region lab (real PostgreSQL servers per region, data in .data/lab; MERIDIAN_LAB=off leaves it out)",
  );
  // Node with tsx as a loader, not the tsx wrapper: one process, so that a signal reaches the lab
  // itself and it has the time it needs to stop its servers (the wrapper's relay killed it mid-stop).
  lab = serve(process.execPath, ["--import", "tsx", "server/lab/main.ts"], {
    env: { ...env, MERIDIAN_LAB_PARENT_PID: String(process.pid) },
  });
  lab.on("exit", (code) => {
    lab = null;
    if (!stopping && code !== 0) console.error(`the region lab stopped (exit ${code}); the console keeps serving`);
  });
}
const host = process.env.HOST ?? "127.0.0.1";
say(`serving on ${host}:${port}`);
const web = serve(bin("tsx"), ["server/web.ts"], { env: { ...env, PORT: String(port), HOST: host } });

const DEMO_USERS = JSON.parse(readFileSync(path.join(root, "prisma/seed/demo-users.json"), "utf8"));
setTimeout(() => {
  console.log(`\n  Meridian is running at \x1b[1m${env.MERIDIAN_URL}\x1b[0m (listening on ${host})\n`);
  if (demo) {
    console.log("  Demo users (the local demo on the embedded database only; their passwords are public):");
    for (const user of DEMO_USERS) console.log(`    ${user.role.padEnd(9)} ${user.email.padEnd(28)} ${user.password}`);
  } else {
    console.log("  No demo users on this database. Make the first admin, once, with");
    console.log("    npm run admin:first -- --email you@example.com");
  }
  console.log("\n  Stop with Ctrl-C.\n");
}, 1500);

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  web.kill("SIGTERM");
  worker.kill("SIGTERM");
  // The lab stops its servers and flushes its ledger into the database: wait for it (30 s at most).
  if (lab) {
    const exited = new Promise((resolve) => lab.once("exit", resolve));
    lab.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  }
  await database.stop();
  process.exit(code);
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
web.on("exit", (code) => stop(code ?? 1));
worker.on("exit", (code) => {
  if (!stopping)
    console.error(`the worker stopped (exit ${code}); the console keeps serving, but live values will not move`);
});
