// Readiness: do the health checks decide by a quorum of probe locations, not by one probe's view?
import type { ReadinessItem } from "@/lib/planning/contracts";

import type { PlanningModel } from "./load-model";

/** Fewer locations than this and one location's own network trouble weighs too much. */
export const MIN_PROBE_LOCATIONS = 3;
export const MIN_QUORUM = 2;

export function healthCheckItem(model: PlanningModel): ReadinessItem {
  const base = { id: "health-checks", title: "Health checks decided by a quorum" };
  if (model.policies.length === 0)
    return { ...base, status: "fail", reason: "no traffic policy: nothing checks whether a region is up" };
  const failures: string[] = [];
  const warnings: string[] = [];
  const fine: string[] = [];
  for (const policy of model.policies) {
    const locations = policy.healthCheckProbeLocations.length;
    const quorum = policy.healthCheckQuorum;
    const shape = `quorum ${quorum} of ${locations} probe locations, ${policy.healthCheckFailureThreshold} failures in a row`;
    if (quorum > locations)
      failures.push(`${policy.name}: ${shape}; the quorum can never be reached, so the region is never failed over`);
    else if (quorum < MIN_QUORUM)
      warnings.push(`${policy.name}: ${shape}; one location's view can fail a healthy region over (a false positive)`);
    else if (locations < MIN_PROBE_LOCATIONS)
      warnings.push(
        `${policy.name}: ${shape}; use at least ${MIN_PROBE_LOCATIONS} locations so one location's trouble cannot decide`,
      );
    else fine.push(`${policy.name}: ${shape}`);
  }
  const status = failures.length > 0 ? "fail" : warnings.length > 0 ? "warn" : "pass";
  return { ...base, status, reason: [...failures, ...warnings, ...fine].join("; ") };
}
