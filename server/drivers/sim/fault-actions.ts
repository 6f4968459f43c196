// Injecting and clearing faults in the twin.
import { InvalidFaultError } from "../errors";
import { parseFaultSpec, type TFaultSpec } from "../fault-spec";
import { findCluster, findLink, findRegion } from "./lookup";
import { advanceTo } from "./replication";
import type { SimState } from "./state";

function assertTargetExists(state: SimState, fault: TFaultSpec): void {
  const target: { regionId?: string; linkId?: string; clusterId?: string } = fault.target;
  if (target.regionId !== undefined) findRegion(state, target.regionId);
  if (target.linkId !== undefined) findLink(state, target.linkId);
  if (target.clusterId !== undefined) findCluster(state, target.clusterId);
}

/**
 * Stores the fault from the twin's clock on. A fault that ended before the clock lies wholly in the
 * past the twin has already integrated: it has nothing left to do, so it is returned but not kept
 * (a session syncing a stored fault that ran out between two observations; the domain closes its row).
 */
export function injectFault(state: SimState, input: unknown): TFaultSpec {
  const fault = parseFaultSpec(input);
  assertTargetExists(state, fault);
  if (state.faults.some((existing) => existing.id === fault.id))
    throw new InvalidFaultError(`Invalid fault: id ${fault.id} is already in use`);
  // The past is already integrated: a fault dated before the twin's clock starts now instead.
  const clockMs = state.clockMs ?? fault.startedAtMs;
  const stored: TFaultSpec = { ...fault, startedAtMs: Math.max(fault.startedAtMs, clockMs) };
  if (stored.endsAtMs !== undefined && stored.endsAtMs <= stored.startedAtMs) return structuredClone(fault);
  state.faults.push(stored);
  return structuredClone(stored);
}

/**
 * Ends the fault at atMs (or cancels it if it has not started). Idempotent, so a worker that
 * retries after a crash gets { cleared: false } instead of an error.
 */
export function clearFault(state: SimState, input: { faultId: string; atMs: number }): { cleared: boolean } {
  advanceTo(state, input.atMs);
  const before = state.faults.length;
  state.faults = state.faults.filter((fault) => fault.id !== input.faultId);
  return { cleared: state.faults.length < before };
}

export function listFaults(state: SimState): TFaultSpec[] {
  return structuredClone(state.faults);
}
