// The lab handed to the postgres driver: its status (servers, probe relays, link relays, the
// workload's traffic) as the driver's ServerDirectory for one deployment of the model, and its
// controls as what the driver's faults act on (cut, slow and restore link relays, stop and start
// servers), changing only what differs from what the faults ask.
import type {
  LabControls,
  LabFaultState,
  LabMoveAction,
  LabOperator,
  ProbeRoute,
  RouterView,
  ServerDirectory,
  ServerEndpoint,
  ServerMarkerView,
} from "@/server/drivers/postgres";
import type { DeploymentTopology, RegionTrafficObservation } from "@/server/drivers/types";

import { moveServer } from "./moves";
import { LAB_CLIENT_USER } from "./pg-server";
import type { Relay } from "./relay";
import type { LabRouter } from "./router";
import { SinglePrimaryCluster } from "./single-primary";
import type { LabStatus } from "./status";

/** What the driver asks of a lab: LabClient (the control API) and the in-process Lab both offer it. */
export interface LabActions {
  status(): Promise<LabStatus>;
  faultLink(
    fault: { link: string; kind: "cut"; mode: "refuse" } | { link: string; kind: "slow"; addedLatencyMs: number },
  ): Promise<unknown> | unknown;
  restoreLink(link: string): Promise<unknown> | unknown;
  stopServer(stop: { replica: string; mode: "kill" | "fast" }): Promise<unknown> | unknown;
  startServer(server: { replica: string }): Promise<unknown> | unknown;
  /** The moves of an operation (moves.ts); absent: the lab is only observed and faulted. */
  moveReplica?(move: {
    replica: string;
    deployment: string;
    action: LabMoveAction;
    token: number;
    epoch?: number;
  }): Promise<{ running: boolean; marker: ServerMarkerView | null; recloned?: boolean }>;
  setRouterTarget?(target: {
    deployment: string;
    policy: string;
    token: number;
    region: string | null;
    dropOthers: boolean;
    drained?: string[];
  }): Promise<{ region: string | null; token: number }> | { region: string | null; token: number };
}

function endpointOf(url: string, port: number): ServerEndpoint {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port,
    database: decodeURIComponent(parsed.pathname.slice(1)),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    sslmode: "disable",
  };
}

/** The slice of the lab's status that is this deployment's, keyed by the model's ids. */
export function directoryFromStatus(
  status: LabStatus,
  topology: DeploymentTopology,
  lab: LabActions | null,
): ServerDirectory {
  const replicaIds = new Set(topology.replicas.map((r) => r.id));
  const regionIdOf = new Map(topology.regions.map((r) => [r.code, r.id]));
  const mine = status.servers.filter((s) => s.replicaId && replicaIds.has(s.replicaId));
  const servers: Record<string, ServerEndpoint> = {};
  const byName = new Map<string, string>();
  for (const s of mine) {
    byName.set(`${s.deployment} ${s.cluster}/${s.replica}`, s.replicaId!);
    // A stopped server keeps its port: the driver then reports the refusal it gets, as it would
    // for any server that does not answer.
    if (s.url && s.port !== null) servers[s.replicaId!] = endpointOf(s.url, s.port);
  }
  // One server per region answers its probes: the region's first replica in the model.
  const probedReplica = new Map<string, string>();
  for (const r of topology.replicas) if (!probedReplica.has(r.regionId)) probedReplica.set(r.regionId, r.id);
  const probes: ProbeRoute[] = status.probes.flatMap((p) => {
    const replicaId = byName.get(`${p.deployment} ${p.cluster}/${p.replica}`);
    const regionId = regionIdOf.get(p.region);
    if (!replicaId || !regionId || p.port === null || probedReplica.get(regionId) !== replicaId) return [];
    return [{ location: p.location, regionId, host: p.host, port: p.port }];
  });
  const slug = mine[0]?.deployment;
  const workload = status.workloads.find((w) => w.deployment === slug);
  const traffic: RegionTrafficObservation[] | undefined = workload
    ? topology.regions.map((region) => {
        const t = workload.traffic.find((x) => x.region === region.code);
        return {
          regionId: region.id,
          requestsPerSecond: t?.requestsPerSecond ?? 0,
          errorRate: t?.errorRate ?? 0,
          latencyP50Ms: t?.latencyP50Ms ?? null,
        };
      })
    : undefined;
  const relaysOfLinks = relaysOf(status, topology, slug, mine);
  const markers: Record<string, ServerMarkerView | null> = {};
  for (const s of mine) markers[s.replicaId!] = s.marker ?? null;
  const policyIds = new Set(topology.routingPolicies.map((p) => p.id));
  const myRouters = status.routers.filter((r) => r.deployment === slug && r.policyId && policyIds.has(r.policyId));
  const routers: RouterView[] = myRouters.map((r) => ({
    policyId: r.policyId!,
    region: r.target.region,
    token: r.target.token,
  }));
  return {
    servers,
    probes,
    controls: lab ? labControls(lab, status, slug, relaysOfLinks, mine) : null,
    operator: lab && slug ? labOperator(lab, slug, myRouters) : null,
    markers,
    routers,
    clientRole: LAB_CLIENT_USER,
    absentReason:
      mine.length === 0 ? "the lab runs no server for this replica" : "the lab's server for this replica has no port",
    ...(traffic ? { traffic } : {}),
  };
}

