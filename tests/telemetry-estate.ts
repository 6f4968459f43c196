// A deployment with many links, regions and one cluster, for telemetry tests and benchmarks: key
// resolution needs the links, regions and clusters to exist. Region codes are unique per call, so
// callers never share (or race to create) regions.
import { randomUUID } from "node:crypto";

import type { TRegionInput } from "@/lib/topology/contracts";
import type { DemoDeployment } from "@/prisma/seed/demo-deployments";
import { seedDeployment, seedRegions } from "@/prisma/seed/seed-estate";
import type { Db } from "@/server/db";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";

export type TelemetryEstate = { deploymentId: string; clusterId: string; regionIds: string[]; linkIds: string[] };

/** `regions` regions, one multi-primary replica in each, and the first `links` ordered pairs linked. */
export async function makeTelemetryEstate(
  db: Db,
  { regions = 3, links = 2 }: { regions?: number; links?: number } = {},
): Promise<TelemetryEstate> {
  if (links > regions * (regions - 1))
    throw new Error(`${regions} regions allow at most ${regions * (regions - 1)} links`);
  const tag = randomUUID().slice(0, 8);
  const keys = Array.from({ length: regions }, (_, i) => `r${i}`);
  const regionInputs = Object.fromEntries(
    keys.map((key, i): [string, TRegionInput] => [
      key,
      {
        provider: "LAB",
        code: `lab-${tag}-${i}`,
        displayName: `Lab ${i}`,
        continent: "EUROPE",
        latitude: 50,
        longitude: i,
      },
    ]),
  );
  const regionIds = await seedRegions(db, SYSTEM_ACTOR, regionInputs);
  const pairs = keys.flatMap((from) =>
    keys.filter((to) => to !== from).map((to) => ({ from: `db-${from}`, to: `db-${to}` })),
  );
  const spec = {
    deployment: {
      slug: `telemetry-${tag}`,
      name: `Telemetry ${tag}`,
      description: "",
      drModel: "ACTIVE_ACTIVE",
      rtoTargetSeconds: 60,
      rpoTargetSeconds: 5,
      availabilityTargetPct: 99.9,
    },
    regions: keys.map((key) => ({ region: key, stack: [] })),
    cluster: {
      name: `db-${tag}`,
      engine: "PostgreSQL",
      writeTopology: "MULTI_PRIMARY",
      conflictStrategy: "LAST_WRITE_WINS",
      consistencyLevel: "EVENTUAL",
      replicas: keys.map((key) => ({ name: `db-${key}`, region: key, role: "MULTI_MASTER" })),
      links: pairs.slice(0, links).map((pair) => ({ ...pair, mode: "ASYNC", expectedVolumeGbPerDay: 10 })),
    },
    policies: [],
  } as unknown as DemoDeployment; // region keys here are this estate's, not the demo's
  const { deployment, cluster } = await seedDeployment(db, SYSTEM_ACTOR, spec, regionIds);
  const linkRows = await db.replicationLink.findMany({
    where: { clusterId: cluster.id },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return {
    deploymentId: deployment.id,
    clusterId: cluster.id,
    regionIds: keys.map((key) => regionIds[key]!),
    linkIds: linkRows.map((l) => l.id),
  };
}
