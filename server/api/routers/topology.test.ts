// The model of the estate through the API, as a browser would call it, against real PostgreSQL:
// what operators may do, what viewers may not, and every invariant refused with nothing written.
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { anonymousCaller, auditCountBy, callerAs, deploymentInput, regionInput, unique } from "@/tests/factories";

type Caller = Awaited<ReturnType<typeof callerAs>>["caller"];

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the call should have been refused").toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** A deployment with two regions, a single-primary cluster with its primary, and a policy. */
async function estate(caller: Caller) {
  const deployment = await caller.topology.createDeployment(deploymentInput());
  const east = await caller.topology.createRegion(
    regionInput({ continent: "NORTH_AMERICA", latitude: 39, longitude: -77 }),
  );
  const west = await caller.topology.createRegion(regionInput());
  await caller.topology.addRegion({ deploymentId: deployment.id, regionId: east.id });
  await caller.topology.addRegion({ deploymentId: deployment.id, regionId: west.id });
  const cluster = await caller.topology.createCluster({
    deploymentId: deployment.id,
    name: "db",
    engine: "PostgreSQL",
    writeTopology: "SINGLE_PRIMARY",
    conflictStrategy: "NONE",
    consistencyLevel: "EVENTUAL",
  });
  const primary = await caller.topology.createReplica({
    clusterId: cluster.id,
    regionId: east.id,
    name: "db-east",
    role: "PRIMARY",
  });
  return { deployment, east, west, cluster, primary };
}

const policyInput = (deploymentId: string, overrides: Record<string, unknown> = {}) => ({
  deploymentId,
  name: unique("policy"),
  layer: "DNS" as const,
  product: "ROUTE53" as const,
  steering: "LATENCY" as const,
  dnsTtlSeconds: 60,
  healthCheckIntervalSeconds: 30,
  healthCheckTimeoutSeconds: 10,
  healthCheckFailureThreshold: 3,
  healthCheckProbeLocations: ["us-east-1", "eu-west-1", "ap-southeast-1"],
  healthCheckQuorum: 2,
  ...overrides,
});

describe("topology as an operator", () => {
  let operator: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    operator = await callerAs("OPERATOR");
  });

  it("builds a deployment, regions, a cluster, replicas, a link and routing, each audited", async () => {
    const { caller, actor } = operator;
    const before = await auditCountBy(actor);
    const { deployment, west, cluster, primary } = await estate(caller);
    const replica = await caller.topology.createReplica({
      clusterId: cluster.id,
      regionId: west.id,
      name: "db-west",
      role: "READ_REPLICA",
      endpoint: "db-west:5432",
    });
    const link = await caller.topology.createLink({
      sourceReplicaId: primary.id,
      targetReplicaId: replica.id,
      mode: "ASYNC",
      expectedVolumeGbPerDay: 1000,
    });
    const policy = await caller.topology.createPolicy(policyInput(deployment.id));
    await caller.topology.createRule({
      policyId: policy.id,
      regionId: west.id,
      weight: 40,
      priority: 2,
      geoMatch: [],
      enabled: true,
      drained: false,
    });

    const full = await caller.topology.deployment({ idOrSlug: deployment.slug });
    expect(full.regions).toHaveLength(2);
    expect(full.clusters[0]!.replicas.map((r) => r.name)).toEqual(["db-east", "db-west"]);
    expect(full.clusters[0]!.links[0]).toMatchObject({
      id: link.id,
      clusterId: cluster.id,
      expectedVolumeGbPerDay: 1000,
    });
    expect(full.policies[0]!.rules[0]).toMatchObject({ weight: 40, priority: 2, drained: false });
    // deployment, 2 regions, 2 placements, cluster, 2 replicas, link, policy, rule
    expect((await auditCountBy(actor)) - before).toBe(11);
    const last = await db.auditRecord.findFirst({ where: { actorId: actor.userId }, orderBy: { seq: "desc" } });
    expect(last).toMatchObject({ action: "rule.create", actorEmail: actor.email, objectType: "rule" });
  });

  it("updates with a summary of what changed, before and after", async () => {
    const { caller, actor } = operator;
    const { deployment } = await estate(caller);
    const updated = await caller.topology.updateDeployment({
      id: deployment.id,
      rpoTargetSeconds: 1,
      drModel: "ACTIVE_ACTIVE",
    });
    expect(updated).toMatchObject({ rpoTargetSeconds: 1, drModel: "ACTIVE_ACTIVE", rtoTargetSeconds: 600 });
    const record = await db.auditRecord.findFirst({
      where: { actorId: actor.userId, action: "deployment.update" },
      orderBy: { seq: "desc" },
    });
    expect(record?.summary).toContain("drModel");
    expect(record?.summary).toContain("rpoTargetSeconds");
    expect(record?.before).toMatchObject({ rpoTargetSeconds: 5, drModel: "WARM_STANDBY" });
    expect(record?.after).toMatchObject({ rpoTargetSeconds: 1, drModel: "ACTIVE_ACTIVE" });
  });

  it("deletes something in use only with confirmation, and then cascades", async () => {
    const { caller } = operator;
    const { cluster, primary } = await estate(caller);
    const refused = await refusal(caller.topology.deleteCluster({ id: cluster.id, cascade: false }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toMatch(/still has 1 replicas.*confirm/);
    expect(await db.replica.findUnique({ where: { id: primary.id } })).not.toBeNull();
    await caller.topology.deleteCluster({ id: cluster.id, cascade: true });
    expect(await db.replica.findUnique({ where: { id: primary.id } })).toBeNull();
    expect(await db.databaseCluster.findUnique({ where: { id: cluster.id } })).toBeNull();
  });
});

