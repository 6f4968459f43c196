"use client";

// Replication volume per link as a slider: the cost of moving data between regions is the hidden
// expense (seed article, section 8), so the operator can feel it while dragging.
import type { TEstate, TReplicationLink, TScenarioChange } from "@/lib/cost";

const linkKey = (link: Pick<TReplicationLink, "sourceRegionId" | "targetRegionId">) =>
  `${link.sourceRegionId}->${link.targetRegionId}`;

/** The slider reaches three times the deployment's own volume, the range the comparison chart sweeps too. */
function sliderMaxGbPerDay(
  baseGbPerDay: number | undefined,
  currentGbPerDay: number,
  fallbackGbPerDay: number,
): number {
  const reach = Math.max(100, 3 * (baseGbPerDay ?? fallbackGbPerDay));
  return Math.ceil(Math.max(reach, currentGbPerDay) / 10) * 10;
}

export function ReplicationControls({
  baseEstate,
  estate,
  regionCode,
  onPropose,
}: {
  baseEstate: TEstate;
  estate: TEstate;
  regionCode: (regionId: string) => string;
  onPropose: (change: TScenarioChange) => void;
}) {
  if (estate.replicationLinks.length === 0)
    return <p className="text-xs text-slate-500">No replication links in this scenario.</p>;
  const baseVolume = new Map(baseEstate.replicationLinks.map((link) => [linkKey(link), link.volumeGbPerDay]));
  const largestBase = Math.max(0, ...baseVolume.values());
  return (
    <ul className="grid gap-3 md:grid-cols-2">
      {estate.replicationLinks.map((link) => {
        const id = `scenario-volume-${link.sourceRegionId}-${link.targetRegionId}`;
        const max = sliderMaxGbPerDay(baseVolume.get(linkKey(link)), link.volumeGbPerDay, largestBase || 1000);
        const name = `${regionCode(link.sourceRegionId)} → ${regionCode(link.targetRegionId)}`;
        const volume = `${+link.volumeGbPerDay.toFixed(1)} GB/day`;
        return (
          <li key={linkKey(link)} className="space-y-1">
            <div className="flex items-baseline justify-between gap-2 text-xs">
              <label htmlFor={id} className="font-medium text-slate-600 dark:text-slate-400">
                Replication {name} (GB/day)
              </label>
              <span className="tabular-nums text-slate-700 dark:text-slate-300">{volume}</span>
            </div>
            <input
              id={id}
              type="range"
              min={0}
              max={max}
              step={max >= 1000 ? 10 : 1}
              value={link.volumeGbPerDay}
              aria-valuetext={volume}
              className="w-full accent-sky-600 dark:accent-sky-400"
              onChange={(e) =>
                onPropose({
                  kind: "setReplicationVolume",
                  sourceRegionId: link.sourceRegionId,
                  targetRegionId: link.targetRegionId,
                  volumeGbPerDay: e.target.valueAsNumber,
                })
              }
            />
          </li>
        );
      })}
    </ul>
  );
}
