// The world of a lab cluster as its servers answer it, for an operation: each server's own SQL
// (pg_is_in_recovery(), its timeline, its WAL positions, the newest token and the promotions in
// Meridian's schema, replicated from the writer), the markers on the folders of stopped servers
// (a fence, a demotion, the final LSN) and the routers' targets. Nothing here is the model's.
import type { ClusterWorld, DeploymentTopology, ReplicaStatus, TopologyReplica } from "../types";
import type { RouterView, ServerDirectory, ServerMarkerView } from "./directory";
import { lsnToBytes } from "./lsn";
import { queryMany } from "./pools";

/** What one running server says of itself (null: it does not answer). */
export interface ServerRead {
  inRecovery: boolean;
  /** Primary: pg_current_wal_lsn(); null on a standby. */
  current: number | null;
  received: number | null;
  replayed: number | null;
  timeline: number;
  /** Newest token in meridian.applied (0 when the schema is missing). */
  lastToken: number;
  /** replica id -> epoch of its newest promotion recorded in meridian.applied. */
  epochs: Record<string, number>;
}

const POSITIONS = `
  select pg_is_in_recovery() as in_recovery,
    case when pg_is_in_recovery() then null
      else pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::float8 end as current,
    pg_wal_lsn_diff(pg_last_wal_receive_lsn(), '0/0')::float8 as received,
    pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::float8 as replayed,
    case when pg_is_in_recovery()
      then coalesce((select received_tli from pg_stat_wal_receiver), (select timeline_id from pg_control_checkpoint()))
      else ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::int end as timeline`;
const TOKENS = `
  select coalesce(max(token), 0)::float8 as last_token,
    coalesce((select json_object_agg(replica, epoch) from (
      select distinct on (replica) replica, epoch from meridian.applied
      where action = 'promote' and epoch is not null order by replica, token desc) p), '{}'::json) as epochs
  from meridian.applied`;

type PositionRow = {
  in_recovery: boolean;
  current: number | null;
  received: number | null;
  replayed: number | null;
  timeline: number;
};
type TokenRow = { last_token: number; epochs: Record<string, number> };

export async function readServer(directory: ServerDirectory, replicaId: string): Promise<ServerRead | null> {
  const endpoint = directory.servers[replicaId];
  if (!endpoint) return null;
  try {
    const [[[position]], tokens] = await Promise.all([
      queryMany<[PositionRow]>(endpoint, POSITIONS),
      queryMany<[TokenRow]>(endpoint, TOKENS).catch(() => [[{ last_token: 0, epochs: {} }]] as [TokenRow[]]),
    ]);
    if (!position) return null;
    const token = tokens[0]?.[0];
    return {
      inRecovery: position.in_recovery,
      current: position.current,
      received: position.received,
      replayed: position.replayed,
      timeline: Number(position.timeline),
      lastToken: Number(token?.last_token ?? 0),
      epochs: token?.epochs ?? {},
    };
  } catch {
    return null;
  }
}

export type WorldReplica = ReplicaStatus & {
  inRecovery: boolean;
  timeline: number;
  running: boolean;
  read: ServerRead | null;
  marker: ServerMarkerView | null;
};

export type LabWorld = Omit<ClusterWorld, "replicas"> & { replicas: WorldReplica[] };

export const markerPosition = (marker: ServerMarkerView | null | undefined): number | null =>
  marker?.checkpointLsn ? lsnToBytes(marker.checkpointLsn) : null;

/** The world of one cluster: every server read at once. */
export async function readWorld(
  topology: DeploymentTopology,
  directory: ServerDirectory,
  markers: Record<string, ServerMarkerView | null>,
  routers: RouterView[],
  clusterId: string,
): Promise<LabWorld> {
  const members = topology.replicas.filter((r) => r.clusterId === clusterId);
  const reads = await Promise.all(members.map((r) => readServer(directory, r.id)));
  const epochs: Record<string, number> = {};
  for (const read of reads)
    for (const [id, epoch] of Object.entries(read?.epochs ?? {})) epochs[id] = Math.max(epochs[id] ?? 0, epoch);
  const replicas = members.map((replica, index) =>
    replicaInWorld(replica, reads[index] ?? null, markers[replica.id] ?? null, epochs[replica.id] ?? 0),
  );
  const lastToken = Math.max(
    0,
    ...reads.map((read) => read?.lastToken ?? 0),
    ...members.map((r) => markers[r.id]?.token ?? 0),
    ...routers.map((r) => r.token),
  );
  // Links are as the operation left them (its repoints): a promoted server's old primary does not
  // follow it until a repoint rejoins it, so the writer alone does not say where a link flows.
  const links = topology.links
    .filter((l) => members.some((r) => r.id === l.sourceReplicaId))
    .map(({ id, sourceReplicaId, targetReplicaId }) => ({ id, sourceReplicaId, targetReplicaId }));
  return { clusterId, lastToken, replicas, links };
}

function replicaInWorld(
  replica: TopologyReplica,
  read: ServerRead | null,
  marker: ServerMarkerView | null,
  promotedEpoch: number,
): WorldReplica {
  const running = read !== null;
  // A stopped server keeps the role it had, unless the lab demoted its folder (it can only come
  // back as a standby); a running one is what pg_is_in_recovery() says.
  const role = read
    ? replica.role === "MULTI_MASTER"
      ? "MULTI_MASTER"
      : read.inRecovery
        ? "READ_REPLICA"
        : "PRIMARY"
    : marker?.demoted
      ? "READ_REPLICA"
      : replica.role;
  const fenced = !running || marker?.fenced === true;
  const writable = running && !read.inRecovery && role !== "READ_REPLICA";
  return {
    replicaId: replica.id,
    clusterId: replica.clusterId,
    role,
    epoch: Math.max(replica.epoch, marker?.epoch ?? 0, promotedEpoch),
    fenced,
    writable,
    committedPosition: read ? (read.current ?? read.received ?? read.replayed ?? 0) : (markerPosition(marker) ?? 0),
    inRecovery: read?.inRecovery ?? role === "READ_REPLICA",
    timeline: read?.timeline ?? 0,
    running,
    read,
    marker,
  };
}