describe("invariants are refused with the field and the rule, and nothing is written", () => {
  let operator: Awaited<ReturnType<typeof callerAs>>;
  let built: Awaited<ReturnType<typeof estate>>;
  beforeAll(async () => {
    operator = await callerAs("OPERATOR");
    built = await estate(operator.caller);
  });

  async function refusedWithoutWrites(
    call: () => Promise<unknown>,
    expected: { code: string; message: RegExp; field?: string },
  ) {
    const before = await auditCountBy(operator.actor);
    const error = await refusal(call());
    expect(error.code).toBe(expected.code);
    expect(error.message).toMatch(expected.message);
    if (expected.field) {
      const cause = error.cause as { field?: string; issues?: { path: PropertyKey[] }[] } | undefined;
      const fields = cause?.field ? [cause.field] : (cause?.issues ?? []).map((issue) => issue.path.join("."));
      expect(fields).toContain(expected.field);
    }
    expect(await auditCountBy(operator.actor)).toBe(before);
  }

  it("a region code is unique per provider", async () => {
    await refusedWithoutWrites(() => operator.caller.topology.createRegion(regionInput({ code: built.east.code })), {
      code: "CONFLICT",
      message: new RegExp(`code ${built.east.code} already exists`),
      field: "code",
    });
  });

  it("a link never joins a replica to itself", async () => {
    await refusedWithoutWrites(
      () =>
        operator.caller.topology.createLink({
          sourceReplicaId: built.primary.id,
          targetReplicaId: built.primary.id,
          mode: "ASYNC",
          expectedVolumeGbPerDay: 1,
        }),
      { code: "BAD_REQUEST", message: /never a replica to itself/, field: "targetReplicaId" },
    );
  });

  it("a link joins replicas of the same cluster", async () => {
    const other = await operator.caller.topology.createCluster({
      deploymentId: built.deployment.id,
      name: unique("other"),
      engine: "PostgreSQL",
      writeTopology: "SINGLE_PRIMARY",
      conflictStrategy: "NONE",
      consistencyLevel: "STRONG",
    });
    const stranger = await operator.caller.topology.createReplica({
      clusterId: other.id,
      regionId: built.west.id,
      name: "stranger",
      role: "PRIMARY",
    });
    await refusedWithoutWrites(
      () =>
        operator.caller.topology.createLink({
          sourceReplicaId: built.primary.id,
          targetReplicaId: stranger.id,
          mode: "ASYNC",
          expectedVolumeGbPerDay: 1,
        }),
      { code: "BAD_REQUEST", message: /same cluster/, field: "targetReplicaId" },
    );
  });

  it("a single-primary cluster has exactly one primary", async () => {
    await refusedWithoutWrites(
      () =>
        operator.caller.topology.createReplica({
          clusterId: built.cluster.id,
          regionId: built.west.id,
          name: "second-primary",
          role: "PRIMARY",
        }),
      { code: "BAD_REQUEST", message: /already has a primary \(db-east\)/, field: "role" },
    );
    const empty = await operator.caller.topology.createCluster({
      deploymentId: built.deployment.id,
      name: unique("empty"),
      engine: "PostgreSQL",
      writeTopology: "SINGLE_PRIMARY",
      conflictStrategy: "NONE",
      consistencyLevel: "STRONG",
    });
    await refusedWithoutWrites(
      () =>
        operator.caller.topology.createReplica({
          clusterId: empty.id,
          regionId: built.west.id,
          name: "orphan",
          role: "READ_REPLICA",
        }),
      { code: "BAD_REQUEST", message: /first replica must be the primary/, field: "role" },
    );
    await refusedWithoutWrites(
      () => operator.caller.topology.updateReplica({ id: built.primary.id, role: "READ_REPLICA" }),
      { code: "BAD_REQUEST", message: /planned switchover or failover/, field: "role" },
    );
  });

  it("the database itself refuses a second primary, should a bug skip the check", async () => {
    const write = db.replica.create({
      data: {
        clusterId: built.cluster.id,
        deploymentId: built.deployment.id,
        regionId: built.west.id,
        name: "sneaky",
        role: "PRIMARY",
      },
    });
    await expect(write).rejects.toThrow(/Unique constraint/);
  });

  it("a replica's region belongs to its deployment", async () => {
    const elsewhere = await operator.caller.topology.createRegion(regionInput());
    await refusedWithoutWrites(
      () =>
        operator.caller.topology.createReplica({
          clusterId: built.cluster.id,
          regionId: elsewhere.id,
          name: "far-away",
          role: "READ_REPLICA",
        }),
      { code: "BAD_REQUEST", message: /not part of this deployment/, field: "regionId" },
    );
  });

  it("weights are 0-100, health-check numbers in sane ranges", async () => {
    const policy = await operator.caller.topology.createPolicy(policyInput(built.deployment.id));
    await refusedWithoutWrites(
      () =>
        operator.caller.topology.createRule({
          policyId: policy.id,
          regionId: built.west.id,
          weight: 101,
          priority: 1,
          geoMatch: [],
          enabled: true,
          drained: false,
        }),
      { code: "BAD_REQUEST", message: /Weight must be between 0 and 100/, field: "weight" },
    );
    await refusedWithoutWrites(
      () => operator.caller.topology.createPolicy(policyInput(built.deployment.id, { healthCheckIntervalSeconds: 1 })),
      {
        code: "BAD_REQUEST",
        message: /Health check interval must be at least 5 s for AWS Route 53/,
        field: "healthCheckIntervalSeconds",
      },
    );
    // The lab's router probes every second, with a timeout under it.
    const everySecond = await operator.caller.topology.createPolicy(
      policyInput(built.deployment.id, {
        product: "LAB",
        layer: "ANYCAST_PROXY",
        healthCheckIntervalSeconds: 1,
        healthCheckTimeoutSeconds: 0.8,
      }),
    );
    expect([everySecond.healthCheckIntervalSeconds, everySecond.healthCheckTimeoutSeconds]).toEqual([1, 0.8]);
    await refusedWithoutWrites(
      () => operator.caller.topology.updatePolicy({ id: everySecond.id, product: "CLOUDFLARE_LB" }),
      { code: "BAD_REQUEST", message: /at least 5 s for Cloudflare LB/, field: "healthCheckIntervalSeconds" },
    );
    await refusedWithoutWrites(
      () => operator.caller.topology.createPolicy(policyInput(built.deployment.id, { healthCheckQuorum: 4 })),
      {
        code: "BAD_REQUEST",
        message: /Quorum must be at most the number of probe locations \(3\)/,
        field: "healthCheckQuorum",
      },
    );
    await refusedWithoutWrites(
      () => operator.caller.topology.updatePolicy({ id: policy.id, healthCheckTimeoutSeconds: 45 }),
      { code: "BAD_REQUEST", message: /shorter than the health check interval/, field: "healthCheckTimeoutSeconds" },
    );
    await refusedWithoutWrites(
      () =>
        operator.caller.topology.createPolicy(
          policyInput(built.deployment.id, { product: "CLOUDFLARE_LB", layer: "DNS" }),
        ),
      { code: "BAD_REQUEST", message: /Cloudflare LB works at the Anycast proxy layer/, field: "layer" },
    );
  });

  it("malformed input names the field", async () => {
    await refusedWithoutWrites(
      () => operator.caller.topology.createRegion({ ...regionInput(), latitude: "north" as unknown as number }),
      { code: "BAD_REQUEST", message: /Latitude must be a number/, field: "latitude" },
    );
    await refusedWithoutWrites(() => operator.caller.topology.createRegion(regionInput({ code: "US East 1" })), {
      code: "BAD_REQUEST",
      message: /Code may hold lower-case letters/,
      field: "code",
    });
    await refusedWithoutWrites(
      () => operator.caller.topology.createDeployment(deploymentInput({ drModel: "HOT_SPARE" })),
      { code: "BAD_REQUEST", message: /DR model must be Backup & restore, Pilot light/, field: "drModel" },
    );
    await refusedWithoutWrites(
      () => operator.caller.topology.updateRegion({ id: built.east.id, colour: "red" } as never),
      { code: "BAD_REQUEST", message: /colour/ },
    );
  });

  it("a region in use is not deleted, and the reason names its users", async () => {
    await refusedWithoutWrites(() => operator.caller.topology.deleteRegion({ id: built.east.id }), {
      code: "CONFLICT",
      message: new RegExp(`used by ${built.deployment.name}`),
    });
    await refusedWithoutWrites(
      () =>
        operator.caller.topology.removeRegion({
          deploymentId: built.deployment.id,
          regionId: built.east.id,
          cascade: true,
        }),
      { code: "PRECONDITION_FAILED", message: /holds a primary replica/ },
    );
  });
});

