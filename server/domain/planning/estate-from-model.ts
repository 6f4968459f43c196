// The deployment as lib/cost sees it: the model's rows turned into a plain TEstate.
import { HOURS_PER_MONTH, ZEstate, type TEstate, type TRegion, type TReplicationLink, type TRouting } from "@/lib/cost";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Continent } from "@/server/generated/prisma/enums";

import { checkedRegionIds, loadPlanningModel, trafficRegionIds, type PlanningModel } from "./load-model";
import { sizeClassOf } from "./size-class";

/** lib/cost compares continents only for equality; these are the short names its tests use. */
export const CONTINENT_CODE: Record<Continent, string> = {
  NORTH_AMERICA: "NA",
  SOUTH_AMERICA: "SA",
  EUROPE: "EU",
  ASIA: "AS",
  OCEANIA: "OC",
  AFRICA: "AF",
};

// The model has no traffic figures yet, so routing volumes are estimated from the deployment's
// scale: the compute instances in the regions the first policy sends traffic to.
/** Average requests per second one running compute instance serves. */
export const REQUESTS_PER_INSTANCE_PER_SECOND = 20;
/** Resolvers and clients cache answers for the TTL: about one DNS query per ten requests. */
export const DNS_QUERIES_PER_REQUEST = 0.1;
/** Average response size sent to users, in KB (1 KB = 1,000 bytes). */
export const RESPONSE_KB = 20;
const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

export type EstateFromModel = { estate: TEstate; assumptions: string[] };

/** The region holding the most PRIMARY replicas; for multi-primary clusters (or none), the first region. */
export function primaryRegionIdOf(model: PlanningModel): string | null {
  const replicas = model.clusters.flatMap((cluster) => cluster.replicas);
  const order = model.regions.map((placement) => placement.regionId);
  const primaries = (regionId: string) =>
    replicas.filter((replica) => replica.role === "PRIMARY" && replica.regionId === regionId).length;
  const best = order.reduce<string | null>(
    (chosen, regionId) => (primaries(regionId) > (chosen ? primaries(chosen) : 0) ? regionId : chosen),
    null,
  );
  return best ?? order[0] ?? null;
}

/** Replication between regions, per region pair: a link inside one region crosses no border and costs no transfer. */
function regionLinks(model: PlanningModel): TReplicationLink[] {
  const regionOfReplica = new Map(
    model.clusters.flatMap((cluster) => cluster.replicas.map((replica) => [replica.id, replica.regionId] as const)),
  );
  const byPair = new Map<string, TReplicationLink>();
  for (const link of model.clusters.flatMap((cluster) => cluster.links)) {
    const sourceRegionId = regionOfReplica.get(link.sourceReplicaId);
    const targetRegionId = regionOfReplica.get(link.targetReplicaId);
    if (!sourceRegionId || !targetRegionId || sourceRegionId === targetRegionId) continue;
    const key = `${sourceRegionId} ${targetRegionId}`;
    const pair = byPair.get(key) ?? { sourceRegionId, targetRegionId, volumeGbPerDay: 0 };
    byPair.set(key, { ...pair, volumeGbPerDay: pair.volumeGbPerDay + link.expectedVolumeGbPerDay });
  }
  return [...byPair.values()];
}

function routingOf(model: PlanningModel, regions: TRegion[]): { routing: TRouting; assumptions: string[] } {
  const policy = model.policies[0];
  if (!policy) {
    return {
      routing: {
        product: "LAB",
        dnsQueriesPerMonthMillions: 0,
        healthCheckCount: 0,
        requestsPerMonthMillions: 0,
        internetEgressGbPerMonth: 0,
      },
      assumptions: ["no traffic policy: routing is costed at $0 (no product to price)"],
    };
  }
  const traffic = new Set(trafficRegionIds(policy));
  const served = traffic.size > 0 ? regions.filter((region) => traffic.has(region.id)) : regions;
  const instances = served
    .flatMap((region) => region.components)
    .filter((c) => c.kind === "COMPUTE" && c.tier !== "OFF")
    .reduce((sum, c) => sum + c.instanceCount, 0);
  const requestsPerMonthMillions = (instances * REQUESTS_PER_INSTANCE_PER_SECOND * SECONDS_PER_MONTH) / 1e6;
  const probeLocations = policy.healthCheckProbeLocations.length;
  const checkedRegions = checkedRegionIds(policy).length;
  return {
    routing: {
      product: policy.product,
      requestsPerMonthMillions,
      dnsQueriesPerMonthMillions: requestsPerMonthMillions * DNS_QUERIES_PER_REQUEST,
      internetEgressGbPerMonth: (requestsPerMonthMillions * 1e6 * RESPONSE_KB) / 1e6,
      healthCheckCount: probeLocations * checkedRegions,
    },
    assumptions: [
      `routing priced from policy ${policy.name}${model.policies.length > 1 ? ` (the first of ${model.policies.length})` : ""}`,
      `traffic estimated from scale: ${instances} compute instances × ${REQUESTS_PER_INSTANCE_PER_SECOND} requests/s, one DNS query per ${1 / DNS_QUERIES_PER_REQUEST} requests, ${RESPONSE_KB} KB per response`,
      `health checks: ${probeLocations} probe locations × ${checkedRegions} regions routed = ${probeLocations * checkedRegions}`,
    ],
  };
}

/** Pure: the model's rows to a TEstate, with the assumptions made on the way. */
export function estateFromModel(model: PlanningModel): EstateFromModel {
  const primaryId = primaryRegionIdOf(model);
  if (!primaryId) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `deployment ${model.name} has no regions yet: add a region before planning its cost`,
    );
  }
  const sizeNotes: string[] = [];
  const regions: TRegion[] = model.regions.map((placement) => ({
    id: placement.regionId,
    code: placement.region.code,
    provider: placement.region.provider,
    continent: CONTINENT_CODE[placement.region.continent],
    isPrimary: placement.regionId === primaryId,
    components: placement.stack.map((component) => {
      const { sizeClass, note } = sizeClassOf(component.kind, component.instanceSize);
      if (note) sizeNotes.push(`${placement.region.code} ${component.kind.toLowerCase()}: ${note}`);
      return {
        kind: component.kind,
        tier: component.tier,
        instanceCount: component.instanceCount,
        instanceSize: sizeClass,
        // Pages say the size as the model names it; the class is only what it is priced as.
        ...(sizeClass === component.instanceSize ? {} : { modelSize: component.instanceSize }),
      };
    }),
  }));
  const { routing, assumptions } = routingOf(model, regions);
  const estate = {
    deployment: {
      name: model.name,
      drModel: model.drModel,
      rtoTargetSeconds: model.rtoTargetSeconds,
      rpoTargetSeconds: model.rpoTargetSeconds,
    },
    regions,
    replicas: model.clusters.flatMap((cluster) =>
      cluster.replicas.map((replica) => ({ id: replica.id, regionId: replica.regionId })),
    ),
    replicationLinks: regionLinks(model),
    routing,
  };
  const checked = ZEstate.safeParse(estate);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new AppError("PRECONDITION_FAILED", `deployment ${model.name} cannot be costed as modelled: ${problems}`);
  }
  return { estate: checked.data, assumptions: [...assumptions, ...sizeNotes] };
}

/** The deployment as the cost model sees it (a TEstate), from its stored model. */
export async function loadCostEstate(db: Db, deploymentId: string): Promise<TEstate> {
  return estateFromModel(await loadPlanningModel(db, deploymentId)).estate;
}
