// A region: where it is, its stack and replicas, its status from the probes, its traffic.
import { Sparkline } from "@/components/charts/sparkline";
import { formatFraction, formatLagMs, formatRps } from "@/lib/format";
import { label, sizeLabel } from "@/lib/topology/words";

import { StatusBadge } from "../status-badges";
import { Alerts, Fact, Facts, LiveFacts, type Context, type Described } from "./facts";

export function describeRegion(regionId: string, { deployment, live, alertsFor }: Context): Described | null {
  const placement = deployment.regions.find((one) => one.regionId === regionId);
  if (!placement) return null;
  const { region } = placement;
  const now = live.regions.get(regionId);
  const replicas = deployment.clusters.flatMap((cluster) =>
    cluster.replicas.filter((replica) => replica.regionId === regionId),
  );
  return {
    kindLabel: "Region",
    title: `${region.code} · ${region.displayName}`,
    content: (
      <>
        <Facts>
          <Fact term="Provider">{label(region.provider)}</Fact>
          <Fact term="Continent">{label(region.continent)}</Fact>
          <Fact term="Location">
            {region.latitude.toFixed(2)}, {region.longitude.toFixed(2)}
          </Fact>
          <Fact term="Stack">
            {placement.stack.length
              ? placement.stack.map((c) => `${label(c.kind)} ${sizeLabel(c)}`).join(", ")
              : "nothing"}
          </Fact>
          <Fact term="Replicas">{replicas.length ? replicas.map((r) => r.name).join(", ") : "none"}</Fact>
        </Facts>
        <LiveFacts available={!!now}>
          {now ? (
            <>
              <Fact term="Status">
                <StatusBadge status={now.status} />
              </Fact>
              <Fact term="Probes healthy">
                {now.healthyProbes} of {now.totalProbes}
              </Fact>
              <Fact term="Traffic">{formatRps(now.requestsPerSecond)}</Fact>
              <Fact term="Error rate">{formatFraction(now.errorRate)}</Fact>
              <Fact term="Latency p50">{now.latencyP50Ms === null ? "—" : formatLagMs(now.latencyP50Ms)}</Fact>
            </>
          ) : null}
        </LiveFacts>
        <Sparkline
          key={regionId}
          deploymentId={deployment.id}
          series="traffic"
          seriesKey={regionId}
          title="Traffic, last 15 minutes"
          formatValue={formatRps}
        />
        <Alerts alerts={alertsFor(regionId)} />
      </>
    ),
  };
}
