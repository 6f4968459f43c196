// A replica: its cluster and region, its role in the model and live (epoch, fenced), its links.
import { Badge } from "@/components/ui/layout";
import { formatLagMs } from "@/lib/format";
import { label } from "@/lib/topology/words";

import { Alerts, Fact, Facts, LiveFacts, Section, type Context, type Described } from "./facts";

export function describeReplica(replicaId: string, { deployment, live, alertsFor }: Context): Described | null {
  const cluster = deployment.clusters.find((one) => one.replicas.some((replica) => replica.id === replicaId));
  const replica = cluster?.replicas.find((one) => one.id === replicaId);
  if (!cluster || !replica) return null;
  const now = live.replicas.get(replicaId);
  const code = deployment.regions.find((one) => one.regionId === replica.regionId)?.region.code ?? "—";
  const nameOf = (id: string) => cluster.replicas.find((one) => one.id === id)?.name ?? "?";
  const links = cluster.links.filter(
    (link) => link.sourceReplicaId === replicaId || link.targetReplicaId === replicaId,
  );
  return {
    kindLabel: "Replica",
    title: replica.name,
    content: (
      <>
        <Facts>
          <Fact term="Cluster">
            {cluster.name} ({cluster.engine})
          </Fact>
          <Fact term="Region">{code}</Fact>
          <Fact term="Role in the model">{label(replica.role)}</Fact>
          <Fact term="Endpoint">{replica.endpoint ?? "—"}</Fact>
        </Facts>
        <LiveFacts available={!!now}>
          {now ? (
            <>
              <Fact term="Role">
                {now.role === "PRIMARY" ? (
                  <Badge tone="good">
                    <strong>Primary</strong>
                  </Badge>
                ) : (
                  label(now.role)
                )}
              </Fact>
              <Fact term="Epoch">e{now.epoch}</Fact>
              <Fact term="Writes">
                {now.fenced ? <Badge tone="bad">fenced</Badge> : now.writable ? "writable" : "read-only"}
              </Fact>
            </>
          ) : null}
        </LiveFacts>
        {links.length ? (
          <Section title="Links">
            <ul className="space-y-1">
              {links.map((link) => {
                const lag = live.links.get(link.id);
                return (
                  <li key={link.id} className="flex justify-between gap-2">
                    <span className="truncate">
                      {nameOf(link.sourceReplicaId)} → {nameOf(link.targetReplicaId)}
                    </span>
                    <span
                      className={`tabular-nums ${lag?.overRpo ? "font-semibold text-rose-700 dark:text-rose-300" : ""}`}
                    >
                      {lag ? formatLagMs(lag.lagMs) : "—"}
                    </span>
                  </li>
                );
              })}
            </ul>
          </Section>
        ) : null}
        <Alerts alerts={alertsFor(replicaId, ...links.map((link) => link.id))} />
      </>
    ),
  };
}
