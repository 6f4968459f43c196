// One observation of real servers: read every server at once, probe every region from every probe
// location, and turn the readings into the observation every driver gives (the sim's shape), plus
// what only real servers can say (each server's answer or error, data at risk, divergence).
import type {
  ClusterConflictObservation,
  DeploymentTopology,
  HealthCheckSpec,
  LinkLagObservation,
  LinkLagUnknown,
  Observations,
  RegionTrafficObservation,
  ServerObservation,
} from "../types";
import type { ServerDirectory } from "./directory";
import { compareCluster, DIVERGENCE_EVERY_MS } from "./divergence";
import { probeRegions, routingOf } from "./health";
import { heldLsn, linkLag } from "./lag";
import { perSecond, type PostgresMemory } from "./memory";
import { readServer, type ServerReading, type ServerState } from "./read-server";

const unreachable = (error: string): ServerState => ({ reachable: false, error });

const conflictsOf = (s: ServerState) =>
  s.reachable ? s.subscriptions.reduce((sum, sub) => sum + sub.conflicts, 0) : 0;

export async function observeServers(
  topology: DeploymentTopology,
  directory: ServerDirectory,
  memory: PostgresMemory,
  atMs: number,
): Promise<{ observations: Observations; memory: PostgresMemory }> {
  const healthCheckOf = (regionId: string): HealthCheckSpec | undefined =>
    topology.routingPolicies.find((p) => p.rules.some((r) => r.regionId === regionId))?.healthCheck;
  const serverOfRegion = (regionId: string) => {
    const replica = topology.replicas.find((r) => r.regionId === regionId && directory.servers[r.id]);
    return replica ? directory.servers[replica.id]! : null;
  };

  const [states, health] = await Promise.all([
    Promise.all(
      topology.replicas.map(async (r) => {
        const endpoint = directory.servers[r.id];
        const state = endpoint
          ? await readServer(endpoint)
          : unreachable(directory.absentReasons?.[r.id] ?? directory.absentReason);
        return [r.id, state] as const;
      }),
    ),
    probeRegions(topology.regions, directory.probes, serverOfRegion, healthCheckOf),
  ]);
  const byReplica = new Map(states);
  const next: PostgresMemory = { readings: {}, linkSlots: {}, divergence: { ...memory.divergence } };

  // Rates from the previous reading of each server.
  const rates = new Map<
    string,
    { bytes: number | null; commits: number | null; rollbacks: number | null; conflicts: number | null }
  >();
  for (const [replicaId, state] of byReplica) {
    if (!state.reachable) continue;
    const before = memory.readings[replicaId];
    const lsn = heldLsn(state);
    const reading = {
      atMs: state.serverNowMs,
      lsn,
      commits: state.commits,
      rollbacks: state.rollbacks,
      conflicts: conflictsOf(state),
    };
    next.readings[replicaId] = reading;
    const dt = before ? reading.atMs - before.atMs : 0;
    rates.set(replicaId, {
      bytes: state.inRecovery ? null : perSecond(before?.lsn, lsn, dt),
      commits: perSecond(before?.commits, reading.commits, dt),
      rollbacks: perSecond(before?.rollbacks, reading.rollbacks, dt),
      conflicts: perSecond(before?.conflicts, reading.conflicts, dt),
    });
  }

  const clusterOf = new Map(topology.clusters.map((c) => [c.id, c]));
  const replicaById = new Map(topology.replicas.map((r) => [r.id, r]));
  const lag: LinkLagObservation[] = [];
  const lagUnknown: LinkLagUnknown[] = [];
  for (const link of topology.links) {
    const source = replicaById.get(link.sourceReplicaId);
    const logical = clusterOf.get(source?.clusterId ?? "")?.writeTopology === "MULTI_PRIMARY";
    const result = linkLag(
      link,
      logical,
      byReplica.get(link.sourceReplicaId) ?? unreachable("not in the model"),
      byReplica.get(link.targetReplicaId) ?? unreachable("not in the model"),
      memory,
      rates.get(link.sourceReplicaId)?.bytes ?? null,
    );
    if (result.known) {
      lag.push({ linkId: result.linkId, lagMs: result.lagMs, lagBytes: result.lagBytes });
      if (result.slot) next.linkSlots[link.id] = result.slot;
    } else {
      lagUnknown.push({ linkId: result.linkId, error: result.error });
      if (memory.linkSlots[link.id]) next.linkSlots[link.id] = memory.linkSlots[link.id]!;
    }
  }

  const servers = topology.replicas.map((replica): ServerObservation => {
    const state = byReplica.get(replica.id)!;
    if (!state.reachable)
      return {
        replicaId: replica.id,
        reachable: false,
        error: state.error,
        inRecovery: null,
        walPosition: null,
        writeBytesPerSecond: null,
        atRisk: null,
      };
    return {
      replicaId: replica.id,
      reachable: true,
      error: null,
      inRecovery: state.inRecovery,
      walPosition: heldLsn(state),
      writeBytesPerSecond: rates.get(replica.id)?.bytes ?? null,
      atRisk: atRiskOf(topology, replica.id, state, byReplica, rates),
    };
  });

  // The clients' own figures when there are clients to ask (the lab's workload); else the servers'
  // transaction counters: commits and rollbacks per second (rollbacks as the errors).
  const traffic: RegionTrafficObservation[] =
    directory.traffic ??
    topology.regions.map((region) => {
      let commits = 0;
      let rollbacks = 0;
      for (const r of topology.replicas.filter((x) => x.regionId === region.id)) {
        commits += rates.get(r.id)?.commits ?? 0;
        rollbacks += rates.get(r.id)?.rollbacks ?? 0;
      }
      const total = commits + rollbacks;
      return {
        regionId: region.id,
        requestsPerSecond: round(total),
        errorRate: total > 0 ? rollbacks / total : 0,
        latencyP50Ms: null,
      };
    });

  const conflicts: ClusterConflictObservation[] = topology.clusters.map((cluster) => {
    const members = topology.replicas.filter((r) => r.clusterId === cluster.id);
    return {
      clusterId: cluster.id,
      conflicts: members.reduce((sum, r) => sum + conflictsOf(byReplica.get(r.id)!), 0),
      conflictsPerSecond: members.reduce((sum, r) => sum + (rates.get(r.id)?.conflicts ?? 0), 0),
    };
  });

  for (const cluster of topology.clusters.filter((c) => c.writeTopology === "MULTI_PRIMARY")) {
    const previous = memory.divergence[cluster.id];
    if (previous && atMs - previous.checkedAtMs < DIVERGENCE_EVERY_MS) continue;
    const reachable = topology.replicas
      .filter((r) => r.clusterId === cluster.id && byReplica.get(r.id)?.reachable)
      .map((r) => ({ replicaId: r.id, endpoint: directory.servers[r.id]! }));
    try {
      next.divergence[cluster.id] = { checkedAtMs: atMs, tables: await compareCluster(reachable, previous) };
    } catch {
      // A server that stops answering mid-check: keep the last result, try again next tick.
    }
  }

  return {
    observations: {
      observedAtMs: atMs,
      lag,
      health,
      traffic,
      conflicts,
      routing: routingOf(topology.routingPolicies, health),
      lagUnknown,
      servers,
      divergence: Object.entries(next.divergence)
        .filter(([clusterId]) => clusterOf.has(clusterId))
        .map(([clusterId, d]) => ({ clusterId, checkedAtMs: d.checkedAtMs, tables: d.tables })),
    },
    memory: next,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Data at risk if this replica were promoted now: what the cluster's writer committed that this
 * replica has not received (its pg_last_wal_receive_lsn(): what a promotion would replay), in bytes
 * and in seconds of the writer's current write rate. Null for the writer itself and when the writer
 * does not answer (then nobody knows what it committed).
 */
function atRiskOf(
  topology: DeploymentTopology,
  replicaId: string,
  state: ServerReading,
  byReplica: Map<string, ServerState>,
  rates: Map<string, { bytes: number | null }>,
): ServerObservation["atRisk"] {
  if (!state.inRecovery) return null;
  const me = topology.replicas.find((r) => r.id === replicaId)!;
  const writer = topology.replicas.find((r) => r.clusterId === me.clusterId && r.role === "PRIMARY");
  const writerState = writer ? byReplica.get(writer.id) : undefined;
  if (!writer || !writerState?.reachable || writerState.currentLsn === null) return null;
  const bytes = Math.max(0, writerState.currentLsn - (state.receiveLsn ?? state.replayLsn ?? 0));
  const rate = rates.get(writer.id)?.bytes;
  const seconds =
    bytes === 0
      ? 0
      : rate && rate > 0
        ? bytes / rate
        : state.lastReplayMs !== null
          ? Math.max(0, state.serverNowMs - state.lastReplayMs) / 1000
          : 0;
  return { bytes, seconds: Math.round(seconds * 1000) / 1000 };
}
