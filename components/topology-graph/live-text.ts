// What the graph's labels draw of the numbers that move every second, as text read from the live
// values (live-values.tsx). Each is a pure function of the snapshot's index, so a label renders
// again only when its own text changes.
import { formatBytes, formatFraction, formatLagMs, formatRps } from "@/lib/format";

import type { LiveIndex } from "./live-merge";
import { worstLagMs } from "./region-summary";

/** A region's traffic and error rate ("1,204 rps · 0.12% errors"), or null before a snapshot has it. */
export function regionTrafficText(live: LiveIndex, regionId: string, errorsWord: string): string | null {
  const region = live.regions.get(regionId);
  return region ? `${formatRps(region.requestsPerSecond)} · ${formatFraction(region.errorRate)} ${errorsWord}` : null;
}

/** One link's lag in time and in bytes ("1.25 s · 48 kB"), or "no data". */
export function linkLagText(live: LiveIndex, linkId: string): string {
  const link = live.links.get(linkId);
  return link ? `${formatLagMs(link.lagMs)} · ${formatBytes(link.lagBytes)}` : "no data";
}

/** The worst lag of a set of links (into a region, or from one region to another), or "no data". */
export function worstLagText(live: LiveIndex, linkIds: readonly string[]): string {
  const worst = worstLagMs(linkIds, live);
  return worst === undefined ? "no data" : formatLagMs(worst);
}
