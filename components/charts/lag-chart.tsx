"use client";

// Replication lag per link over the chosen range (p95 or max per interval) against the RPO target,
// how many links are over it now, and p50/p95/max per link over the range.
import { useState } from "react";

import type { DeploymentModelData } from "@/components/topology/model-types";
import { Field, Select } from "@/components/ui/field";
import { Card } from "@/components/ui/layout";
import { SERIES_COLOR_VARS, seriesStroke } from "@/components/ui/series-palette";
import { Table, Td, Th } from "@/components/ui/table";
import { formatLagMs } from "@/lib/format";
import type { Annotation, LiveSnapshot } from "@/lib/telemetry/contracts";

import { summarize } from "./chart-data";
import { ChartBody } from "./chart-frame";
import { SeriesChart, type ChartSeries } from "./series-chart";
import { useHistory } from "./use-history";
import type { TimeRange } from "./use-time-range";

type LagStat = "p95" | "max";

export function linksOf(deployment: DeploymentModelData): { id: string; name: string }[] {
  return deployment.clusters.flatMap((cluster) => {
    const nameOf = (id: string) => cluster.replicas.find((replica) => replica.id === id)?.name ?? "?";
    return cluster.links.map((link) => ({
      id: link.id,
      name: `${nameOf(link.sourceReplicaId)} → ${nameOf(link.targetReplicaId)}`,
    }));
  });
}

export function LagChart({
  deployment,
  range,
  snapshot,
  annotations,
}: {
  deployment: DeploymentModelData;
  range: TimeRange;
  snapshot: LiveSnapshot | undefined;
  annotations: readonly Annotation[];
}) {
  const [stat, setStat] = useState<LagStat>("p95");
  const links = linksOf(deployment);
  const history = useHistory(
    deployment.id,
    "lag",
    links.map((link) => link.id),
    range,
  );
  const rpoMs = (snapshot?.rpoTargetSeconds ?? deployment.rpoTargetSeconds) * 1000;

  const byKey = new Map((history.data?.series ?? []).map((series) => [series.key, series]));
  const series: ChartSeries[] = links.map((link) => ({
    key: link.id,
    name: link.name,
    points: byKey.get(link.id)?.points ?? [],
  }));
  const hasPoints = series.some((one) => one.points.some((point) => point.t >= range.fromMs && point.t <= range.toMs));
  const liveLinks = new Map((snapshot?.links ?? []).map((link) => [link.linkId, link]));
  const overNow = (snapshot?.links ?? []).filter((link) => link.overRpo).length;

  return (
    <div data-testid="lag-chart">
      <Card
        title="Replication lag"
        actions={
          <div className="w-36">
            <Field id="lag-stat" label="Line shows">
              <Select
                id="lag-stat"
                value={stat}
                onChange={(e) => setStat(e.target.value as LagStat)}
                options={[
                  { value: "p95", label: "p95 per interval" },
                  { value: "max", label: "max per interval" },
                ]}
              />
            </Field>
          </div>
        }
      >
        <div className="space-y-4">
          <p
            data-testid="lag-over-rpo"
            data-count={snapshot ? overNow : undefined}
            role="status"
            className={`text-sm font-medium ${overNow > 0 ? "text-rose-700 dark:text-rose-300" : "text-slate-700 dark:text-slate-300"}`}
          >
            {snapshot
              ? `${overNow} of ${snapshot.links.length} link${snapshot.links.length === 1 ? "" : "s"} over the RPO target (${formatLagMs(rpoMs)}) now`
              : "Waiting for live values…"}
          </p>
          <ChartBody
            isPending={history.isPending && links.length > 0}
            error={history.error}
            empty={!hasPoints}
            emptyText={
              links.length === 0 ? "This deployment has no replication links." : "No lag samples in this range."
            }
          >
            <SeriesChart
              series={series}
              stat={stat}
              fromMs={range.fromMs}
              toMs={range.toMs}
              stepMs={(history.data?.resolutionSeconds ?? 0) * 1000}
              annotations={annotations}
              formatValue={formatLagMs}
              reference={{ value: rpoMs, label: "RPO" }}
              yDomain={[0, (dataMax: number) => Math.max(dataMax, rpoMs) * 1.1]}
              description={`Replication lag per link, ${stat} per interval, against the RPO target of ${formatLagMs(rpoMs)}`}
            />
          </ChartBody>
          {links.length > 0 ? (
            <div className={SERIES_COLOR_VARS}>
              <Table caption="Lag per link over the range">
                <thead>
                  <tr>
                    <Th>Link</Th>
                    <Th className="text-right">p50</Th>
                    <Th className="text-right">p95</Th>
                    <Th className="text-right">max</Th>
                    <Th className="text-right">Now</Th>
                  </tr>
                </thead>
                <tbody>
                  {series.map((one, index) => {
                    const summary = summarize(one.points, range.fromMs, range.toMs);
                    const now = liveLinks.get(one.key);
                    const cell = (value: number | undefined) => (
                      <Td
                        className={`text-right tabular-nums ${value !== undefined && value > rpoMs ? "font-semibold text-rose-700 dark:text-rose-300" : ""}`}
                      >
                        {value === undefined ? "—" : formatLagMs(value)}
                      </Td>
                    );
                    return (
                      <tr key={one.key}>
                        <Td>
                          <span className="flex items-center gap-2">
                            <span
                              aria-hidden="true"
                              className="inline-block w-4 border-t-2"
                              style={{
                                borderColor: seriesStroke(index).stroke,
                                borderStyle: seriesStroke(index).strokeDasharray ? "dashed" : "solid",
                              }}
                            />
                            {one.name}
                          </span>
                        </Td>
                        {cell(summary?.p50)}
                        {cell(summary?.p95)}
                        {cell(summary?.max)}
                        <Td
                          className={`text-right tabular-nums ${now?.overRpo ? "font-semibold text-rose-700 dark:text-rose-300" : ""}`}
                        >
                          {now ? `${formatLagMs(now.lagMs)}${now.overRpo ? " (over RPO)" : ""}` : "—"}
                        </Td>
                      </tr>
                    );
                  })}
                </tbody>
              </Table>
            </div>
          ) : null}
        </div>
      </Card>
    </div>
  );
}
