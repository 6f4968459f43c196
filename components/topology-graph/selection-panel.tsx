"use client";

// The side panel of a selected node or edge: what the model says about it, its live values, a
// sparkline of the last 15 minutes (lag for a link, traffic for a region) and its open alerts.
import type { ReactNode } from "react";

import { Sparkline } from "@/components/charts/sparkline";
import type { DeploymentModelData } from "@/components/topology/model-types";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/layout";
import { formatBytes, formatDateTime, formatFraction, formatLagMs, formatRps, formatSeconds } from "@/lib/format";
import type { LiveAlert, LiveSnapshot } from "@/lib/telemetry/contracts";
import { alertKindLabel } from "@/lib/telemetry/words";
import { label } from "@/lib/topology/words";

import type { GraphSelection } from "./graph-types";
import type { LiveIndex } from "./live-merge";
import { ruleLabel } from "./rule-edge";
import { StatusBadge } from "./status-badges";

type Props = {
  deployment: DeploymentModelData;
  selection: GraphSelection;
  live: LiveIndex;
  snapshot: LiveSnapshot | undefined;
  onClose: () => void;
};

export function SelectionPanel({ deployment, selection, live, snapshot, onClose }: Props) {
  const [kind, ...rest] = selection.id.split(":");
  const id = rest.join(":");
  const alertsFor = (...targetIds: string[]) =>
    (snapshot?.alerts ?? []).filter((alert) => targetIds.includes(alert.targetId));
  const body = describe(kind ?? "", id, { deployment, live, alertsFor });

  return (
    <aside
      aria-label="Selected element"
      className="flex max-h-full w-80 flex-col overflow-hidden rounded-lg border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900"
    >
      <header className="flex items-start justify-between gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
        <div className="min-w-0">
          <p className="text-xs uppercase tracking-wide text-slate-500">{body?.kindLabel ?? "Element"}</p>
          <h3 className="truncate text-sm font-semibold">{body?.title ?? "No longer in the model"}</h3>
        </div>
        <Button size="sm" variant="ghost" onClick={onClose} aria-label="Close details">
          Close
        </Button>
      </header>
      <div className="space-y-4 overflow-y-auto px-3 py-3 text-sm">
        {body?.content ?? <p className="text-slate-500">This element was removed from the model.</p>}
      </div>
    </aside>
  );
}

type Context = { deployment: DeploymentModelData; live: LiveIndex; alertsFor: (...targetIds: string[]) => LiveAlert[] };
type Described = { kindLabel: string; title: string; content: ReactNode };

function describe(kind: string, id: string, context: Context): Described | null {
  switch (kind) {
    case "region":
      return describeRegion(id, context);
    case "replica":
      return describeReplica(id, context);
    case "stack":
      return describeStack(id, context);
    case "policy":
      return describePolicy(id, context);
    case "link":
      return describeLink(id, context);
    case "rule":
      return describeRule(id, context);
    default:
      return null;
  }
}

