// Processes the lab started and may end: only by pid, and only after checking that the pid still is
// that process (its command line names the data folder or the lab's entry point), never by name.
import { existsSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

/** A process that has exited but was not reaped yet (state Z): gone, whatever kill(pid, 0) says. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z";
  } catch {
    return false;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  // A postmaster started by pg_ctl is nobody's child here: once it exits it stays a zombie until
  // init reaps it, which can take seconds; waiting for that would stretch every fast shutdown.
  return !isZombie(pid);
}

/** The command line of a live process, or null (gone, or no /proc). */
export function commandLineOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
  } catch {
    return null;
  }
}

/** True when `pid` is alive and its command line contains `marker` (a data folder, a script path). */
export function isProcessOf(pid: number, marker: string): boolean {
  const line = commandLineOf(pid);
  return line !== null && line.includes(marker);
}

/** The postmaster's pid from its own pid file (`postmaster.pid`, first line), or null. */
export function postmasterPid(pgdata: string): number | null {
  const file = `${pgdata}/postmaster.pid`;
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(20);
  }
  return !isAlive(pid);
}

/**
 * Ends a process by pid if it still is the one meant (`marker` in its command line): `signal`
 * first, SIGKILL when it has not gone after `graceMs`. Returns whether one was ended.
 */
export async function endProcess(pid: number, marker: string, signal: NodeJS.Signals, graceMs = 5000) {
  if (!isProcessOf(pid, marker)) return false;
  process.kill(pid, signal);
  if (await waitForExit(pid, graceMs)) return true;
  if (isProcessOf(pid, marker)) process.kill(pid, "SIGKILL");
  await waitForExit(pid, 2000);
  return true;
}
