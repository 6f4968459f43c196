// Write conflicts in a multi-primary cluster: two writers touch the same row before either has
// seen the other's change. Expected rate for writers A and B = rowsA/s x rowsB/s x window / rows
// in contention, where the window is how long A's writes stay invisible at B (the lag A -> B).
import type { TopologyCluster } from "../types";
import { isRegionDown } from "./active-faults";
import { linkLagMs } from "./lag";
import { isWritable, replicasOfCluster } from "./lookup";
import type { SimState } from "./state";
import { writeRateBytesPerSecond } from "./write-rate";

export function conflictRatePerSecond(state: SimState, cluster: TopologyCluster, atMs: number): number {
  if (cluster.writeTopology !== "MULTI_PRIMARY") return 0;
  const { rowBytes, conflictKeySpaceRows } = state.options;
  const writers = replicasOfCluster(state, cluster.id).filter(
    (replica) => isWritable(state, replica) && !isRegionDown(state, replica.regionId, atMs),
  );
  let ratePerSecond = 0;
  for (const from of writers) {
    for (const to of writers) {
      if (from.id === to.id) continue;
      const link = state.topology.links.find(
        (candidate) => candidate.sourceReplicaId === from.id && candidate.targetReplicaId === to.id,
      );
      // Without a link the writes never meet here; the missing replication shows up as a gap instead.
      if (!link) continue;
      const windowSeconds = linkLagMs(state, link, atMs) / 1000;
      const fromRowsPerSecond = writeRateBytesPerSecond(state, from, atMs) / rowBytes;
      const toRowsPerSecond = writeRateBytesPerSecond(state, to, atMs) / rowBytes;
      ratePerSecond += (fromRowsPerSecond * toRowsPerSecond * windowSeconds) / conflictKeySpaceRows;
    }
  }
  return ratePerSecond;
}
