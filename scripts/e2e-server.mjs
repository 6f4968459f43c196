// Serves the production build for end-to-end tests: a fresh embedded PostgreSQL (or a fresh
// database on DATABASE_URL's server), migrated as its owner and seeded with the demo, then the web server (server/web.ts) and the
// worker that observes the simulated deployments.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
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
};
run("npx", ["tsx", "prisma/tools/migrate.ts"], { env: { ...env, MERIDIAN_OWNER_DATABASE_URL: url }, quiet: true });
run("npx", ["tsx", "prisma/seed.ts"], { env, quiet: true });
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
  await new Promise((resolve) => setTimeout(resolve, 500));
  await dropDatabase(url).catch(() => {});
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
web.on("exit", stop);
