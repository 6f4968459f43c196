// Health probes as a routing product runs them: from each probe location, a fresh connection to the
// region's server through that location's route (in the lab, a relay adding the location's delay)
// and `select 1`, failing after the health check's timeout. A probe is a new connection on purpose:
// a pooled one would keep answering through a path that no longer accepts new clients.
import pg from "pg";

import type { HealthCheckSpec, ProbeObservation, RoutingObservation, TopologyRegion } from "../types";
import type { ProbeRoute, ServerEndpoint } from "./directory";
import { clientConfig } from "./pools";

/** For regions no routing policy covers. */
const DEFAULT_TIMEOUT_SECONDS = 5;

async function probeOnce(route: ProbeRoute, server: ServerEndpoint, timeoutMs: number): Promise<number | null> {
  const started = performance.now();
  const client = new pg.Client(clientConfig({ ...server, host: route.host, port: route.port }, timeoutMs));
  client.on("error", () => {});
  const deadline = new Promise<null>((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    timer.unref();
  });
  try {
    const answered = await Promise.race([
      client
        .connect()
        .then(() => client.query("select 1"))
        .then(() => performance.now() - started),
      deadline,
    ]);
    return answered === null ? null : Math.round(answered * 10) / 10;
  } catch {
    return null;
  } finally {
    void client.end().catch(() => {});
  }
}

export async function probeRegions(
  regions: TopologyRegion[],
  routes: ProbeRoute[],
  serverOfRegion: (regionId: string) => ServerEndpoint | null,
  healthCheckOf: (regionId: string) => HealthCheckSpec | undefined,
): Promise<ProbeObservation[]> {
  const known = new Set(regions.map((r) => r.id));
  return Promise.all(
    routes
      .filter((route) => known.has(route.regionId))
      .map(async (route) => {
        const server = serverOfRegion(route.regionId);
        const timeoutMs = (healthCheckOf(route.regionId)?.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
        const latencyMs = server ? await probeOnce(route, server, timeoutMs) : null;
        return { regionId: route.regionId, probeLocation: route.location, healthy: latencyMs !== null, latencyMs };
      }),
  );
}

/** Regions a policy's routing layer would take out now: a quorum of its locations failing. */
export function routingOf(
  policies: { id: string; healthCheck: HealthCheckSpec; rules: { regionId: string }[] }[],
  health: ProbeObservation[],
): RoutingObservation[] {
  return policies.map((policy) => {
    const regionIds = [...new Set(policy.rules.map((r) => r.regionId))];
    const unhealthyRegionIds = regionIds.filter((regionId) => {
      const probes = health.filter((h) => h.regionId === regionId);
      const failing = probes.filter((p) => !p.healthy).length;
      return probes.length > 0 && failing >= Math.min(policy.healthCheck.quorum, probes.length);
    });
    return { policyId: policy.id, unhealthyRegionIds, unroutedRequestsPerSecond: 0 };
  });
}
