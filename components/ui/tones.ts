// The console's colours: one tone per kind of state (good, warn, bad...), and which tone each
// status, tier and readiness verdict wears, so a state looks the same on every page.
import type { TStackTier } from "@/lib/enums";
import type { TDeliveryStatus } from "@/lib/notifications/contracts";
import type { TAnyStatus } from "@/lib/operations/words";
import type { ReadinessStatus } from "@/lib/planning/contracts";
import type { RegionStatus, TDeploymentHealth } from "@/lib/telemetry/contracts";
import type { TFreshness } from "@/lib/telemetry/freshness";

export const TONE_CLASSES = {
  neutral: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  good: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  warn: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  bad: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-300",
  info: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  /** Undone on the way out (a rolled-back step). */
  undone: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-300",
} as const;
export type TTone = keyof typeof TONE_CLASSES;

/** A tone as a small dot beside words (the live mark). */
export const TONE_DOT_CLASSES: Record<TTone, string> = {
  neutral: "bg-slate-400",
  good: "bg-emerald-500",
  warn: "bg-amber-500",
  bad: "bg-rose-500",
  info: "bg-sky-500",
  undone: "bg-violet-500",
};

/** A region's status in the graph, the map and the tables. */
export const REGION_STATUS_TONE: Record<RegionStatus, TTone> = {
  HEALTHY: "good",
  DEGRADED: "warn",
  DOWN: "bad",
};

/** Operation, step and approval statuses. */
export const STATUS_TONE: Record<TAnyStatus, TTone> = {
  AWAITING_APPROVAL: "warn",
  RUNNING: "info",
  PAUSED: "warn",
  ROLLING_BACK: "info",
  SUCCEEDED: "good",
  FAILED: "bad",
  ABORTED: "bad",
  REJECTED: "bad",
  PENDING: "neutral",
  WAITING: "warn",
  IN_DOUBT: "warn",
  SKIPPED: "neutral",
  ROLLED_BACK: "undone",
  OPEN: "warn",
  GRANTED: "good",
  LAPSED: "neutral",
  EXPIRED: "neutral",
};

export const TIER_TONE: Record<TStackTier, TTone> = { FULL: "good", SCALED_DOWN: "warn", OFF: "neutral" };

export const READINESS_TONE: Record<ReadinessStatus, TTone> = { pass: "good", warn: "warn", fail: "bad" };

/** How current the live values are (the live mark): amber when late, red when not updating. */
export const FRESHNESS_TONE: Record<TFreshness, TTone> = {
  waiting: "neutral",
  connecting: "warn",
  live: "good",
  late: "warn",
  stopped: "bad",
};

export const DELIVERY_TONE: Record<TDeliveryStatus, TTone> = { PENDING: "warn", DELIVERED: "good", FAILED: "bad" };

/** A deployment at a glance (the overview): its worst region, or grey when there is nothing current. */
export const HEALTH_TONE: Record<TDeploymentHealth, TTone> = {
  ...REGION_STATUS_TONE,
  STALE: "warn",
  NO_DATA: "neutral",
};
