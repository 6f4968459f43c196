// Readiness: can the deployment meet its RPO (lag) and its RTO (routing failover time)?
import { formatPlainSeconds } from "@/lib/format";
import type { ReadinessItem, ReadinessStatus } from "@/lib/planning/contracts";
import type { CurrentLive } from "@/server/domain/telemetry/current-live";

import type { ModelPolicy, PlanningModel } from "./load-model";

/** A target counts as at risk once the figure reaches this share of it. */
export const AT_RISK_SHARE = 0.8;

/** Async replication lag when nothing is measured: "under 1 second" (Aurora Global), "sub-second" (DynamoDB Global Tables). */
export const EXPECTED_ASYNC_LAG_SECONDS = 1;

/** Seed article: proxies fail over in ~5 s (Cloudflare LB) and ~10 s (Front Door), on top of detecting the failure. */
export const PROXY_SWITCH_SECONDS: Partial<Record<ModelPolicy["product"], number>> = {
  CLOUDFLARE_LB: 5,
  AZURE_FRONT_DOOR: 10,
};
const DNS_PRODUCTS: ModelPolicy["product"][] = ["ROUTE53", "AZURE_TRAFFIC_MANAGER"];

function against(value: number, target: number): ReadinessStatus {
  if (value > target) return "fail";
  return value >= AT_RISK_SHARE * target && value > 0 ? "warn" : "pass";
}

export function rpoItem(model: PlanningModel, live: CurrentLive | null): ReadinessItem {
  const base = { id: "rpo", title: "Replication lag within the RPO" };
  const rpo = model.rpoTargetSeconds;
  const replicaName = new Map(model.clusters.flatMap((c) => c.replicas.map((r) => [r.id, r.name] as const)));
  const links = model.clusters
    .flatMap((cluster) => cluster.links)
    .map((link) => ({
      ...link,
      label: `${replicaName.get(link.sourceReplicaId)} → ${replicaName.get(link.targetReplicaId)}`,
    }));
  if (links.length === 0) {
    return model.drModel === "BACKUP_RESTORE"
      ? {
          ...base,
          status: "warn",
          reason: `no replication links: the RPO of ${formatPlainSeconds(rpo)} rests on how often backups run, which Meridian does not model`,
        }
      : {
          ...base,
          status: "fail",
          reason: `no replication links: a failover would lose every write since the last backup, far beyond the RPO of ${formatPlainSeconds(rpo)}`,
        };
  }

  const measured = live
    ? links.flatMap((link) => {
        const sample = live.links.get(link.id);
        return sample ? [{ label: link.label, lagSeconds: sample.lagMs / 1000 }] : [];
      })
    : [];
  if (live && measured.length > 0) {
    const worst = measured.reduce((a, b) => (b.lagSeconds > a.lagSeconds ? b : a));
    const over = measured
      .filter((link) => link.lagSeconds > rpo)
      .map((link) => `${link.label} at ${formatPlainSeconds(link.lagSeconds)}`);
    const status = against(worst.lagSeconds, rpo);
    const detail =
      over.length > 0
        ? `over the target: ${over.join(", ")}`
        : `worst ${formatPlainSeconds(worst.lagSeconds)} on ${worst.label}`;
    return {
      ...base,
      status,
      reason: `measured at ${live.observedAt.toISOString()}: ${detail}; RPO target ${formatPlainSeconds(rpo)}`,
    };
  }

  const asyncLinks = links.filter((link) => link.mode === "ASYNC");
  const expected = asyncLinks.length > 0 ? EXPECTED_ASYNC_LAG_SECONDS : 0;
  const source = `expected, not measured (no live data from the worker): ${asyncLinks.length > 0 ? `about ${formatPlainSeconds(expected)} on ${asyncLinks.length} async link(s)` : "0 s, every link is synchronous"}`;
  if (rpo === 0 && expected > 0) {
    return {
      ...base,
      status: "fail",
      reason: `${source}; an RPO of 0 s needs synchronous links: async replication always loses its last writes`,
    };
  }
  return { ...base, status: against(expected, rpo), reason: `${source}; RPO target ${formatPlainSeconds(rpo)}` };
}

/** How long routing takes to move traffic off a failed region: detection (interval × threshold) plus DNS TTL or the proxy's switch. */
export function routingFailover(policy: ModelPolicy): { seconds: number; formula: string } {
  const detection = policy.healthCheckIntervalSeconds * policy.healthCheckFailureThreshold;
  const detectionWords = `${policy.healthCheckIntervalSeconds} s × ${policy.healthCheckFailureThreshold} failed checks`;
  const isDns = DNS_PRODUCTS.includes(policy.product) || (policy.product === "LAB" && policy.layer === "DNS");
  if (isDns) {
    return {
      seconds: policy.dnsTtlSeconds + detection,
      formula: `DNS TTL ${policy.dnsTtlSeconds} s + ${detectionWords} = ${policy.dnsTtlSeconds + detection} s`,
    };
  }
  const proxy = PROXY_SWITCH_SECONDS[policy.product] ?? 0;
  return {
    seconds: proxy + detection,
    formula: `proxy switch ~${proxy} s + ${detectionWords} = ${proxy + detection} s`,
  };
}

/** What recovery needs besides routing, by DR model (seed article, section 2 and 6.1). */
const AFTER_ROUTING: Record<PlanningModel["drModel"], string> = {
  ACTIVE_ACTIVE: "The surviving regions already take writes: routing is the whole failover.",
  WARM_STANDBY: "Routing only: promoting the replica and scaling up compute come on top.",
  PILOT_LIGHT: "Routing only: promoting the replica and starting compute in the secondary come on top.",
  BACKUP_RESTORE: "Routing only: restoring from backups comes on top, usually hours.",
};

export function rtoItem(model: PlanningModel): ReadinessItem {
  const base = { id: "rto", title: "Failover time within the RTO" };
  const policy = model.policies[0];
  if (!policy)
    return {
      ...base,
      status: "fail",
      reason: "no traffic policy: nothing moves traffic to another region when one fails",
    };
  const { seconds: failover, formula } = routingFailover(policy);
  const rto = model.rtoTargetSeconds;
  const status = against(failover, rto);
  const verdict = status === "fail" ? "exceeds" : status === "warn" ? `is within ${AT_RISK_SHARE * 100}% of` : "meets";
  return {
    ...base,
    status,
    reason: `${policy.name} (${policy.product}): ${formula}, which ${verdict} the RTO of ${rto} s. ${AFTER_ROUTING[model.drModel]}`,
  };
}
