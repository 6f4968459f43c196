// Serves the production build for end-to-end tests: a fresh embedded PostgreSQL (or a fresh
// database on DATABASE_URL's server), migrated and seeded with the demo, then `next start` and the
// worker that observes the simulated deployments.
import { spawn } from "node:child_process";

import { createDatabaseIfMissing, dropDatabase, ensurePostgres, withDatabase } from "./lib/postgres.mjs";
import { bin, root, run } from "./lib/steps.mjs";

const port = Number(process.argv[2] ?? 3100);
const server = await ensurePostgres({ ephemeral: true });
const url = withDatabase(server.url, `meridian_e2e_${Date.now()}`);
await createDatabaseIfMissing(url);
const env = {
  DATABASE_URL: url,
  BETTER_AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  MERIDIAN_URL: `http://localhost:${port}`,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  MERIDIAN_PROBE_INTERVAL_MS: "1000",
  MERIDIAN_LAG_ALERT_AFTER_SECONDS: "2",
};
run("npx", ["tsx", "prisma/tools/migrate.ts"], { env, quiet: true });
run("npx", ["tsx", "prisma/seed.ts"], { env, quiet: true });
const web = spawn(bin("next"), ["start", "-p", String(port)], {
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
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
web.on("exit", stop);
