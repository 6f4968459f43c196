"use client";

// The mark beside live values: "● Live · as of …" while observations arrive, amber "Late" after a
// few missed probe intervals, red "Not updating" when they stopped (lib/telemetry/freshness.ts).
import { useSyncExternalStore } from "react";

import { FRESHNESS_TONE, TONE_DOT_CLASSES } from "@/components/ui/tones";
import { formatDateTime } from "@/lib/format";
import type { LiveSnapshot } from "@/lib/telemetry/contracts";
import { liveFreshness } from "@/lib/telemetry/freshness";
import { freshnessSentence } from "@/lib/telemetry/words";

const subscribeToSeconds = (onChange: () => void) => {
  const timer = setInterval(onChange, 1_000);
  return () => clearInterval(timer);
};
const thisSecond = () => Math.floor(Date.now() / 1_000) * 1_000;

/**
 * The clock, to the second, in the browser only: the server's render (and hydration) judge the
 * snapshot by its own instant, so both render the same words.
 */
function useBrowserNow(): number | null {
  return useSyncExternalStore(subscribeToSeconds, thisSecond, () => null);
}

export function LiveMark({
  snapshot,
  connected,
  className = "",
}: {
  snapshot: LiveSnapshot | undefined;
  connected: boolean;
  className?: string;
}) {
  const now = useBrowserNow();
  const { freshness, ageMs } = liveFreshness({
    connected,
    observedAtMs: snapshot?.observedAtMs,
    intervalMs: snapshot?.intervalMs,
    nowMs: now ?? snapshot?.observedAtMs ?? 0,
  });
  return (
    <p
      role="status"
      data-freshness={freshness}
      className={`flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400 ${className}`}
    >
      <span
        aria-hidden="true"
        className={`inline-block size-2 rounded-full ${TONE_DOT_CLASSES[FRESHNESS_TONE[freshness]]}`}
      />
      <span
        className={
          freshness === "late" || freshness === "stopped" ? "font-medium text-slate-900 dark:text-slate-100" : ""
        }
      >
        {freshnessSentence(freshness, ageMs)}
      </span>
      {snapshot ? <span>· as of {formatDateTime(new Date(snapshot.observedAtMs))}</span> : null}
    </p>
  );
}
