// A routing policy: layer, product, steering, health check, and where its rules send traffic.
import { formatSeconds } from "@/lib/format";
import { label } from "@/lib/topology/words";

import { ruleLabel } from "../rule-edge";
import { Fact, Facts, Section, type Context, type Described } from "./facts";

export function describePolicy(policyId: string, { deployment }: Context): Described | null {
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