function describeRegion(regionId: string, { deployment, live, alertsFor }: Context): Described | null {
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
              ? placement.stack.map((c) => `${label(c.kind)} ${c.instanceCount}×${c.instanceSize}`).join(", ")
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

function describeReplica(replicaId: string, { deployment, live, alertsFor }: Context): Described | null {
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

function describeStack(componentId: string, { deployment }: Context): Described | null {
  const placement = deployment.regions.find((one) => one.stack.some((component) => component.id === componentId));
  const component = placement?.stack.find((one) => one.id === componentId);
  if (!placement || !component) return null;
  return {
    kindLabel: "Stack component",
    title: `${label(component.kind)} in ${placement.region.code}`,
    content: (
      <Facts>
        <Fact term="Tier">{label(component.tier)}</Fact>
        <Fact term="Instances">
          {component.instanceCount} × {component.instanceSize}
        </Fact>
      </Facts>
    ),
  };
}

function describePolicy(policyId: string, { deployment }: Context): Described | null {
  const policy = deployment.policies.find((one) => one.id === policyId);
  if (!policy) return null;
  const codeOf = (regionId: string) => deployment.regions.find((one) => one.regionId === regionId)?.region.code ?? "?";
  return {
    kindLabel: "Routing policy",
    title: policy.name,
    content: (
      <>
        <Facts>
          <Fact term="Layer">{label(policy.layer)}</Fact>
          <Fact term="Product">{label(policy.product)}</Fact>
          <Fact term="Steering">{label(policy.steering)}</Fact>
          <Fact term="DNS TTL">{formatSeconds(policy.dnsTtlSeconds)}</Fact>
          <Fact term="Health check">
            every {formatSeconds(policy.healthCheckIntervalSeconds)}, {policy.healthCheckFailureThreshold} failures,
            quorum {policy.healthCheckQuorum} of {policy.healthCheckProbeLocations.length}
          </Fact>
        </Facts>
        <Section title="Rules">
          <ul className="space-y-1">
            {policy.rules.map((rule) => (
              <li key={rule.id} className="flex justify-between gap-2">
                <span className="font-mono text-xs">{codeOf(rule.regionId)}</span>
                <span className="font-mono text-xs">{ruleLabel({ ...rule, steering: policy.steering })}</span>
              </li>
            ))}
          </ul>
        </Section>
      </>
    ),
  };
}

function describeLink(linkId: string, { deployment, live, alertsFor }: Context): Described | null {
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

function describeRule(ruleId: string, { deployment, live, alertsFor }: Context): Described | null {
  const policy = deployment.policies.find((one) => one.rules.some((rule) => rule.id === ruleId));
  const rule = policy?.rules.find((one) => one.id === ruleId);
  if (!policy || !rule) return null;
  const code = deployment.regions.find((one) => one.regionId === rule.regionId)?.region.code ?? "?";
  return {
    kindLabel: "Routing rule",
    title: `${policy.name} → ${code}`,
    content: (
      <>
        <Facts>
          <Fact term="Steering">{label(policy.steering)}</Fact>
          <Fact term="Weight">{rule.weight}</Fact>
          <Fact term="Priority">{rule.priority}</Fact>
          <Fact term="Geo match">{rule.geoMatch.length ? rule.geoMatch.join(", ") : "any"}</Fact>
          <Fact term="State">
            <span className="flex flex-wrap gap-1">
              {rule.enabled ? <Badge tone="good">Enabled</Badge> : <Badge tone="bad">Disabled</Badge>}
              {rule.drained ? <Badge tone="warn">Drained</Badge> : null}
            </span>
          </Fact>
        </Facts>
        <LiveFacts available={live.regions.has(rule.regionId)}>
          <Fact term={`${code} status`}>
            <StatusBadge status={live.regions.get(rule.regionId)?.status} />
          </Fact>
        </LiveFacts>
        <Alerts alerts={alertsFor(rule.regionId)} />
      </>
    ),
  };
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-1.5">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h4>
      {children}
    </section>
  );
}

function Facts({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">{children}</dl>;
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-xs text-slate-500">{term}</dt>
      <dd className="min-w-0 break-words text-xs">{children}</dd>
    </>
  );
}

function LiveFacts({ available, children }: { available: boolean; children: ReactNode }) {
  return (
    <Section title="Live">
      {available ? <Facts>{children}</Facts> : <p className="text-xs text-slate-500">No live values yet.</p>}
    </Section>
  );
}

function Alerts({ alerts }: { alerts: LiveAlert[] }) {
  return (
    <Section title="Open alerts">
      {alerts.length === 0 ? (
        <p className="text-xs text-slate-500">None.</p>
      ) : (
        <ul className="space-y-1.5">
          {alerts.map((alert) => (
            <li
              key={alert.id}
              className="rounded border border-rose-200 bg-rose-50 px-2 py-1 text-xs dark:border-rose-900 dark:bg-rose-950/60"
            >
              <p className="font-medium text-rose-800 dark:text-rose-200">{alertKindLabel(alert.kind)}</p>
              <p>{alert.message}</p>
              <p className="text-slate-500">since {formatDateTime(alert.openedAt)}</p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
