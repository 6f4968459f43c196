// Where user requests go under each routing policy, and what each region then serves.
import type {
  RegionTrafficObservation,
  RoutingObservation,
  RoutingPolicy,
  RoutingRule,
  TopologyRegion,
} from "../types";
import { isRegionDown, regionAddedLatencyMs } from "./active-faults";
import { greatCircleKm, roundTripMs } from "./geo";
import { isRegionMarkedDown } from "./health";
import { findRegion } from "./lookup";
import type { UserPopulation } from "./options";
import { jitter } from "./prng";
import type { SimState } from "./state";

/** Last mile from a user to the backbone. */
const USER_ACCESS_MS = 10;
/** Application time per request. */
const SERVER_TIME_MS = 20;
/** Even a healthy region fails the odd request. */
const BASELINE_ERROR_RATE = 0.001;

interface Flow {
  regionId: string;
  requestsPerSecond: number;
  userLatencyMs: number;
}

interface RoutedPolicy {
  flows: Flow[];
  routing: RoutingObservation;
}

/** By default users sit at each region the policy routes to, in equal numbers. */
function populationsOf(state: SimState, policy: RoutingPolicy): UserPopulation[] {
  const configured = state.options.userPopulationsByPolicy[policy.id];
  if (configured) return configured;
  const regionIds = [...new Set(policy.rules.map((rule) => rule.regionId))];
  return regionIds.map((regionId) => {
    const region = findRegion(state, regionId);
    return { name: region.code, latitude: region.latitude, longitude: region.longitude, share: 1 };
  });
}

function userLatencyMs(state: SimState, population: UserPopulation, region: TopologyRegion, atMs: number): number {
  return (
    roundTripMs(population, region) + regionAddedLatencyMs(state, region.id, atMs) + USER_ACCESS_MS + SERVER_TIME_MS
  );
}

function equalSplit(rules: RoutingRule[]): Map<RoutingRule, number> {
  return new Map(rules.map((rule) => [rule, 1 / rules.length]));
}

function nearest(rules: RoutingRule[], distance: (rule: RoutingRule) => number): Map<RoutingRule, number> {
  let best = rules[0] as RoutingRule;
  for (const rule of rules) if (distance(rule) < distance(best)) best = rule;
  return new Map([[best, 1]]);
}

/** The rules of the best (lowest) priority: the others are standbys until these are all out. */
function bestPriority(rules: RoutingRule[]): RoutingRule[] {
  const best = Math.min(...rules.map((rule) => rule.priority));
  return rules.filter((rule) => rule.priority === best);
}

/** Rules a weight of 0 has not taken out of rotation (all of them when every weight is 0). */
function weighted(rules: RoutingRule[]): RoutingRule[] {
  const inRotation = rules.filter((rule) => rule.weight > 0);
  return inRotation.length > 0 ? inRotation : rules;
}

/**
 * Fraction of one population's requests each eligible rule receives (rules is never empty), as
 * each steering means its rules (ROUTING_FIELDS_BY_STEERING in lib/topology says which fields act):
 *   - FAILOVER: the best priority takes everything, split evenly; weights do not act;
 *   - WEIGHTED: shares by weight; priorities do not act;
 *   - LATENCY, GEO: the best priority among the rules in rotation (weight above 0), then the
 *     nearest of them, as Front Door and Cloudflare pick a priority group and steer within it: a
 *     warm standby's rule (a lower priority) serves nothing until the primary's is out;
 *   - RANDOM, HASH: evenly over every eligible rule.
 */
function splitPopulation(
  state: SimState,
  policy: RoutingPolicy,
  rules: RoutingRule[],
  population: UserPopulation,
  atMs: number,
): Map<RoutingRule, number> {
  switch (policy.steering) {
    case "LATENCY":
      return nearest(bestPriority(weighted(rules)), (rule) =>
        userLatencyMs(state, population, findRegion(state, rule.regionId), atMs),
      );
    case "GEO":
      return nearest(bestPriority(weighted(rules)), (rule) =>
        greatCircleKm(population, findRegion(state, rule.regionId)),
      );
    case "WEIGHTED": {
      const totalWeight = rules.reduce((total, rule) => total + rule.weight, 0);
      // All weights zero: products such as Route 53 then split evenly.
      if (totalWeight === 0) return equalSplit(rules);
      return new Map(rules.map((rule) => [rule, rule.weight / totalWeight]));
    }
    case "FAILOVER":
      return equalSplit(bestPriority(rules));
    case "RANDOM":
    case "HASH":
      // Random choice and client hashing both spread a large population evenly.
      return equalSplit(rules);
  }
}

