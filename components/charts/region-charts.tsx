"use client";

// Per region over the chosen range: the fraction of health probes passing, traffic and error rate.
import type { DeploymentModelData } from "@/components/topology/model-types";
import { Card } from "@/components/ui/layout";
import { formatFraction, formatRps } from "@/lib/format";
import type { Annotation, TSeries } from "@/lib/telemetry/contracts";

import { ChartBody } from "./chart-frame";
import { SeriesChart, type ChartSeries } from "./series-chart";
import { useHistory } from "./use-history";
import type { TimeRange } from "./use-time-range";

type RegionSeries = Extract<TSeries, "health" | "traffic" | "errors">;

const CHARTS: {
  series: RegionSeries;
  title: string;
  format: (value: number) => string;
  yDomain?: [number, number];
  describe: string;
}[] = [
  {
    series: "health",
    title: "Health (fraction of probes passing)",
    format: formatFraction,
    yDomain: [0, 1],
    describe: "Fraction of health probes passing per region",
  },
  { series: "traffic", title: "Traffic", format: formatRps, describe: "Requests per second per region" },
  { series: "errors", title: "Error rate", format: formatFraction, describe: "Error rate per region" },
];

export function RegionCharts({
  deployment,
  range,
  annotations,
}: {
  deployment: DeploymentModelData;
  range: TimeRange;
  annotations: readonly Annotation[];
}) {
  const regions = [...deployment.regions]
    .sort((a, b) => a.region.code.localeCompare(b.region.code))
    .map((placement) => ({ id: placement.regionId, name: placement.region.code }));
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      {CHARTS.map((chart) => (
        <RegionChart
          key={chart.series}
          chart={chart}
          deploymentId={deployment.id}
          regions={regions}
          range={range}
          annotations={annotations}
        />
      ))}
    </div>
  );
}

function RegionChart({
  chart,
  deploymentId,
  regions,
  range,
  annotations,
}: {
  chart: (typeof CHARTS)[number];
  deploymentId: string;
  regions: { id: string; name: string }[];
  range: TimeRange;
  annotations: readonly Annotation[];
}) {
  const history = useHistory(
    deploymentId,
    chart.series,
    regions.map((region) => region.id),
    range,
  );
  const byKey = new Map((history.data?.series ?? []).map((series) => [series.key, series]));
  const series: ChartSeries[] = regions.map((region) => ({
    key: region.id,
    name: region.name,
    points: byKey.get(region.id)?.points ?? [],
  }));
  const hasPoints = series.some((one) => one.points.some((point) => point.t >= range.fromMs && point.t <= range.toMs));
  return (
    <div data-testid={`${chart.series}-chart`}>
      <Card title={chart.title}>
        <ChartBody
          isPending={history.isPending && regions.length > 0}
          error={history.error}
          empty={!hasPoints}
          emptyText={regions.length === 0 ? "This deployment has no regions." : "No samples in this range."}
        >
          <SeriesChart
            series={series}
            stat="avg"
            fromMs={range.fromMs}
            toMs={range.toMs}
            stepMs={(history.data?.resolutionSeconds ?? 0) * 1000}
            annotations={annotations}
            formatValue={chart.format}
            yDomain={chart.yDomain}
            description={chart.describe}
          />
        </ChartBody>
      </Card>
    </div>
  );
}
