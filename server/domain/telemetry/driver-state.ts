// The twin's state as the worker keeps it in PostgreSQL (DriverState.state), shared by the observer
// and the runbook engine so that whichever acts next resumes exactly what the other left.
import type { Tracking } from "./assess";

export type SavedDriverState = { fingerprint: string; driver: unknown; tracking: Tracking; atMs: number };

/** A twin idle this long starts afresh: replaying hours of simulated time buys nothing. */
export const MAX_RESUME_GAP_MS = 10 * 60_000;

/** Whether a saved twin can be resumed for a model with this fingerprint at nowMs. */
export function canResume(saved: SavedDriverState | null, fingerprint: string, nowMs: number): saved is SavedDriverState {
  return !!saved && saved.fingerprint === fingerprint && nowMs - saved.atMs <= MAX_RESUME_GAP_MS;
}
