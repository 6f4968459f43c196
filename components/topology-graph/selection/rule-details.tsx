// A routing rule: its weight, priority and state, and the status of the region it sends traffic to.
import { Badge } from "@/components/ui/layout";
import { PRIORITY_ACTS, WEIGHT_ACTS } from "@/lib/topology/steering";
import { label } from "@/lib/topology/words";

import { StatusBadge } from "../status-badges";
import { Alerts, Fact, Facts, LiveFacts, type Context, type Described } from "./facts";

export function describeRule(ruleId: string, { deployment, live, alertsFor }: Context): Described | null {
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
          {WEIGHT_ACTS[policy.steering] ? <Fact term="Weight">{rule.weight}</Fact> : null}
          {PRIORITY_ACTS[policy.steering] ? <Fact term="Priority">{rule.priority}</Fact> : null}
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
