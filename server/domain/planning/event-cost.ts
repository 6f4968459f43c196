// The one-off cost of a switchover, a failback and a failover of a deployment, from its model and
// the lag measured now, each with the assumptions it rests on written out.
import {
  computeEventCost,
  HOURS_PER_MONTH,
  type TEstate,
  type TEventCostLine,
  type TRegion,
  type TScaleUp,
} from "@/lib/cost";
import { EVENT_KINDS } from "@/lib/planning/contracts";
import { sizeLabel } from "@/lib/topology/words";
import type { Db } from "@/server/db";
import { readLiveNow, type CurrentLive } from "@/server/domain/telemetry/current-live";

import { currentCatalog, plainCatalog, type StoredCatalog } from "./catalog";
import { withCostModel } from "./cost-errors";
import { estateFromModel } from "./estate-from-model";
import { lastMoveTo } from "./last-move";
import { loadPlanningModel, type PlanningModel } from "./load-model";

export type EventKind = (typeof EVENT_KINDS)[number];
export type EventCostItem = { kind: EventKind; totalUsd: number; lines: TEventCostLine[]; assumptions: string[] };

/** The failed region is assumed unreachable this long; the writes taken meanwhile flow back at failback. */
export const OUTAGE_HOURS = 1;
/** After a failover, traffic stays on the secondary this long before the planned failback. */
export const FAILOVER_SCALE_UP_HOURS = 24;
/** A planned switchover holds the secondary at full size for this long while traffic settles. */
export const SWITCHOVER_SCALE_UP_HOURS = 1;
/** While resolvers and clients pick up the change, DNS queries run at double rate for an hour. */
export const DNS_SPIKE_HOURS = 1;

const BYTES_PER_GB = 1e9;
/** Catch-up is priced to the MB: finer digits would only clutter the line. */
const toMb = (gb: number) => Math.round(gb * 1000) / 1000;
const SECONDS_PER_DAY = 86_400;

type Pair = { primary: TRegion; secondary: TRegion };

/** A move of the primary between two regions, by id. */
export type RegionMove = { fromRegionId: string; toRegionId: string };
/**
 * Which way the events go, when the caller knows (an operation's plan does: its source and target).
 * `move`: the switchover's and failover's; default: the primary to the region it replicates most to.
 * `failback`: default: back from the move's target to the primary, as after that failover.
 */
export type EventMoves = { move?: RegionMove; failback?: RegionMove };

function pairOf(estate: TEstate, move: RegionMove): Pair | null {
  const primary = estate.regions.find((region) => region.id === move.fromRegionId);
  const secondary = estate.regions.find((region) => region.id === move.toRegionId);
  return primary && secondary && primary !== secondary ? { primary, secondary } : null;
}

/** The failover target: the region the primary replicates most to (placement order breaks ties). */
function failoverPair(estate: TEstate): Pair | null {
  const primary = estate.regions.find((region) => region.isPrimary);
  const others = estate.regions.filter((region) => !region.isPrimary);
  if (!primary || others.length === 0) return null;
  const volumeTo = (region: TRegion) =>
    estate.replicationLinks
      .filter((link) => link.sourceRegionId === primary.id && link.targetRegionId === region.id)
      .reduce((sum, link) => sum + link.volumeGbPerDay, 0);
  const secondary = others.reduce((best, region) => (volumeTo(region) > volumeTo(best) ? region : best), others[0]!);
  return { primary, secondary };
}

/** Model links whose source replica is in `from` and target replica in `to`. */
function linksBetween(model: PlanningModel, from: string, to: string) {
  const regionOf = new Map(
    model.clusters.flatMap((cluster) => cluster.replicas.map((replica) => [replica.id, replica.regionId] as const)),
  );
  return model.clusters
    .flatMap((cluster) => cluster.links)
    .filter((link) => regionOf.get(link.sourceReplicaId) === from && regionOf.get(link.targetReplicaId) === to);
}