function labOperator(lab: LabActions, deployment: string, routers: LabStatus["routers"]): LabOperator | null {
  const { moveReplica, setRouterTarget } = lab;
  if (!moveReplica || !setRouterTarget) return null;
  return {
    move: ({ replicaId, action, token, epoch }) =>
      moveReplica.call(lab, {
        replica: replicaId,
        deployment,
        action,
        token,
        ...(epoch !== undefined ? { epoch } : {}),
      }),
    route: async ({ policyId, region, token, drained = [] }) => {
      const policy = routers.find((r) => r.policyId === policyId)?.policy;
      if (!policy) throw new Error(`the lab runs no router for routing policy ${policyId}`);
      return setRouterTarget.call(lab, { deployment, policy, token, region, dropOthers: true, drained });
    },
  };
}

/**
 * The relay that carries each model link now, by the link's current ends: a move of the primary
 * turns the model's links around (write-model.ts) while the lab names a relay by the ends it was
 * made for, so after a switchover the relay streaming eu -> us is not the one that bore the link's
 * id (us -> eu, now idle). A link whose ends no relay carries falls back to the relay of its id.
 */
function relaysOf(
  status: LabStatus,
  topology: DeploymentTopology,
  slug: string | undefined,
  servers: LabStatus["servers"],
): Map<string, string> {
  const nameOf = new Map(servers.map((s) => [s.replicaId!, s.replica]));
  const mine = status.links.filter((l) => l.deployment === slug);
  const relays = new Map<string, string>();
  for (const link of topology.links) {
    const source = nameOf.get(link.sourceReplicaId);
    const target = nameOf.get(link.targetReplicaId);
    const relay = mine.find((l) => l.source === source && l.target === target) ?? mine.find((l) => l.id === link.id);
    if (relay) relays.set(link.id, relay.id);
  }
  return relays;
}

function labControls(
  lab: LabActions,
  status: LabStatus,
  slug: string | undefined,
  relaysOfLinks: Map<string, string>,
  servers: LabStatus["servers"],
): LabControls {
  // The relays the console owns: those carrying a model link, and those named by one (left clean
  // once idle, so a cut made before the primary moved does not wait for the relay's next use).
  const owned = new Set([...relaysOfLinks.keys(), ...relaysOfLinks.values()]);
  return {
    async apply(state: LabFaultState) {
      for (const link of status.links.filter((l) => l.deployment === slug && owned.has(l.id))) {
        const links = [...relaysOfLinks].filter(([, relay]) => relay === link.id).map(([linkId]) => linkId);
        const cut = links.some((id) => state.cutLinks.includes(id));
        const latency = links.reduce((sum, id) => sum + (state.linkLatencyMs[id] ?? 0), 0);
        const now = link.conditions;
        const differs = (now.cut !== null) !== cut || now.addedLatencyMs !== latency || now.lossRate !== 0;
        if (!differs) continue;
        // From a clean relay: restore (what a stall held is delivered), then what the faults ask.
        await lab.restoreLink(link.id);
        if (latency > 0) await lab.faultLink({ link: link.id, kind: "slow", addedLatencyMs: latency });
        if (cut) await lab.faultLink({ link: link.id, kind: "cut", mode: "refuse" });
      }
      for (const server of servers) {
        const id = server.replicaId!;
        const stop = state.stoppedServers[id];
        if (stop && server.running) await lab.stopServer({ replica: id, mode: stop === "clean" ? "fast" : "kill" });
        if (!stop && !server.running && state.startServers.includes(id)) await lab.startServer({ replica: id });
      }
    },
  };
}

/** A lab deployment running in this process (tests, benchmarks) as the driver's lab. */
export function inProcessLab(deployment: {
  serverStatus(options?: { roles?: boolean }): Promise<LabStatus["servers"]>;
  routerStatus(): LabStatus["routers"];
  linkStatus(): LabStatus["links"];
  probeStatus(): LabStatus["probes"];
  workloadStatus(): LabStatus["workloads"];
  clusters: Map<string, { links: Map<string, { relay: Relay }> }>;
  stopServer(replica: string, mode: "kill" | "fast"): Promise<void>;
  startServer(replica: string): Promise<void>;
  findReplica?(replica: string): { cluster: unknown; name: string } | null;
  routers?: Map<string, { router: LabRouter }>;
}): LabActions {
  const relay = (id: string) => {
    for (const cluster of deployment.clusters.values()) {
      const found = cluster.links.get(id);
      if (found) return found.relay;
    }
    throw new Error(`the lab has no link ${id}`);
  };
  return {
    async status() {
      return {
        // Where the servers are and their markers; the driver reads roles itself (pooled connections).
        servers: await deployment.serverStatus({ roles: false }),
        routers: deployment.routerStatus(),
        links: deployment.linkStatus(),
        probes: deployment.probeStatus(),
        workloads: deployment.workloadStatus(),
        pid: process.pid,
        dataRoot: "",
      };
    },
    faultLink: (fault) =>
      fault.kind === "cut" ? relay(fault.link).cut(fault.mode) : relay(fault.link).slow(fault.addedLatencyMs),
    restoreLink: (link) => relay(link).restore(),
    stopServer: ({ replica, mode }) => deployment.stopServer(replica, mode),
    startServer: ({ replica }) => deployment.startServer(replica),
    moveReplica: async ({ replica, action, token, epoch }) => {
      const found = deployment.findReplica?.(replica);
      if (!found || !(found.cluster instanceof SinglePrimaryCluster))
        throw new Error(`replica ${replica} is not in a single-primary lab cluster`);
      return moveServer(found.cluster, found.name, { action, token, epoch });
    },
    setRouterTarget: ({ policy, token, region, dropOthers, drained }) => {
      const router = deployment.routers?.get(policy)?.router;
      if (!router) throw new Error(`the lab has no router for policy ${policy}`);
      return router.setTarget(token, region, { dropOthers, ...(drained ? { drained } : {}) });
    },
  };
}
