"use client";

// Write conflicts per database cluster over the chosen range (multi-primary clusters settle them).
import type { DeploymentModelData } from "@/components/topology/model-types";
import { Card } from "@/components/ui/layout";
import { formatPerSecond } from "@/lib/format";
import type { Annotation } from "@/lib/telemetry/contracts";

import { ChartBody } from "./chart-frame";
import { SeriesChart, type ChartSeries } from "./series-chart";
import { useHistory } from "./use-history";
import type { TimeRange } from "./use-time-range";

export function ConflictsChart({
  deployment,
  range,
  annotations,
}: {
  deployment: DeploymentModelData;
  range: TimeRange;
  annotations: readonly Annotation[];
}) {
  const clusters = deployment.clusters.map((cluster) => ({ id: cluster.id, name: cluster.name }));
  const history = useHistory(
    deployment.id,
    "conflicts",
    clusters.map((cluster) => cluster.id),
    range,
  );
  const byKey = new Map((history.data?.series ?? []).map((series) => [series.key, series]));
  const series: ChartSeries[] = clusters.map((cluster) => ({
    key: cluster.id,
    name: cluster.name,
    points: byKey.get(cluster.id)?.points ?? [],
  }));
  const hasPoints = series.some((one) => one.points.some((point) => point.t >= range.fromMs && point.t <= range.toMs));
  return (
    <div data-testid="conflicts-chart">
      <Card title="Conflicts per cluster">
        <ChartBody
          isPending={history.isPending && clusters.length > 0}
          error={history.error}
          empty={!hasPoints}
          emptyText={
            clusters.length === 0 ? "This deployment has no database clusters." : "No conflicts recorded in this range."
          }
        >
          <SeriesChart
            series={series}
            stat="avg"
            fromMs={range.fromMs}
            toMs={range.toMs}
            stepMs={(history.data?.resolutionSeconds ?? 0) * 1000}
            annotations={annotations}
            formatValue={formatPerSecond}
            description="Write conflicts per second per database cluster"
          />
        </ChartBody>
      </Card>
    </div>
  );
}