/** What the secondary lacks of the primary's compute, held for `hours`. */
function computeScaleUp({ primary, secondary }: Pair, hours: number): { scaleUps: TScaleUp[]; assumption: string } {
  const running = (region: TRegion) =>
    region.components.find((c) => c.kind === "COMPUTE" && c.tier !== "OFF")?.instanceCount ?? 0;
  const target = running(primary);
  const have = running(secondary);
  const added = Math.max(0, target - have);
  const component =
    secondary.components.find((c) => c.kind === "COMPUTE") ?? primary.components.find((c) => c.kind === "COMPUTE");
  if (added === 0 || !component) {
    return {
      scaleUps: [],
      assumption: `no compute scale-up: ${secondary.code} already runs ${have} compute instances, the primary ${target}`,
    };
  }
  const name = component.modelSize ?? component.instanceSize;
  return {
    scaleUps: [
      {
        kind: "COMPUTE",
        instancesAdded: added,
        instanceSize: component.instanceSize,
        ...(component.modelSize ? { modelSize: component.modelSize } : {}),
        hours,
      },
    ],
    assumption: `${secondary.code} compute brought from ${sizeLabel({ instanceCount: have, instanceSize: name })} to the primary's ${sizeLabel({ instanceCount: target, instanceSize: name })} for ${hours} h`,
  };
}

function catchUpOfLag(model: PlanningModel, pair: Pair, live: CurrentLive | null): { gb: number; assumption: string } {
  const links = linksBetween(model, pair.primary.id, pair.secondary.id);
  const measured = live ? links.filter((link) => live.links.has(link.id)) : [];
  if (live && measured.length > 0) {
    const bytes = measured.reduce((sum, link) => sum + (live.links.get(link.id)?.lagBytes ?? 0), 0);
    return {
      gb: toMb(bytes / BYTES_PER_GB),
      assumption: `catch-up = the replication backlog measured at ${live.observedAt.toISOString()}: ${bytes} bytes`,
    };
  }
  const rpo = model.rpoTargetSeconds;
  const gb = toMb(links.reduce((sum, link) => sum + (link.expectedVolumeGbPerDay * rpo) / SECONDS_PER_DAY, 0));
  return {
    gb,
    assumption: `catch-up = RPO target ${rpo} s × the links' expected write rate (no live lag from the worker): ${gb} GB`,
  };
}

/** The failback's direction: the caller's (the primary is away from home), else the return after the failover. */
function failbackOf(
  estate: TEstate,
  pair: Pair,
  failback: RegionMove | undefined,
): { from: TRegion; to: TRegion; why: string } {
  const known = failback ? pairOf(estate, failback) : null;
  if (known) {
    const { primary: from, secondary: to } = known;
    return {
      from,
      to,
      why: `return of traffic from ${from.code}, the primary now, to ${to.code}, where it was moved from`,
    };
  }
  const { primary: to, secondary: from } = pair;
  return {
    from,
    to,
    why: `return of traffic from ${from.code} to ${to.code} after a failover, once ${to.code} has recovered`,
  };
}

function dnsSpike(estate: TEstate): { millions: number; assumption: string } {
  const millions = (estate.routing.dnsQueriesPerMonthMillions / HOURS_PER_MONTH) * DNS_SPIKE_HOURS;
  const billed =
    estate.routing.product === "AZURE_FRONT_DOOR" ? " (Front Door re-routes at the edge and bills no DNS queries)" : "";
  return {
    millions,
    assumption: `DNS change spike: ${DNS_SPIKE_HOURS} h of extra queries at the usual rate, ${millions.toFixed(3)} M${billed}`,
  };
}

/**
 * After a switchover or failover the primary is away from home: the failback returns it from where
 * it is now (the model's primary, as the engine wrote it back) to the region that move took it from.
 */
async function failbackHome(db: Db, model: PlanningModel): Promise<RegionMove | undefined> {
  const primaries = model.clusters.flatMap((cluster) =>
    cluster.replicas.filter((replica) => replica.role === "PRIMARY").map((replica) => ({ cluster, replica })),
  );
  for (const { cluster, replica } of primaries) {
    const moved = await lastMoveTo(db, cluster.id, replica.id);
    const home = cluster.replicas.find((candidate) => candidate.id === moved?.sourceReplicaId);
    if (home && home.regionId !== replica.regionId)
      return { fromRegionId: replica.regionId, toRegionId: home.regionId };
  }
  return undefined;
}

