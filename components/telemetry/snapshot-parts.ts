// The parts of a live snapshot that the panels beside the graph read (useSnapshotPart). Each
// returns only what its panel shows, so React Query's structural sharing of `select` results
// keeps the part's identity on a tick that leaves it as it was, and the panel does not render.
import type { LiveSnapshot } from "@/lib/telemetry/contracts";

import { liveValue } from "./alert-values";

export const faultsOf = (snapshot: LiveSnapshot) => snapshot.faults;

export const serversOf = (snapshot: LiveSnapshot) => ({
  servers: snapshot.servers,
  divergence: snapshot.divergence,
  lagUnknown: snapshot.lagUnknown,
});

/** The open alerts as the snapshot has them, each with its condition's live value. */
export const openAlertsOf = (snapshot: LiveSnapshot) =>
  snapshot.alerts.map((alert) => ({ ...alert, now: liveValue(alert, snapshot) }));
