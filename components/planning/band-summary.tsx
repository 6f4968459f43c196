// A cost's multiplier against one region, held against its DR model's band, with the reason when outside.
import { Badge } from "@/components/ui/layout";
import { type TEstateCost } from "@/lib/cost";
import { formatBandRange, formatMultiplier } from "@/lib/format";
import { label } from "@/lib/topology/words";

export function BandSummary({ cost }: { cost: TEstateCost }) {
  const { band } = cost;
  return (
    <div className="space-y-1 text-sm">
      <p className="flex flex-wrap items-center gap-2">
        <span>
          <span className="font-semibold tabular-nums">{formatMultiplier(cost.multiplier)}</span> the cost of one region
        </span>
        <span className="text-slate-500">
          · {label(band.model)} band {formatBandRange(band)}
        </span>
        <Badge tone={band.within ? "good" : "warn"}>{band.within ? "within band" : "outside band"}</Badge>
      </p>
      {band.reason ? <p className="text-xs text-amber-800 dark:text-amber-300">Why: {band.reason}.</p> : null}
    </div>
  );
}
