// Builds a large deployment through the API, as an operator would (one tRPC call per region,
// component, cluster, replica, link, policy and rule), shaped like the estates the graph was
// measured on: per 7 nodes about one region, 4.5 stack components and 1.5 replicas, one routing
// policy over every region. Replicas come in clusters of three regions (a primary with a local
// read replica, feeding two other regions, every other one cascading to a fifth replica).
// Used by `npm run bench:graph` and the e2e test of a large graph.

/** Calls one tRPC mutation and returns its output; throws with the answer when refused. */
export type Mutate = (path: string, input: unknown) => Promise<{ id: string } & Record<string, unknown>>;

export type BuiltEstate = {
  slug: string;
  deploymentId: string;
  nodes: number;
  regions: { id: string; code: string }[];
  clusters: number;
  links: number;
};

async function inParallel<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await task(items[index]!, index);
      }
    }),
  );
}

const KINDS = ["COMPUTE", "DATABASE", "CACHE", "OBJECT_STORAGE", "CDN"] as const;

export async function buildEstate(
  mutate: Mutate,
  { nodes, tag }: { nodes: number; tag: string },
): Promise<BuiltEstate> {
  const regionCount = Math.max(3, Math.round(nodes / 7.03));
  const slug = `graph-${tag}`;
  const deployment = await mutate("topology.createDeployment", {
    slug,
    name: `Graph of ${nodes} (${tag})`,
    description: "Generated for the graph's scale benchmark",
    drModel: "WARM_STANDBY",
    rtoTargetSeconds: 600,
    rpoTargetSeconds: 5,
    availabilityTargetPct: 99.9,
  });
  const regions: { id: string; code: string }[] = new Array(regionCount);
  await inParallel([...Array(regionCount).keys()], 6, async (i) => {
    const code = `reg-${tag}-${String(i).padStart(3, "0")}`;
    const region = await mutate("topology.createRegion", {
      provider: "LAB",
      code,
      displayName: `Lab ${tag} ${i}`,
      continent: "EUROPE",
      latitude: -60 + ((i * 37) % 120),
      longitude: -170 + ((i * 53) % 340),
    });
    await mutate("topology.addRegion", { deploymentId: deployment.id, regionId: region.id });
    regions[i] = { id: region.id, code };
  });

  // 4 or 5 components per region (4.5 on average).
  const components = regions.flatMap((region, r) =>
    KINDS.slice(0, r % 2 === 0 ? 4 : 5).map((kind) => ({ region, kind })),
  );
  await inParallel(components, 6, async ({ region, kind }) => {
    await mutate("topology.createStackComponent", {
      deploymentId: deployment.id,
      regionId: region.id,
      kind,
      tier: "FULL",
      instanceCount: 2,
      instanceSize: "large",
    });
  });

  const clusterCount = Math.floor(regionCount / 3);
  let links = 0;
  await inParallel([...Array(clusterCount).keys()], 4, async (c) => {
    const [home, second, third] = [regions[3 * c]!, regions[3 * c + 1]!, regions[3 * c + 2]!];
    const cluster = await mutate("topology.createCluster", {
      deploymentId: deployment.id,
      name: `db-${tag}-${c}`,
      engine: "PostgreSQL 18",
      writeTopology: "SINGLE_PRIMARY",
      conflictStrategy: "NONE",
      consistencyLevel: "EVENTUAL",
    });
    const replica = (region: { id: string }, name: string, role: string) =>
      mutate("topology.createReplica", { clusterId: cluster.id, regionId: region.id, name, role });
    const link = async (source: { id: string }, target: { id: string }) => {
      await mutate("topology.createLink", {
        sourceReplicaId: source.id,
        targetReplicaId: target.id,
        mode: "ASYNC",
        expectedVolumeGbPerDay: 10,
      });
      links++;
    };
    const primary = await replica(home, `db${c}-${tag}-a`, "PRIMARY");
    const local = await replica(home, `db${c}-${tag}-b`, "READ_REPLICA");
    const far = await replica(second, `db${c}-${tag}-c`, "READ_REPLICA");
    const farther = await replica(third, `db${c}-${tag}-d`, "READ_REPLICA");
    await link(primary, local);
    await link(primary, far);
    await link(primary, farther);
    if (c % 2 === 0) await link(far, await replica(third, `db${c}-${tag}-e`, "READ_REPLICA"));
  });

  const policy = await mutate("topology.createPolicy", {
    deploymentId: deployment.id,
    name: `edge-${tag}`,
    layer: "DNS",
    product: "ROUTE53",
    steering: "LATENCY",
    dnsTtlSeconds: 60,
    // Fast checks (a 2 s timeout inside a 5 s interval), so an outage turns its region DOWN within
    // 15 s (interval x failures).
    healthCheckIntervalSeconds: 5,
    healthCheckTimeoutSeconds: 2,
    healthCheckFailureThreshold: 3,
    healthCheckProbeLocations: ["us-east-1", "eu-west-1", "ap-southeast-1"],
    healthCheckQuorum: 2,
  });
  await inParallel(regions, 6, async (region, i) => {
    await mutate("topology.createRule", { policyId: policy.id, regionId: region.id, weight: 100, priority: i + 1 });
  });

  const replicas = clusterCount * 4 + Math.ceil(clusterCount / 2);
  return {
    slug,
    deploymentId: deployment.id,
    nodes: regionCount + components.length + replicas + 1,
    regions,
    clusters: clusterCount,
    links,
  };
}
