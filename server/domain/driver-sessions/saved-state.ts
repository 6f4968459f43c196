// What a deployment's DriverState row keeps between sessions (its `state` column): the driver's own
// state when it holds one (the sim's JSON; null for a driver whose servers are the state), the
// model's fingerprint it was made for, and the observer's alert tracking. Observing and acting both
// resume from it, so whichever comes next carries on exactly where the other left off.
import { z } from "zod";

import { EMPTY_TRACKING, type Tracking } from "@/server/domain/telemetry/assess";

const ZTracking = z.object({
  overRpoSince: z.record(z.string(), z.number()),
  failingStreak: z.record(z.string(), z.number()),
}) satisfies z.ZodType<Tracking>;

export const ZSavedDriverState = z.object({
  fingerprint: z.string(),
  /** What the driver's exportState() returned; the driver parses it itself when it resumes. */
  driver: z.unknown(),
  tracking: ZTracking,
  atMs: z.number(),
});
export type SavedDriverState = z.infer<typeof ZSavedDriverState>;

/** The column as read: null before the first session. */
export const parseSavedState = (column: unknown): SavedDriverState | null =>
  column === null || column === undefined ? null : ZSavedDriverState.parse(column);

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

/** The alert tracking still holds for the model it was made for; a changed model starts it again. */
export const trackingFor = (saved: SavedDriverState | null, fingerprint: string): Tracking =>
  saved && saved.fingerprint === fingerprint ? saved.tracking : EMPTY_TRACKING;
