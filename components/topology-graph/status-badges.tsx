// The small badges shared by the region nodes of both views and the side panel.
import { Badge } from "@/components/ui/layout";
import { REGION_STATUS_TONE } from "@/components/ui/tones";
import type { RegionStatus } from "@/lib/telemetry/contracts";

export function StatusBadge({ status }: { status: RegionStatus | undefined }) {
  if (!status) return <Badge>no data</Badge>;
  return <Badge tone={REGION_STATUS_TONE[status]}>{status}</Badge>;
}

export function AlertBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span
      className="inline-flex items-center gap-0.5 rounded bg-rose-600 px-1.5 py-0.5 text-[11px] font-semibold text-white dark:bg-rose-500 dark:text-rose-950"
      title={`${count} open alert${count === 1 ? "" : "s"}`}
    >
      <span aria-hidden="true">▲</span>
      {count}
      <span className="sr-only"> open alert{count === 1 ? "" : "s"}</span>
    </span>
  );
}

/** The ring a search hit or a selected element wears. */
export function emphasis(selected: boolean, highlighted: boolean) {
  if (selected) return "ring-2 ring-sky-500 ring-offset-2 ring-offset-white dark:ring-offset-slate-950";
  if (highlighted) return "ring-4 ring-amber-400 dark:ring-amber-300";
  return "";
}
