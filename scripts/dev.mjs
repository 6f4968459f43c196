// `npm run dev`: the console with hot reload, on the same database `npm start` uses.
import { bin, ensureDependencies, run, say, serve } from "./lib/steps.mjs";

ensureDependencies();
const { ensurePostgres } = await import("./lib/postgres.mjs");
const database = await ensurePostgres({ log: say });
const env = {
  DATABASE_URL: database.appUrl,
  MERIDIAN_URL: process.env.MERIDIAN_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
  NEXT_TELEMETRY_DISABLED: "1",
};
run("npx", ["tsx", "prisma/tools/migrate.ts"], { env: { ...env, MERIDIAN_OWNER_DATABASE_URL: database.url } });
run("npx", ["tsx", "prisma/seed.ts"], { env });
const worker = serve(bin("tsx"), ["watch", "server/worker.ts"], { env });
const web = serve(bin("tsx"), ["server/web.ts", "--dev"], { env });
const stop = async () => {
  web.kill("SIGTERM");
  worker.kill("SIGTERM");
  await database.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
