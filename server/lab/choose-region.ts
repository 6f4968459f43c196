// Which region a routing policy sends a new connection to, from its rules and the health its
// probes see: enabled, undrained rules; the healthy ones (failing open to all routable ones when
// every region looks down, as routing products do); then the steering: lowest priority first
// (ties split by weight), weights, nearest, or uniform. The same reading of the rules as the sim's
// traffic model, for one connection at a time.
import { greatCircleKm, type Coordinates } from "@/server/drivers/sim/geo";

import type { LabPolicy, LabRule } from "./spec";

export interface ChoiceContext {
  unhealthy: ReadonlySet<string>;
  /** Where the clients are (LATENCY and GEO steering choose the nearest region to it). */
  origin: Coordinates;
  coordinatesOf: (region: string) => Coordinates;
  /** A number in [0, 1): Math.random by default. */
  random?: () => number;
}

function byWeight(rules: LabRule[], random: () => number): LabRule {
  const total = rules.reduce((sum, rule) => sum + rule.weight, 0);
  if (total === 0) return rules[Math.floor(random() * rules.length)] as LabRule;
  let point = random() * total;
  for (const rule of rules) {
    point -= rule.weight;
    if (point < 0) return rule;
  }
  return rules.at(-1) as LabRule;
}

export function eligibleRules(policy: LabPolicy, unhealthy: ReadonlySet<string>): LabRule[] {
  const routable = policy.rules.filter((rule) => rule.enabled && !rule.drained);
  const healthy = routable.filter((rule) => !unhealthy.has(rule.region));
  return healthy.length > 0 ? healthy : routable;
}

/** The region for one new connection, or null when no rule is routable. */
export function chooseRegion(policy: LabPolicy, context: ChoiceContext): string | null {
  const random = context.random ?? Math.random;
  const rules = eligibleRules(policy, context.unhealthy);
  if (rules.length === 0) return null;
  switch (policy.steering) {
    case "FAILOVER": {
      const best = Math.min(...rules.map((rule) => rule.priority));
      return byWeight(
        rules.filter((rule) => rule.priority === best),
        random,
      ).region;
    }
    case "WEIGHTED":
      return byWeight(rules, random).region;
    case "LATENCY":
    case "GEO": {
      const distance = (rule: LabRule) => greatCircleKm(context.origin, context.coordinatesOf(rule.region));
      return rules.reduce((best, rule) => (distance(rule) < distance(best) ? rule : best)).region;
    }
    case "RANDOM":
    case "HASH":
      return (rules[Math.floor(random() * rules.length)] as LabRule).region;
  }
}
