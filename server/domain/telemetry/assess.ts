// Turns one observation into what an SRE reads: each link's lag against the RPO target, each
// region's status from its probes, and the conditions that must raise an alert. Pure: the
// tracking state (since when a lag is over, how many probes in a row failed) goes in and out.
import type { LiveLink, LiveRegion, RegionStatus, TAlertKind } from "@/lib/telemetry/contracts";
import type { DeploymentTopology, Observations } from "@/server/drivers/types";

const BYTES_PER_GB = 1e9;
const SECONDS_PER_DAY = 86_400;
/** Error rate above which a region that still answers its probes counts as degraded. */
const DEGRADED_ERROR_RATE = 0.05;

export type Tracking = {
  /** Link id -> ms since its lag has been over the RPO target. */
  overRpoSince: Record<string, number>;
  /** Region id -> consecutive observations with a quorum of probes failing. */
  failingStreak: Record<string, number>;
};

export const EMPTY_TRACKING: Tracking = { overRpoSince: {}, failingStreak: {} };

export type Condition = {
  kind: TAlertKind;
  targetId: string;
  targetLabel: string;
  message: string;
  details: Record<string, unknown>;
};

export type Assessment = { links: LiveLink[]; regions: LiveRegion[]; tracking: Tracking; conditions: Condition[] };

export type AssessInput = {
  topology: DeploymentTopology;
  observations: Observations;
  rpoTargetSeconds: number;
  tracking: Tracking;
  /** How long lag must stay over the RPO target before an alert opens. */
  lagAlertAfterSeconds: number;
  names: { replicas: Record<string, string>; regions: Record<string, string> };
};

/**
 * The lag that RPO is about: how many seconds of writes the target has not applied. A driver's
 * lagMs is the time to drain the backlog, which stays small while a partition grows the backlog;
 * the backlog over the link's expected write rate does not.
 */
export function effectiveLagMs(lagMs: number, lagBytes: number, expectedVolumeGbPerDay: number): number {
  const bytesPerSecond = (expectedVolumeGbPerDay * BYTES_PER_GB) / SECONDS_PER_DAY;
  const backlogMs = bytesPerSecond > 0 ? (lagBytes / bytesPerSecond) * 1000 : 0;
  return Math.max(lagMs, backlogMs);
}

export function assess(input: AssessInput): Assessment {
  const { topology, observations, rpoTargetSeconds, names } = input;
  const now = observations.observedAtMs;
  const conditions: Condition[] = [];
  const tracking: Tracking = { overRpoSince: {}, failingStreak: {} };

  const linkById = new Map(topology.links.map((l) => [l.id, l]));
  const links: LiveLink[] = observations.lag.map((o) => {
    const link = linkById.get(o.linkId);
    const lagMs = effectiveLagMs(o.lagMs, o.lagBytes, link?.expectedVolumeGbPerDay ?? 0);
    const overRpo = lagMs > rpoTargetSeconds * 1000;
    if (overRpo) {
      const since = input.tracking.overRpoSince[o.linkId] ?? now;
      tracking.overRpoSince[o.linkId] = since;
      if (now - since >= input.lagAlertAfterSeconds * 1000 && link) {
        const label = `${names.replicas[link.sourceReplicaId] ?? "?"} → ${names.replicas[link.targetReplicaId] ?? "?"}`;
        conditions.push({
          kind: "LAG_OVER_RPO",
          targetId: o.linkId,
          targetLabel: label,
          message: `replication lag on ${label} is ${(lagMs / 1000).toFixed(1)} s, over the RPO target of ${rpoTargetSeconds} s`,
          details: { lagMs, lagBytes: o.lagBytes, rpoTargetSeconds, sinceMs: since },
        });
      }
    }
    return { linkId: o.linkId, lagMs, lagBytes: o.lagBytes, overRpo };
  });

  const regions: LiveRegion[] = topology.regions.map((region) => {
    const probes = observations.health.filter((h) => h.regionId === region.id);
    const healthyProbes = probes.filter((p) => p.healthy).length;
    const failing = probes.length - healthyProbes;
    const policy = strictestPolicyFor(topology, region.id);
    const quorum = policy?.healthCheck.quorum ?? Math.ceil(Math.max(probes.length, 1) / 2);
    const threshold = policy?.healthCheck.failureThreshold ?? 3;
    const streak = failing >= quorum && probes.length > 0 ? (input.tracking.failingStreak[region.id] ?? 0) + 1 : 0;
    if (streak > 0) tracking.failingStreak[region.id] = streak;
    const traffic = observations.traffic.find((t) => t.regionId === region.id);
    // Down is the routing layer's verdict, so that a region called down is one its traffic has left:
    // every policy routing to it has marked it down (a quorum of its probe locations failed for
    // failureThreshold of its intervals). A driver that reports no routing layer is judged the same
    // way over our own observations: a quorum failing `threshold` of them in a row.
    const drained = markedDownByRouting(topology, observations, region.id);
    const down = drained ?? streak >= threshold;
    const status: RegionStatus = down
      ? "DOWN"
      : failing > 0 || (traffic?.errorRate ?? 0) > DEGRADED_ERROR_RATE
        ? "DEGRADED"
        : "HEALTHY";
    if (status === "DOWN") {
      const label = names.regions[region.id] ?? region.code;
      const how =
        drained === null
          ? `${streak} observations in a row`
          : `marked down by its routing after ${threshold} failed checks`;
      conditions.push({
        kind: "REGION_DOWN",
        targetId: region.id,
        targetLabel: label,
        message: `${label} fails its health check from ${failing} of ${probes.length} probe locations (quorum ${quorum}), ${how}`,
        details: { failing, probes: probes.length, quorum, streak, markedDownByRouting: drained === true },
      });
    }
    return {
      regionId: region.id,
      status,
      healthyProbes,
      totalProbes: probes.length,
      requestsPerSecond: traffic?.requestsPerSecond ?? 0,
      errorRate: traffic?.errorRate ?? 0,
      latencyP50Ms: traffic?.latencyP50Ms ?? null,
    };
  });

  return { links, regions, tracking, conditions };
}

/**
 * Whether every routing policy that routes to the region has marked it down (true), not all have
 * (false), or null when the driver reports no routing layer for it (no policy, or no observation).
 */
function markedDownByRouting(topology: DeploymentTopology, observations: Observations, regionId: string) {
  const verdicts = topology.routingPolicies
    .filter((p) => p.rules.some((r) => r.regionId === regionId))
    .map((p) => observations.routing.find((o) => o.policyId === p.id))
    .filter((o) => o !== undefined)
    .map((o) => o.unhealthyRegionIds.includes(regionId));
  return verdicts.length === 0 ? null : verdicts.every(Boolean);
}

/** The policy routing to a region with the largest quorum: the one slowest to call it down. */
function strictestPolicyFor(topology: DeploymentTopology, regionId: string) {
  return topology.routingPolicies
    .filter((p) => p.rules.some((r) => r.regionId === regionId))
    .sort((a, b) => b.healthCheck.quorum - a.healthCheck.quorum)[0];
}
