// Where a `postgres` deployment's servers are: the connection details entered in the Model tab,
// with each password opened for this session only. Probes go straight from this machine to each
// region's server (there are no relays in front of servers Meridian does not run), one per probe
// location the routing policy names, so quorum and thresholds read as they do for the lab; the
// locations then name the policy's probes rather than places the probes leave from.
import type { Tx } from "@/server/db";
import type { ProbeRoute, ServerDirectory, ServerEndpoint } from "@/server/drivers/postgres";
import type { DeploymentTopology } from "@/server/drivers/types";

import { openPassword } from "./sealed-password";

export const NO_DETAILS = "no connection details for this replica: enter them in the Model tab";
const FALLBACK_LOCATION = "meridian";

export async function connectionDirectory(
  db: Tx,
  deploymentId: string,
  topology: DeploymentTopology,
): Promise<ServerDirectory> {
  const rows = await db.replicaConnection.findMany({ where: { deploymentId } });
  const servers: Record<string, ServerEndpoint> = {};
  const absentReasons: Record<string, string> = {};
  for (const row of rows) {
    try {
      servers[row.replicaId] = {
        host: row.host,
        port: row.port,
        database: row.database,
        user: row.user,
        password: openPassword(row.passwordEncrypted, deploymentId, row.replicaId),
        sslmode: row.sslMode as ServerEndpoint["sslmode"],
      };
    } catch (error) {
      absentReasons[row.replicaId] =
        `${error instanceof Error ? error.message : String(error)}: enter the password again in the Model tab`;
    }
  }
  const probes: ProbeRoute[] = [];
  for (const region of topology.regions) {
    const replica = topology.replicas.find((r) => r.regionId === region.id && servers[r.id]);
    if (!replica) continue;
    const policy = topology.routingPolicies.find((p) => p.rules.some((r) => r.regionId === region.id));
    const locations = region.probeLocations ?? policy?.healthCheck.probeLocations ?? [FALLBACK_LOCATION];
    const server = servers[replica.id]!;
    for (const location of locations)
      probes.push({ location, regionId: region.id, host: server.host, port: server.port });
  }
  return { servers, absentReasons, absentReason: NO_DETAILS, probes, controls: null };
}