function routePolicy(state: SimState, policy: RoutingPolicy, atMs: number): RoutedPolicy {
  const totalRequestsPerSecond =
    state.options.requestsPerSecondByPolicy[policy.id] ?? state.options.defaultRequestsPerSecond;
  const routable = policy.rules.filter((rule) => rule.enabled && !rule.drained);
  const unhealthyRegionIds = [...new Set(policy.rules.map((rule) => rule.regionId))].filter((regionId) =>
    isRegionMarkedDown(state, policy, findRegion(state, regionId), atMs),
  );
  const healthy = routable.filter((rule) => !unhealthyRegionIds.includes(rule.regionId));
  // When every region looks down, routing products fail open rather than answer nothing.
  const eligible = healthy.length > 0 ? healthy : routable;
  if (eligible.length === 0) {
    return {
      flows: [],
      routing: { policyId: policy.id, unhealthyRegionIds, unroutedRequestsPerSecond: totalRequestsPerSecond },
    };
  }

  const populations = populationsOf(state, policy);
  const totalShare = populations.reduce((total, population) => total + population.share, 0);
  const flows: Flow[] = [];
  for (const population of populations) {
    const populationRequestsPerSecond = (totalRequestsPerSecond * population.share) / totalShare;
    for (const [rule, fraction] of splitPopulation(state, policy, eligible, population, atMs)) {
      const region = findRegion(state, rule.regionId);
      flows.push({
        regionId: region.id,
        requestsPerSecond: populationRequestsPerSecond * fraction,
        userLatencyMs: userLatencyMs(state, population, region, atMs),
      });
    }
  }
  return { flows, routing: { policyId: policy.id, unhealthyRegionIds, unroutedRequestsPerSecond: 0 } };
}

/** Median over requests; when it falls exactly between two flows, the midpoint of the two. */
function weightedMedian(flows: Flow[]): number {
  const sorted = [...flows].sort((a, b) => a.userLatencyMs - b.userLatencyMs);
  const half = sorted.reduce((total, flow) => total + flow.requestsPerSecond, 0) / 2;
  let seen = 0;
  for (const [index, flow] of sorted.entries()) {
    seen += flow.requestsPerSecond;
    if (Math.abs(seen - half) < 1e-9 * half)
      return (flow.userLatencyMs + (sorted[index + 1] ?? flow).userLatencyMs) / 2;
    if (seen > half) return flow.userLatencyMs;
  }
  return sorted.at(-1)?.userLatencyMs ?? 0;
}

function errorRateOf(state: SimState, regionId: string, requestsPerSecond: number, atMs: number): number {
  if (requestsPerSecond === 0) return 0;
  // Requests sent to a dead region before the routing layer notices all fail.
  if (isRegionDown(state, regionId, atMs)) return 1;
  const capacity = state.options.capacityRequestsPerSecondByRegion[regionId];
  const overloadRate =
    capacity !== undefined && requestsPerSecond > capacity ? (requestsPerSecond - capacity) / requestsPerSecond : 0;
  const baseline = jitter(BASELINE_ERROR_RATE, 0.5, state.options.seed, "errors", regionId, atMs);
  return 1 - (1 - baseline) * (1 - overloadRate);
}

export function observeTraffic(
  state: SimState,
  atMs: number,
): { traffic: RegionTrafficObservation[]; routing: RoutingObservation[] } {
  const routed = state.topology.routingPolicies.map((policy) => routePolicy(state, policy, atMs));
  const flows = routed.flatMap((policy) => policy.flows);
  const traffic = state.topology.regions.map((region): RegionTrafficObservation => {
    const regionFlows = flows.filter((flow) => flow.regionId === region.id && flow.requestsPerSecond > 0);
    const requestsPerSecond = regionFlows.reduce((total, flow) => total + flow.requestsPerSecond, 0);
    const latencyP50Ms =
      regionFlows.length === 0
        ? null
        : Math.round(
            jitter(
              weightedMedian(regionFlows),
              state.options.jitterFraction,
              state.options.seed,
              "latency",
              region.id,
              atMs,
            ) * 10,
          ) / 10;
    return {
      regionId: region.id,
      requestsPerSecond: Math.round(requestsPerSecond * 10) / 10,
      errorRate: Math.round(errorRateOf(state, region.id, requestsPerSecond, atMs) * 1e6) / 1e6,
      latencyP50Ms,
    };
  });
  return { traffic, routing: routed.map((policy) => policy.routing) };
}
