// Builds estates through the domain operations (so the seed obeys every invariant and is audited).
// Tests reuse these factories with their own slugs, so each test owns its data.
import type { TRegionInput } from "@/lib/topology/contracts";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/domain/identity/actor";
import { createCluster } from "@/server/domain/topology/clusters";
import { addRegionToDeployment } from "@/server/domain/topology/deployment-regions";
import { createDeployment } from "@/server/domain/topology/deployments";
import { createLink } from "@/server/domain/topology/links";
import { createRegion } from "@/server/domain/topology/regions";
import { createReplica } from "@/server/domain/topology/replicas";
import { createPolicy, createRule } from "@/server/domain/topology/routing";
import { createStackComponent } from "@/server/domain/topology/stack-components";

import type { DemoDeployment } from "./demo-deployments";

/** Finds or creates each region; returns their ids by key. */
export async function seedRegions<K extends string>(
  db: Db,
  actor: Actor,
  regions: Record<K, TRegionInput>,
): Promise<Record<K, string>> {
  const ids = {} as Record<K, string>;
  for (const [key, input] of Object.entries(regions) as [K, TRegionInput][]) {
    const found = await db.region.findUnique({
      where: { provider_code: { provider: input.provider, code: input.code } },
    });
    ids[key] = found ? found.id : (await createRegion(db, actor, input)).id;
  }
  return ids;
}

/** Creates a whole deployment from its description; regions must exist already. */
export async function seedDeployment<K extends string>(
  db: Db,
  actor: Actor,
  spec: DemoDeployment<K>,
  regionIds: Record<string, string>,
) {
  const deployment = await createDeployment(db, actor, spec.deployment);
  const regionId = (key: string) => {
    const id = regionIds[key];
    if (!id) throw new Error(`seed: region ${key} was not created`);
    return id;
  };
  for (const placement of spec.regions) {
    await addRegionToDeployment(db, actor, { deploymentId: deployment.id, regionId: regionId(placement.region) });
    for (const component of placement.stack) {
      await createStackComponent(db, actor, {
        ...component,
        deploymentId: deployment.id,
        regionId: regionId(placement.region),
      });
    }
  }
  const { replicas, links, ...clusterInput } = spec.cluster;
  const cluster = await createCluster(db, actor, { ...clusterInput, deploymentId: deployment.id });
  const replicaIds = new Map<string, string>();
  // Primaries first: a single-primary cluster's first replica must be its primary.
  for (const replica of [...replicas].sort((a, b) => Number(b.role === "PRIMARY") - Number(a.role === "PRIMARY"))) {
    const created = await createReplica(db, actor, {
      clusterId: cluster.id,
      regionId: regionId(replica.region),
      name: replica.name,
      role: replica.role,
      endpoint: replica.endpoint ?? null,
    });
    replicaIds.set(replica.name, created.id);
  }
  for (const link of links) {
    await createLink(db, actor, {
      sourceReplicaId: replicaIds.get(link.from)!,
      targetReplicaId: replicaIds.get(link.to)!,
      mode: link.mode,
      expectedVolumeGbPerDay: link.expectedVolumeGbPerDay,
    });
  }
  for (const { rules, ...policyInput } of spec.policies) {
    const policy = await createPolicy(db, actor, { ...policyInput, deploymentId: deployment.id });
    for (const { region, ...ruleInput } of rules) {
      await createRule(db, actor, { ...ruleInput, policyId: policy.id, regionId: regionId(region) });
    }
  }
  return { deployment, cluster, replicaIds };
}
