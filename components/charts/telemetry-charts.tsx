"use client";

// All charts of one deployment under one range picker: lag, health, traffic, errors, conflicts,
// each with the range's faults, alerts and operations drawn over it (one annotations read for all).
import { useState } from "react";

import type { DeploymentModelData } from "@/components/topology/model-types";
import type { LiveSnapshot } from "@/lib/telemetry/contracts";

import { ConflictsChart } from "./conflicts-chart";
import { LagChart } from "./lag-chart";
import { RangePicker } from "./range-picker";
import { RegionCharts } from "./region-charts";
import { useAnnotations } from "./use-annotations";
import { useTimeRange, type RangeChoice } from "./use-time-range";

export function TelemetryCharts({
  deployment,
  snapshot,
}: {
  deployment: DeploymentModelData;
  snapshot: LiveSnapshot | undefined;
}) {
  const [choice, setChoice] = useState<RangeChoice>({ preset: "1h" });
  const range = useTimeRange(choice);
  const annotations = useAnnotations(deployment.id, range);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <RangePicker value={choice} onChange={setChoice} shownFromMs={range.fromMs} shownToMs={range.toMs} />
        <p className="text-xs text-slate-500" role="status">
          {range.live
            ? "Following now: new samples appear by themselves."
            : "A fixed range: choose it again to bring it up to date."}
        </p>
      </div>
      <LagChart deployment={deployment} range={range} snapshot={snapshot} annotations={annotations} />
      <RegionCharts deployment={deployment} range={range} annotations={annotations} />
      <ConflictsChart deployment={deployment} range={range} annotations={annotations} />
    </div>
  );
}
