// Health probes as a routing product runs them: from each probe location, a fresh connection to the
// region's server through that location's route (in the lab, a relay adding the location's delay),
// failing after the health check's timeout. A probe is a new connection on purpose: a pooled one
// would keep answering through a path that no longer accepts new clients.
import net from "node:net";

import type { HealthCheckSpec, ProbeObservation, RoutingObservation, TopologyRegion } from "../types";
import type { ProbeRoute, ServerEndpoint } from "./directory";

/** For regions no routing policy covers. */
const DEFAULT_TIMEOUT_SECONDS = 5;

/**
 * A StartupMessage (protocol 3.0) naming the user and database: the server answers it with an
 * authentication request ('R') as soon as its postmaster accepts connections, as pg_isready asks.
 */
function startupMessage(user: string, database: string): Buffer {
  const body = Buffer.from(`user\0${user}\0database\0${database}\0application_name\0meridian-probe\0\0`);
  const header = Buffer.alloc(8);
  header.writeInt32BE(8 + body.length, 0);
  header.writeInt32BE(196608, 4); // 3.0
  return Buffer.concat([header, body]);
}

/** SSLRequest: length 8, code 80877103. */
const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

/**
 * One probe: connect through the route and ask as pg_isready does; healthy when the server asks us
 * to authenticate within the timeout. One round trip, like a routing product's HTTP health check,
 * where a full sign-in would cost five through a far location's relay. An error answer ('E': the
 * server is starting up, shutting down or full) is a failed probe.
 */
function probeOnce(route: ProbeRoute, server: ServerEndpoint, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect({ host: route.host, port: route.port });
    let done = false;
    const finish = (latency: number | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(latency === null ? null : Math.round(latency * 10) / 10);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    // A server that takes only TLS refuses a plain StartupMessage: ask it whether it speaks TLS
    // instead ('S' or 'N' come from a postmaster that accepts connections), one round trip too.
    const tls = server.sslmode === "require" || server.sslmode === "verify-full";
    socket.once("connect", () => socket.write(tls ? SSL_REQUEST : startupMessage(server.user, server.database)));
    socket.once("data", (data: Buffer) => {
      const accepted = tls ? data[0] === 0x53 || data[0] === 0x4e : data[0] === 0x52;
      finish(accepted ? performance.now() - started : null);
    });
    socket.once("error", () => finish(null));
    socket.once("close", () => finish(null));
  });
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