export async function eventCosts(db: Db, deploymentId: string): Promise<EventCostItem[]> {
  const [model, catalog, live] = await Promise.all([
    loadPlanningModel(db, deploymentId),
    currentCatalog(db),
    readLiveNow(db, deploymentId),
  ]);
  return eventCostsOf(model, catalog, live.current, { failback: await failbackHome(db, model) });
}

/**
 * The same from what the caller has already read (an operation's plan reads the model, the
 * catalog and the live values once for all its parts). The order of a cluster's replicas does not
 * matter here: pairs and volumes come from regions and links.
 */
export function eventCostsOf(
  model: PlanningModel,
  catalog: StoredCatalog,
  live: CurrentLive | null,
  moves: EventMoves = {},
): EventCostItem[] {
  const { estate, assumptions: estateAssumptions } = estateFromModel(model);
  const pair = moves.move ? pairOf(estate, moves.move) : failoverPair(estate);
  if (!pair) {
    return EVENT_KINDS.map((kind) => ({
      kind,
      totalUsd: 0,
      lines: [],
      assumptions: ["the deployment runs in one region: there is no other region to move traffic to"],
    }));
  }
  const { primary, secondary } = pair;
  const prices = plainCatalog(catalog);
  const spike = dnsSpike(estate);
  const routingAssumptions = estateAssumptions.filter(
    (line) => line.startsWith("routing") || line.startsWith("traffic"),
  );

  const switchoverLag = catchUpOfLag(model, pair, live);
  const switchoverScale = computeScaleUp(pair, SWITCHOVER_SCALE_UP_HOURS);
  const failoverScale = computeScaleUp(pair, FAILOVER_SCALE_UP_HOURS);
  const back = failbackOf(estate, pair, moves.failback);
  // The writes the returning region missed: the replication between the two regions, whichever
  // way its links point now (a completed move reversed them).
  const writtenMeanwhileGb = toMb(
    [...linksBetween(model, back.from.id, back.to.id), ...linksBetween(model, back.to.id, back.from.id)].reduce(
      (sum, link) => sum + link.expectedVolumeGbPerDay,
      0,
    ) *
      (OUTAGE_HOURS / 24),
  );

  const events = [
    {
      event: {
        kind: "SWITCHOVER" as const,
        fromRegionId: primary.id,
        toRegionId: secondary.id,
        catchUpGb: switchoverLag.gb,
        scaleUps: switchoverScale.scaleUps,
        dnsQueriesSpikeMillions: spike.millions,
      },
      assumptions: [
        `planned move of traffic from ${primary.code} to ${secondary.code}`,
        switchoverLag.assumption,
        switchoverScale.assumption,
      ],
    },
    {
      event: {
        kind: "FAILBACK" as const,
        fromRegionId: back.from.id,
        toRegionId: back.to.id,
        catchUpGb: writtenMeanwhileGb,
        scaleUps: [],
        dnsQueriesSpikeMillions: spike.millions,
      },
      assumptions: [
        back.why,
        `catch-up = the writes taken while ${back.to.code} was away, assumed ${OUTAGE_HOURS} h of the links' expected volume: ${writtenMeanwhileGb} GB, sent back from ${back.from.code}`,
        `no scale-up: ${back.to.code} returns at its own size, already in its monthly cost`,
      ],
    },
    {
      event: {
        kind: "FAILOVER" as const,
        fromRegionId: primary.id,
        toRegionId: secondary.id,
        catchUpGb: 0,
        scaleUps: failoverScale.scaleUps,
        dnsQueriesSpikeMillions: spike.millions,
      },
      assumptions: [
        `unplanned move of traffic from a failed ${primary.code} to ${secondary.code}`,
        `no catch-up transfer: ${primary.code} is down, so what it had not replicated is lost (up to the RPO), not sent`,
        failoverScale.scaleUps.length > 0
          ? `${failoverScale.assumption}, until the failback`
          : failoverScale.assumption,
      ],
    },
  ];
  return events.map(({ event, assumptions }) => {
    const cost = withCostModel(() => computeEventCost(estate, event, prices));
    return {
      kind: event.kind,
      totalUsd: cost.totalUsd,
      lines: cost.lines,
      assumptions: [
        ...assumptions,
        spike.assumption,
        ...routingAssumptions,
        `prices from the catalog effective ${catalog.effectiveDate}`,
      ],
    };
  });
}
