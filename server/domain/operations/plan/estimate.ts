// What a plan expects: each step's duration, the RTO and data loss of the whole run, and its
// one-off cost. Durations come from the routing products' failover times and the lag measured now.
import {
  isRegionRunbook,
  type TEventCost,
  type TPhase,
  type TPlanEstimate,
  type TPlannedStep,
  type TReplicaRef,
  type TRunbook,
  type TStepKind,
} from "@/lib/operations/contracts";
import { lagSeconds } from "@/lib/telemetry/contracts";
import { eventCostsOf, type EventCostItem } from "@/server/domain/planning/event-cost";
import { EXPECTED_ASYNC_LAG_SECONDS, routingFailover } from "@/server/domain/planning/readiness-timing";
import type { CurrentLive } from "@/server/domain/telemetry/current-live";

import type { PlanContext } from "./context";
import type { Estate } from "./topology";

/** Lag of the target now: seconds (the RPO figure) and bytes not yet applied; null without live data. */
export type Lag = { seconds: number | null; bytes: number | null };

export function lagOn(live: CurrentLive | null, linkId: string | undefined): Lag {
  const link = live && linkId ? live.links.get(linkId) : undefined;
  return link ? { seconds: lagSeconds(link), bytes: link.lagBytes } : { seconds: null, bytes: null };
}

/** Short steps: one or two driver calls and a read-back. */
const QUICK_SECONDS: Partial<Record<TStepKind, number>> = {
  PRECHECK: 2,
  INJECT_FAULT: 2,
  CHOOSE_TARGET: 1,
  FENCE: 2,
  FENCE_CLIENTS: 2,
  LIFT_FENCE: 2,
  DEMOTE: 5,
  REPOINT: 5,
  VERIFY_WRITES: 5,
  CLEAR_FAULT: 2,
};
/** A promotion: the replica replays its last log, takes the new epoch and opens for writes. */
const PROMOTE_SECONDS = 30;
/** New compute instances have to boot and pass their health checks before they take traffic. */
const SCALE_UP_SECONDS = 120;

export function stepEstimator(policies: Estate["policies"], lag: Lag) {
  // Waiting for the probes to agree: the slowest policy's interval × failures in a row.
  const detect = Math.max(0, ...policies.map((p) => p.healthCheckIntervalSeconds * p.healthCheckFailureThreshold));
  // A planned shift skips detection: what is left of the failover time is the DNS TTL or the proxy's switch.
  const shift = Math.max(
    0,
    ...policies.map((p) => routingFailover(p).seconds - p.healthCheckIntervalSeconds * p.healthCheckFailureThreshold),
  );
  // Catching up drains the lag; without live data, the lag async replication usually runs at.
  // Rounded up: a plan should not promise less than the run will take.
  const catchUp = Math.ceil(lag.seconds ?? EXPECTED_ASYNC_LAG_SECONDS);
  return (spec: { kind: TStepKind; params: TPlannedStep["params"] }): number => {
    switch (spec.kind) {
      case "CONFIRM_OUTAGE":
        return detect;
      case "WAIT_CATCH_UP":
      case "WAIT_APPLIED":
        return catchUp;
      case "WAIT_STABLE":
        return catchUp + Number(spec.params.stableSeconds ?? 0);
      case "SHIFT_ROUTING":
        return shift;
      case "PROMOTE":
        return PROMOTE_SECONDS;
      case "SCALE_UP":
        return SCALE_UP_SECONDS;
      default:
        return QUICK_SECONDS[spec.kind] ?? 1;
    }
  };
}

/** The steps during which nothing can write: a planned move fences first; a failover starts with the outage. */
export function outageSteps(runbook: TRunbook, steps: TPlannedStep[]): TPlannedStep[] {
  const verified = steps.findIndex((s) => s.kind === "VERIFY_WRITES") + 1;
  if (runbook === "FAILOVER") return steps;
  // Active-active: the other regions take writes all along (clients of the drained one reconnect there).
  if (isRegionRunbook(runbook)) return [];
  if (runbook === "DRILL") return steps.slice(0, verified); // the failover half; the failback is planned
  return steps.slice(
    steps.findIndex((s) => s.kind === "FENCE"),
    verified,
  );
}

const byPhaseOf = (steps: TPlannedStep[]) => {
  const phases: Partial<Record<TPhase, number>> = {};
  for (const s of steps) phases[s.phase] = (phases[s.phase] ?? 0) + s.estimateSeconds;
  return phases;
};

export function planEstimate(runbook: TRunbook, steps: TPlannedStep[], lag: Lag): TPlanEstimate {
  // The RTO and its phases come from the same steps, so the phases add up to the RTO shown. What
  // runs while writes still flow (pre-checks, scale-up before the fence, a drill's failback) is
  // listed apart. Approvals wait for people and are not estimated.
  const outage = outageSteps(runbook, steps);
  const rtoSeconds = outage.reduce((sum, s) => sum + s.estimateSeconds, 0);
  // A switchover or failback fences and waits for catch-up before promoting: lossless by
  // construction. A failover (and a drill's) promotes whatever the target holds: the lag is lost.
  const lossy = runbook === "FAILOVER" || runbook === "DRILL";
  return {
    rtoSeconds,
    byPhase: byPhaseOf(outage),
    outsideRto: byPhaseOf(steps.filter((s) => !outage.includes(s))),
    lagSeconds: lag.seconds,
    dataLossSeconds: lossy ? (lag.seconds ?? 0) : 0,
    dataLossBytes: lossy ? (lag.bytes ?? 0) : 0,
  };
}

const asCost = (item: EventCostItem, prefix = ""): TEventCost => ({
  totalUsd: item.totalUsd,
  lines: item.lines.map((line) => ({ label: `${prefix}${line.description}`, usd: line.usd })),
  assumptions: item.assumptions.map((a) => `${prefix}${a}`),
});

/**
 * The one-off cost of the event the runbook causes, in the plan's direction (source to target); a
 * drill is a failover and its failback.
 */
export function planEventCost(
  context: PlanContext,
  runbook: TRunbook,
  { source, target }: { source: TReplicaRef; target: TReplicaRef },
): TEventCost {
  if (isRegionRunbook(runbook))
    return {
      totalUsd: 0,
      lines: [],
      assumptions: ["not costed: an active-active region's drain or return moves traffic, not data or compute"],
    };
  const move = { fromRegionId: source.regionId, toRegionId: target.regionId };
  let items: EventCostItem[];
  try {
    if ("missing" in context.catalog) throw new Error(context.catalog.missing);
    items = eventCostsOf(
      context.estate,
      context.catalog,
      context.live.current,
      runbook === "FAILBACK" ? { failback: move } : { move },
    );
  } catch (error) {
    // No price catalog (or a model the cost model refuses) must not stop an operator planning a failover.
    const why = error instanceof Error ? error.message : String(error);
    return { totalUsd: 0, lines: [], assumptions: [`not costed: ${why}`] };
  }
  const of = (kind: EventCostItem["kind"]) =>
    items.find((item) => item.kind === kind) ?? { kind, totalUsd: 0, lines: [], assumptions: [] };
  if (runbook !== "DRILL") return asCost(of(runbook));
  const [failover, failback] = [asCost(of("FAILOVER"), "failover: "), asCost(of("FAILBACK"), "failback: ")];
  return {
    totalUsd: failover.totalUsd + failback.totalUsd,
    lines: [...failover.lines, ...failback.lines],
    assumptions: [...failover.assumptions, ...failback.assumptions],
  };
}
