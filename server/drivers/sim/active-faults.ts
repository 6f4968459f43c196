// What the injected faults mean at a given moment: is a region down, how much latency is added,
// how fast may a link replay. Faults are active from startedAtMs up to (not including) endsAtMs.
import type { TFaultSpec } from "../fault-spec";
import type { SimState } from "./state";

export function isFaultActive(fault: TFaultSpec, atMs: number): boolean {
  return fault.startedAtMs <= atMs && (fault.endsAtMs === undefined || atMs < fault.endsAtMs);
}

function activeFaults(state: SimState, atMs: number): TFaultSpec[] {
  return state.faults.filter((fault) => isFaultActive(fault, atMs));
}

/** When the current outage of the region began, or null when the region is up. */
export function regionOutageSinceMs(state: SimState, regionId: string, atMs: number): number | null {
  const starts = activeFaults(state, atMs)
    .filter((fault) => fault.kind === "REGION_OUTAGE" && fault.target.regionId === regionId)
    .map((fault) => fault.startedAtMs);
  return starts.length === 0 ? null : Math.min(...starts);
}

export function isRegionDown(state: SimState, regionId: string, atMs: number): boolean {
  return regionOutageSinceMs(state, regionId, atMs) !== null;
}

/** Extra round-trip time on every path in or out of the region. */
export function regionAddedLatencyMs(state: SimState, regionId: string, atMs: number): number {
  return sumAddedLatency(
    activeFaults(state, atMs).filter((fault) => fault.kind === "ADDED_LATENCY" && fault.target.regionId === regionId),
  );
}

/** When the latest added latency on the region began (when probes may have started timing out). */
export function regionAddedLatencySinceMs(state: SimState, regionId: string, atMs: number): number | null {
  const starts = activeFaults(state, atMs)
    .filter((fault) => fault.kind === "ADDED_LATENCY" && fault.target.regionId === regionId)
    .map((fault) => fault.startedAtMs);
  return starts.length === 0 ? null : Math.max(...starts);
}

export function linkAddedLatencyMs(state: SimState, linkId: string, atMs: number): number {
  return sumAddedLatency(
    activeFaults(state, atMs).filter((fault) => fault.kind === "ADDED_LATENCY" && fault.target.linkId === linkId),
  );
}

function sumAddedLatency(faults: TFaultSpec[]): number {
  return faults.reduce((total, fault) => total + (fault.kind === "ADDED_LATENCY" ? fault.params.addedLatencyMs : 0), 0);
}

export function isLinkPartitioned(state: SimState, linkId: string, atMs: number): boolean {
  return activeFaults(state, atMs).some((fault) => fault.kind === "LINK_PARTITION" && fault.target.linkId === linkId);
}

/** Fraction of its normal replay speed the link's target keeps (LAG_SPIKE), 1 when unaffected. */
export function applyRateFactor(state: SimState, linkId: string, atMs: number): number {
  let factor = 1;
  for (const fault of activeFaults(state, atMs)) {
    if (fault.kind === "LAG_SPIKE" && fault.target.linkId === linkId)
      factor = Math.min(factor, fault.params.applyRateFactor);
  }
  return factor;
}

/** Surges on the same cluster multiply. */
export function writeMultiplier(state: SimState, clusterId: string, atMs: number): number {
  let multiplier = 1;
  for (const fault of activeFaults(state, atMs)) {
    if (fault.kind === "WRITE_SURGE" && fault.target.clusterId === clusterId) multiplier *= fault.params.multiplier;
  }
  return multiplier;
}

/** Moments inside (fromMs, toMs) where some fault starts or ends, so integration never straddles one. */
export function faultBoundariesBetween(state: SimState, fromMs: number, toMs: number): number[] {
  const boundaries = new Set<number>();
  for (const fault of state.faults) {
    for (const moment of [fault.startedAtMs, fault.endsAtMs]) {
      if (moment !== undefined && moment > fromMs && moment < toMs) boundaries.add(moment);
    }
  }
  return [...boundaries].sort((a, b) => a - b);
}
