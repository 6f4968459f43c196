// How fast a writer commits. Writes come from the application, not from links; the links'
// expected daily volume is simply where the operator told us how much a cluster writes.
import type { TopologyReplica } from "../types";
import { isRegionDown, writeMultiplier } from "./active-faults";
import { canShip, drainBytesPerSecond } from "./link-network";
import { findCluster, findReplica, isWritable } from "./lookup";
import type { SimState } from "./state";

const BYTES_PER_GB = 1e9;
const SECONDS_PER_DAY = 86_400;

function gbPerDayToBytesPerSecond(gbPerDay: number): number {
  return (gbPerDay * BYTES_PER_GB) / SECONDS_PER_DAY;
}

/** Bytes per second the replica commits at atMs, before jitter; 0 when it cannot take writes. */
export function writeRateBytesPerSecond(state: SimState, replica: TopologyReplica, atMs: number): number {
  if (!isWritable(state, replica) || isRegionDown(state, replica.regionId, atMs)) return 0;
  const cluster = findCluster(state, replica.clusterId);
  const clusterLinks = state.topology.links.filter(
    (link) => findReplica(state, link.sourceReplicaId).clusterId === cluster.id,
  );
  const ownLinks = clusterLinks.filter((link) => link.sourceReplicaId === replica.id);
  // Single primary: every link carries the one write stream. Multi-primary: each writer's own
  // outgoing links say what it writes; a writer without links writes like the cluster's busiest.
  const volumeLinks = cluster.writeTopology === "MULTI_PRIMARY" && ownLinks.length > 0 ? ownLinks : clusterLinks;
  const volumeGbPerDay = Math.max(0, ...volumeLinks.map((link) => link.expectedVolumeGbPerDay));
  let rate = gbPerDayToBytesPerSecond(volumeGbPerDay) * writeMultiplier(state, cluster.id, atMs);

  // A synchronous standby acknowledges every commit: when it is cut off, commits wait (as
  // PostgreSQL's synchronous_commit does); otherwise commits go no faster than it replays.
  for (const link of ownLinks) {
    if (link.mode !== "SYNC") continue;
    rate = canShip(state, link, atMs) ? Math.min(rate, drainBytesPerSecond(state, link, atMs)) : 0;
  }
  return rate;
}
