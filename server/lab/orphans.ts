// Servers a crashed lab left running: found by the pid in their folder's postmaster.pid, ended by
// that pid after checking its command line names that folder (a pid reused by another program is
// left alone), never by name.
import { endProcess, postmasterPid } from "./processes";

/** Ends the server left running in `pgdata`, if any (fast shutdown, then kill). Returns its pid. */
export async function endOrphanServer(pgdata: string): Promise<number | null> {
  const pid = postmasterPid(pgdata);
  if (pid === null) return null;
  return (await endProcess(pid, pgdata, "SIGINT", 15_000)) ? pid : null;
}
