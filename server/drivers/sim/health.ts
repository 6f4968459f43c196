// Health probes as a routing product runs them: from several locations, with a timeout, and a
// region is marked down only after failureThreshold consecutive failures seen by a quorum.
import type { HealthCheckSpec, ProbeObservation, RoutingPolicy, TopologyRegion } from "../types";
import { regionAddedLatencyMs, regionAddedLatencySinceMs, regionOutageSinceMs } from "./active-faults";
import { roundTripMs, type Coordinates } from "./geo";
import { KNOWN_PLACES } from "./places";
import { jitter } from "./prng";
import type { SimState } from "./state";

/** Time the health endpoint itself takes to answer. */
const PROBE_SERVER_MS = 5;
/** Used for regions no routing policy covers but that name their own probe locations. */
const DEFAULT_TIMEOUT_SECONDS = 5;

interface ProbeResult {
  healthy: boolean;
  latencyMs: number | null;
  /** Since when this probe has been failing, for the consecutive-failure rule. */
  failingSinceMs: number | null;
}

/** A probe location named after a region of the deployment, a known place, or (else) the region itself. */
function probeCoordinates(state: SimState, location: string, probedRegion: TopologyRegion): Coordinates {
  const region = state.topology.regions.find((candidate) => candidate.code === location || candidate.id === location);
  return region ?? KNOWN_PLACES[location] ?? probedRegion;
}

function probeRegion(
  state: SimState,
  region: TopologyRegion,
  location: string,
  timeoutSeconds: number,
  atMs: number,
): ProbeResult {
  const outageSinceMs = regionOutageSinceMs(state, region.id, atMs);
  if (outageSinceMs !== null) return { healthy: false, latencyMs: null, failingSinceMs: outageSinceMs };
  const baseMs =
    roundTripMs(probeCoordinates(state, location, region), region) +
    regionAddedLatencyMs(state, region.id, atMs) +
    PROBE_SERVER_MS;
  const latencyMs = jitter(
    baseMs,
    state.options.jitterFraction,
    state.options.seed,
    "probe",
    region.id,
    location,
    atMs,
  );
  if (latencyMs > timeoutSeconds * 1000) {
    // Only injected latency pushes a probe past its timeout, so it has failed since that began.
    return {
      healthy: false,
      latencyMs: null,
      failingSinceMs: regionAddedLatencySinceMs(state, region.id, atMs) ?? atMs,
    };
  }
  return { healthy: true, latencyMs: Math.round(latencyMs * 10) / 10, failingSinceMs: null };
}

function policiesCovering(state: SimState, regionId: string): RoutingPolicy[] {
  return state.topology.routingPolicies.filter((policy) => policy.rules.some((rule) => rule.regionId === regionId));
}

function probeLocationsOf(region: TopologyRegion, healthCheck: HealthCheckSpec | undefined): string[] {
  return region.probeLocations ?? healthCheck?.probeLocations ?? [];
}

/** One probe per region and location; the first policy covering a region sets its timeout. */
export function observeHealth(state: SimState, atMs: number): ProbeObservation[] {
  const observations: ProbeObservation[] = [];
  for (const region of state.topology.regions) {
    const healthCheck = policiesCovering(state, region.id)[0]?.healthCheck;
    const timeoutSeconds = healthCheck?.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    for (const location of probeLocationsOf(region, healthCheck)) {
      const probe = probeRegion(state, region, location, timeoutSeconds, atMs);
      observations.push({
        regionId: region.id,
        probeLocation: location,
        healthy: probe.healthy,
        latencyMs: probe.latencyMs,
      });
    }
  }
  return observations;
}

/**
 * Whether the policy's routing layer has taken the region out: at least `quorum` locations have
 * failed for failureThreshold intervals in a row (the worst case, where the probe just before the
 * fault still succeeded). Until then requests keep arriving at a dead region and fail.
 */
export function isRegionMarkedDown(
  state: SimState,
  policy: RoutingPolicy,
  region: TopologyRegion,
  atMs: number,
): boolean {
  const { healthCheck } = policy;
  const locations = probeLocationsOf(region, healthCheck);
  // Nobody probes it, so the routing layer cannot notice anything.
  if (locations.length === 0) return false;
  const detectionMs = healthCheck.intervalSeconds * 1000 * healthCheck.failureThreshold;
  const failingLocations = locations.filter((location) => {
    const probe = probeRegion(state, region, location, healthCheck.timeoutSeconds, atMs);
    return probe.failingSinceMs !== null && atMs - probe.failingSinceMs >= detectionMs;
  });
  return failingLocations.length >= Math.min(healthCheck.quorum, locations.length);
}
