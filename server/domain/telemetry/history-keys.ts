// Which series a history read may return: the links, regions or clusters of one deployment.
// Ids from elsewhere are refused by name, so nobody reads another deployment's telemetry by guessing ids.
import type { TSeries } from "@/lib/telemetry/contracts";
import type { Db } from "@/server/db";
import { invalid, notFound } from "@/server/errors";

const NOUN: Record<TSeries, string> = {
  lag: "link",
  traffic: "region",
  errors: "region",
  health: "region",
  conflicts: "cluster",
};

/** Ids of every series of `series` in the deployment, in a stable order. */
async function idsOfDeployment(db: Db, deploymentId: string, series: TSeries): Promise<string[]> {
  if (series === "lag") {
    const links = await db.replicationLink.findMany({
      where: { cluster: { deploymentId } },
      select: { id: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    return links.map((l) => l.id);
  }
  if (series === "conflicts") {
    const clusters = await db.databaseCluster.findMany({
      where: { deploymentId },
      select: { id: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    return clusters.map((c) => c.id);
  }
  const regions = await db.deploymentRegion.findMany({
    where: { deploymentId },
    select: { regionId: true },
    orderBy: [{ createdAt: "asc" }, { regionId: "asc" }],
  });
  return regions.map((r) => r.regionId);
}

/** The ids to read: all of the deployment's when `keys` is empty, else `keys` (each must belong to it). */
export async function resolveHistoryKeys(
  db: Db,
  deploymentId: string,
  series: TSeries,
  keys: string[],
): Promise<string[]> {
  const deployment = await db.deployment.findUnique({ where: { id: deploymentId }, select: { name: true } });
  if (!deployment) throw notFound("the deployment");
  const own = await idsOfDeployment(db, deploymentId, series);
  if (keys.length === 0) return own;
  const ownSet = new Set(own);
  const foreign = [...new Set(keys.filter((key) => !ownSet.has(key)))];
  if (foreign.length > 0) {
    const noun = NOUN[series];
    const named = foreign.slice(0, 5).join(", ") + (foreign.length > 5 ? ` and ${foreign.length - 5} more` : "");
    throw invalid(
      "keys",
      `${foreign.length === 1 ? `${noun} ${named} is` : `${noun}s ${named} are`} not part of ${deployment.name}: ${series} history reads only its own ${noun}s`,
    );
  }
  return [...new Set(keys)];
}
