// A replication link: its ends and mode, its lag against the RPO target, a sparkline of it.
import { Sparkline } from "@/components/charts/sparkline";
import { Badge } from "@/components/ui/layout";
import { formatBytes, formatLagMs, formatSeconds } from "@/lib/format";
import { label } from "@/lib/topology/words";

import { Alerts, Fact, Facts, LiveFacts, type Context, type Described } from "./facts";

export function describeLink(linkId: string, { deployment, live, alertsFor }: Context): Described | null {
  const cluster = deployment.clusters.find((one) => one.links.some((link) => link.id === linkId));
  const link = cluster?.links.find((one) => one.id === linkId);
  if (!cluster || !link) return null;
  const replica = (id: string) => cluster.replicas.find((one) => one.id === id);
  const codeOf = (regionId: string | undefined) =>
    deployment.regions.find((one) => one.regionId === regionId)?.region.code ?? "?";
  const source = replica(link.sourceReplicaId);
  const target = replica(link.targetReplicaId);
  const now = live.links.get(linkId);
  const rpoMs = deployment.rpoTargetSeconds * 1000;
  return {
    kindLabel: "Replication link",
    title: `${source?.name ?? "?"} → ${target?.name ?? "?"}`,
    content: (
      <>
        <Facts>
          <Fact term="Cluster">{cluster.name}</Fact>
          <Fact term="Regions">
            {codeOf(source?.regionId)} → {codeOf(target?.regionId)}
          </Fact>
          <Fact term="Mode">{label(link.mode)}</Fact>
          <Fact term="Expected volume">{link.expectedVolumeGbPerDay} GB/day</Fact>
          <Fact term="RPO target">{formatSeconds(deployment.rpoTargetSeconds)}</Fact>
        </Facts>
        <LiveFacts available={!!now}>
          {now ? (
            <>
              <Fact term="Lag">{formatLagMs(now.lagMs)}</Fact>
              <Fact term="Behind by">{formatBytes(now.lagBytes)}</Fact>
              <Fact term="Against RPO">
                {now.overRpo ? <Badge tone="bad">over the target</Badge> : <Badge tone="good">within the target</Badge>}
              </Fact>
            </>
          ) : null}
        </LiveFacts>
        <Sparkline
          key={linkId}
          deploymentId={deployment.id}
          series="lag"
          seriesKey={linkId}
          title="Lag, last 15 minutes"
          formatValue={formatLagMs}
          reference={rpoMs}
        />
        <Alerts alerts={alertsFor(linkId)} />
      </>
    ),
  };
}
