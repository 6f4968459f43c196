// Prometheus exposition of the live state: current lag, health, traffic and open alerts, from
// each deployment's newest snapshot. A fresh registry per scrape: the web process keeps no state.
import { Gauge, Registry } from "prom-client";

import { lagSeconds, parseLiveSnapshot } from "@/lib/telemetry/contracts";
import type { Db } from "@/server/db";
import { addAuditCheckpoint } from "@/server/domain/audit/checkpoint-metrics";

export async function renderMetrics(db: Db): Promise<{ contentType: string; body: string }> {
  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[]) =>
    new Gauge({ name, help, labelNames, registers: [registry] });
  const lagSecondsGauge = gauge(
    "meridian_replication_lag_seconds",
    "Seconds of writes the link's target has not applied (the RPO figure)",
    ["deployment", "link", "source", "target"],
  );
  const lagBytes = gauge(
    "meridian_replication_lag_bytes",
    "Bytes committed at the source and not yet applied at the target",
    ["deployment", "link", "source", "target"],
  );
  const regionUp = gauge("meridian_region_up", "1 unless a quorum of probe locations finds the region down", [
    "deployment",
    "region",
  ]);
  const healthyProbes = gauge(
    "meridian_region_healthy_probe_ratio",
    "Fraction of probe locations that find the region healthy",
    ["deployment", "region"],
  );
  const requests = gauge("meridian_region_requests_per_second", "Requests per second the region serves", [
    "deployment",
    "region",
  ]);
  const errors = gauge("meridian_region_error_ratio", "Fraction of the region's requests that fail", [
    "deployment",
    "region",
  ]);
  const conflicts = gauge(
    "meridian_cluster_conflicts_per_second",
    "Write conflicts per second in a multi-primary cluster",
    ["deployment", "cluster"],
  );
  const serverUp = gauge(
    "meridian_server_up",
    "1 when the replica's real server answered the last observation (postgres and lab deployments)",
    ["deployment", "replica"],
  );
  const atRiskBytes = gauge(
    "meridian_replica_data_at_risk_bytes",
    "Bytes the cluster's writer committed that this replica has not received (lost if promoted now)",
    ["deployment", "replica"],
  );
  const atRiskSeconds = gauge(
    "meridian_replica_data_at_risk_seconds",
    "Seconds of writes this replica would lose if promoted now",
    ["deployment", "replica"],
  );
  const openAlerts = gauge("meridian_alerts_open", "Open alerts", ["deployment", "kind"]);
  const observedAt = gauge("meridian_observed_at_seconds", "When the deployment was last observed (Unix time)", [
    "deployment",
  ]);

  // The newest snapshot per deployment, in one query.
  const rows = await db.$queryRaw<{ deploymentId: string; payload: unknown }[]>`
    select distinct on ("deploymentId") "deploymentId", payload from "LiveEvent" where kind = 'snapshot' order by "deploymentId", id desc`;
  const deployments = await db.deployment.findMany({ select: { id: true, slug: true } });
  const slugOf = new Map(deployments.map((d) => [d.id, d.slug]));
  const [replicas, regions, clusters, links] = await Promise.all([
    db.replica.findMany({ select: { id: true, name: true } }),
    db.region.findMany({ select: { id: true, code: true } }),
    db.databaseCluster.findMany({ select: { id: true, name: true } }),
    db.replicationLink.findMany({ select: { id: true, sourceReplicaId: true, targetReplicaId: true } }),
  ]);
  const replicaName = new Map(replicas.map((r) => [r.id, r.name]));
  const regionCode = new Map(regions.map((r) => [r.id, r.code]));
  const clusterName = new Map(clusters.map((c) => [c.id, c.name]));
  const linkEnds = new Map(links.map((l) => [l.id, l]));

  for (const { deploymentId, payload: stored } of rows) {
    const payload = parseLiveSnapshot(stored);
    const deployment = slugOf.get(deploymentId);
    if (!deployment) continue; // a deleted deployment's last events
    observedAt.set({ deployment }, payload.observedAtMs / 1000);
    for (const link of payload.links) {
      const ends = linkEnds.get(link.linkId);
      const labels = {
        deployment,
        link: link.linkId,
        source: replicaName.get(ends?.sourceReplicaId ?? "") ?? "",
        target: replicaName.get(ends?.targetReplicaId ?? "") ?? "",
      };
      lagSecondsGauge.set(labels, lagSeconds(link));
      lagBytes.set(labels, link.lagBytes);
    }
    for (const region of payload.regions) {
      const labels = { deployment, region: regionCode.get(region.regionId) ?? region.regionId };
      regionUp.set(labels, region.status === "DOWN" ? 0 : 1);
      healthyProbes.set(labels, region.totalProbes ? region.healthyProbes / region.totalProbes : 0);
      requests.set(labels, region.requestsPerSecond);
      errors.set(labels, region.errorRate);
    }
    for (const server of payload.servers ?? []) {
      const labels = { deployment, replica: replicaName.get(server.replicaId) ?? server.replicaId };
      serverUp.set(labels, server.reachable ? 1 : 0);
      if (server.atRisk) {
        atRiskBytes.set(labels, server.atRisk.bytes);
        atRiskSeconds.set(labels, server.atRisk.seconds);
      }
    }
    for (const cluster of payload.clusters)
      conflicts.set(
        { deployment, cluster: clusterName.get(cluster.clusterId) ?? cluster.clusterId },
        cluster.conflictsPerSecond,
      );
  }
  const open = await db.alert.groupBy({ by: ["deploymentId", "kind"], where: { resolvedAt: null }, _count: true });
  for (const group of open) {
    const deployment = slugOf.get(group.deploymentId);
    if (deployment) openAlerts.set({ deployment, kind: group.kind }, group._count);
  }
  await addAuditCheckpoint(registry, db);
  return { contentType: registry.contentType, body: await registry.metrics() };
}
