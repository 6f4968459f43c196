// Where a deployment's real servers are, for a driver that observes real servers: the lab's servers
// and relays (kind `lab`), or the connection details a user entered in the Model tab (kind
// `postgres`). The sim needs none. A directory is always returned: a replica without a server is
// then reported unreachable with the reason (the lab is not running, no details entered).
import type { Tx } from "@/server/db";
import { connectionDirectory } from "@/server/domain/connections/directory";
import type { ServerDirectory } from "@/server/drivers/postgres";
import type { DeploymentTopology } from "@/server/drivers/types";
import { labDir } from "@/server/env";
import { LabClient } from "@/server/lab/client";
import { readControlFile } from "@/server/lab/control-file";
import { directoryFromStatus } from "@/server/lab/driver-directory";

export type DirectoryResolver = (
  db: Tx,
  deploymentId: string,
  topology: DeploymentTopology,
) => Promise<ServerDirectory>;

const none = (absentReason: string): ServerDirectory => ({ servers: {}, probes: [], controls: null, absentReason });

const LAB_CALL_TIMEOUT_MS = 3_000;
/** A move of an operation (a fast shutdown, a promotion, a rejoin that may re-clone) takes longer than a status. */
const LAB_MOVE_TIMEOUT_MS = 60_000;
const LAB_NOT_RUNNING = "the lab is not running: start it with `npm start` or `npm run lab -- up`";

/** The running lab, found by its control file (MERIDIAN_LAB_DIR), asked for its status each session. */
async function fromRunningLab(_db: Tx, _deploymentId: string, topology: DeploymentTopology): Promise<ServerDirectory> {
  const control = readControlFile(labDir());
  if (!control) return none(LAB_NOT_RUNNING);
  // A tick must not hang on a lab that stopped answering: its status call is bounded too.
  const client = new LabClient(control.port, control.token, LAB_CALL_TIMEOUT_MS);
  const mover = new LabClient(control.port, control.token, LAB_MOVE_TIMEOUT_MS);
  try {
    return directoryFromStatus(await client.status(), topology, mover);
  } catch (error) {
    return none(`${LAB_NOT_RUNNING} (${error instanceof Error ? error.message : String(error)})`);
  }
}

const resolvers: Partial<Record<string, DirectoryResolver>> = {
  lab: fromRunningLab,
  postgres: connectionDirectory,
};

/** Points a kind at another source of servers (tests and benchmarks run a lab in their own process). */
export function registerDirectoryResolver(kind: "lab" | "postgres", resolver: DirectoryResolver): void {
  resolvers[kind] = resolver;
}

export async function serverDirectoryFor(
  db: Tx,
  deploymentId: string,
  driverKind: string,
  topology: DeploymentTopology,
): Promise<ServerDirectory | undefined> {
  const resolve = resolvers[driverKind];
  return resolve ? resolve(db, deploymentId, topology) : undefined;
}
