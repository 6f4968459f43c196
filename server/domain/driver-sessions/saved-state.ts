// The twin's state as the worker keeps it in PostgreSQL (DriverState.state), shared by the observer
// and the runbook engine so that whichever acts next resumes exactly what the other left.
import type { Tracking } from "@/server/domain/telemetry/assess";

export type SavedDriverState = { fingerprint: string; driver: unknown; tracking: Tracking; atMs: number };

/** A twin idle this long starts afresh: replaying hours of simulated time buys nothing. */
export const MAX_RESUME_GAP_MS = 10 * 60_000;

/**
 * How to bring the twin back: resume it, carry it onto a changed model, or start afresh. A twin an
 * operation is working on (`held`) is never started afresh, however long it idled: that would lift
 * a fence or forget a promotion in the middle of a run.
 */
export function resumption(
  saved: SavedDriverState | null,
  fingerprint: string,
  nowMs: number,
  held = false,
): { savedState?: unknown; rebase?: boolean } {
  if (!saved || (!held && nowMs - saved.atMs > MAX_RESUME_GAP_MS)) return {};
  return { savedState: saved.driver, rebase: saved.fingerprint !== fingerprint };
}
