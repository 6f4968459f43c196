// Where a deployment's real servers are, for a driver that observes real servers: the lab's servers
// and relays (kind `lab`), or the connection details a user entered in the Model tab (kind
// `postgres`). The sim needs none. A directory is always returned: a replica without a server is
// then reported unreachable with the reason (the lab is not running, no details entered).
import type { Tx } from "@/server/db";
import type { ServerDirectory } from "@/server/drivers/postgres";
import type { DeploymentTopology } from "@/server/drivers/types";

export type DirectoryResolver = (
  db: Tx,
  deploymentId: string,
  topology: DeploymentTopology,
) => Promise<ServerDirectory>;

const none = (absentReason: string): ServerDirectory => ({ servers: {}, probes: [], controls: null, absentReason });

const resolvers: Partial<Record<string, DirectoryResolver>> = {
  lab: async () => none("the lab is not running: start it with `npm start` or `npm run lab -- up`"),
  postgres: async () => none("no connection details for this replica: enter them in the Model tab"),
};

/** Lets the process that runs the lab (or stored connection details) say where the servers are. */
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