describe("who may call what", () => {
  it("a viewer reads the model but every edit is refused and writes nothing", async () => {
    const { caller: viewer, actor } = await callerAs("VIEWER");
    expect(Array.isArray(await viewer.topology.deployments())).toBe(true);
    const before = await auditCountBy(actor);
    const input = regionInput();
    const error = await refusal(viewer.topology.createRegion(input));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toMatch(/needs the operator role; you are viewer/);
    expect(await db.region.findFirst({ where: { code: input.code } })).toBeNull();
    expect(await auditCountBy(actor)).toBe(before);
  });

  it("an approver cannot edit the model either", async () => {
    const { caller } = await callerAs("APPROVER");
    expect((await refusal(caller.topology.createDeployment(deploymentInput()))).code).toBe("FORBIDDEN");
  });

  it("without a session nothing but `me` answers", async () => {
    const anonymous = anonymousCaller();
    expect(await anonymous.identity.me()).toBeNull();
    expect((await refusal(anonymous.topology.deployments())).code).toBe("UNAUTHORIZED");
    expect((await refusal(anonymous.audit.verify())).code).toBe("UNAUTHORIZED");
  });

  it("the role check runs before input is parsed, so a viewer learns nothing from validation", async () => {
    const { caller } = await callerAs("VIEWER");
    expect((await refusal(caller.topology.createRegion({} as never))).code).toBe("FORBIDDEN");
  });
});
