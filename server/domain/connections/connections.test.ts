// Integration: a `postgres` deployment made through the API as the Model tab makes it, pointing at
// real PostgreSQL servers this test starts (a primary and a hot standby from the lab's own code,
// reached directly, as servers run elsewhere would be). Its details are stored with the password
// sealed, tested with `select 1`, and observed by the postgres driver through Meridian's own tick:
// health from each probe location of its policy, the standby's lag. No answer of the API, no audit
// record and no raw column holds the password.
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";

import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { appRouter } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { db } from "@/server/db";
import { observeDeployment } from "@/server/domain/telemetry/observe/observe-tick";
import { closeAllPools } from "@/server/drivers/postgres";
import { LabDeployment } from "@/server/lab/lab-deployment";
import { freePort } from "@/server/lab/ports";
import type { SinglePrimaryCluster } from "@/server/lab/single-primary";
import { callerAs, deploymentInput, regionInput, unique } from "@/tests/factories";
import { eventually, expectNothingRunning, labRoot, smallLab } from "@/tests/lab";

type Caller = Awaited<ReturnType<typeof callerAs>>["caller"];

const tag = randomUUID().slice(0, 8);
const root = labRoot();
const PASSWORD = `elsewhere-${randomUUID()}`;
let lab: LabDeployment;
let operator: Caller;
let viewer: Caller;
let deploymentId: string;
let primaryId: string;
let standbyId: string;
let linkId: string;
const endpoints: { host: string; port: number; user: string; database: string }[] = [];
const pids = new Set<number>();
const ports = new Set<number>();
const answers: unknown[] = [];

/** Keeps every answer of the API, to look for the password in all of them at the end. */
const kept = <T>(value: T): T => {
  answers.push(value);
  return value;
};

async function refusedAs(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const shape = getTRPCErrorShape({
    config: appRouter._def._config,
    error: error as TRPCError,
    type: "mutation",
    path: "test",
    input: undefined,
    ctx: createInnerContext(null),
  }) as { message: string; data: { code: string; fieldErrors: Record<string, string> | null } };
  return { message: shape.message, code: shape.data.code, fieldErrors: shape.data.fieldErrors };
}

async function remember() {
  for (const server of await lab.serverStatus()) {
    if (server.pid) pids.add(server.pid);
    if (server.port) ports.add(server.port);
  }
  for (const item of [...lab.linkStatus(), ...lab.probeStatus(), ...lab.routerStatus()])
    if (item.port) ports.add(item.port);
}

const details = (replicaId: string, index: number, overrides: Record<string, unknown> = {}) => ({
  replicaId,
  ...endpoints[index]!,
  password: PASSWORD,
  sslMode: "disable" as const,
  ...overrides,
});

beforeAll(async () => {
  lab = new LabDeployment(smallLab(`elsewhere-${tag}`, 2), { root, password: PASSWORD, workload: { start: false } });
  await lab.up();
  await remember();
  const cluster = [...lab.clusters.values()][0] as SinglePrimaryCluster;
  for (const name of ["pg-us-east-1", "pg-eu-west-1"]) {
    const { host, port, user, database } = cluster.servers.get(name)!.server.endpoint();
    endpoints.push({ host, port, user, database });
  }

  operator = (await callerAs("OPERATOR")).caller;
  viewer = (await callerAs("VIEWER")).caller;
  const deployment = kept(await operator.topology.createDeployment({ ...deploymentInput(), driverKind: "postgres" }));
  expect(deployment.driverKind).toBe("postgres");
  deploymentId = deployment.id;
  const east = await operator.topology.createRegion(
    regionInput({ continent: "NORTH_AMERICA", latitude: 39, longitude: -77 }),
  );
  const west = await operator.topology.createRegion(regionInput());
  for (const region of [east, west]) await operator.topology.addRegion({ deploymentId, regionId: region.id });
  const dbCluster = await operator.topology.createCluster({
    deploymentId,
    name: "orders",
    engine: "PostgreSQL",
    writeTopology: "SINGLE_PRIMARY",
    conflictStrategy: "NONE",
    consistencyLevel: "EVENTUAL",
  });
  const primary = await operator.topology.createReplica({
    clusterId: dbCluster.id,
    regionId: east.id,
    name: "orders-east",
    role: "PRIMARY",
  });
  const standby = await operator.topology.createReplica({
    clusterId: dbCluster.id,
    regionId: west.id,
    name: "orders-west",
    role: "READ_REPLICA",
  });
  primaryId = primary.id;
  standbyId = standby.id;
  const link = await operator.topology.createLink({
    sourceReplicaId: primary.id,
    targetReplicaId: standby.id,
    mode: "ASYNC",
    expectedVolumeGbPerDay: 1,
  });
  linkId = link.id;
  const policy = await operator.topology.createPolicy({
    deploymentId,
    name: unique("front"),
    layer: "DNS",
    product: "ROUTE53",
    steering: "FAILOVER",
    dnsTtlSeconds: 60,
    healthCheckIntervalSeconds: 10,
    healthCheckTimeoutSeconds: 2,
    healthCheckFailureThreshold: 3,
    healthCheckProbeLocations: ["probe-a", "probe-b"],
    healthCheckQuorum: 2,
  });
  for (const [index, region] of [east, west].entries())
    await operator.topology.createRule({ policyId: policy.id, regionId: region.id, weight: 100, priority: index + 1 });
}, 120_000);

afterAll(async () => {
  await remember();
  await closeAllPools();
  await lab?.down();
  await expectNothingRunning([...pids], [...ports]);
  rmSync(root, { recursive: true, force: true });
}, 120_000);

describe("a postgres deployment pointing at servers run elsewhere", () => {
  it("refuses bad details in the form's words, viewers, and deployments that are not postgres", async () => {
    const badPort = await refusedAs(operator.connections.save(details(primaryId, 0, { port: 70_000 })));
    expect(badPort.fieldErrors).toEqual({ port: "Port must be between 1 and 65,535" });
    const badHost = await refusedAs(operator.connections.save(details(primaryId, 0, { host: "db host!" })));
    expect(badHost.fieldErrors?.host).toMatch(/^Host must be a host name or an IP address/);
    const badTls = await refusedAs(operator.connections.save(details(primaryId, 0, { sslMode: "prefer" })));
    expect(badTls.fieldErrors?.sslMode).toBe("TLS mode must be disable, require or verify-full");
    const noPassword = await refusedAs(operator.connections.save(details(primaryId, 0, { password: "" })));
    expect(noPassword.fieldErrors).toEqual({ password: expect.stringMatching(/^Password is required/) });
    expect((await refusedAs(viewer.connections.save(details(primaryId, 0)))).code).toBe("FORBIDDEN");
    expect((await refusedAs(viewer.connections.test(details(primaryId, 0)))).code).toBe("FORBIDDEN");

    const sim = await operator.topology.createDeployment(deploymentInput());
    expect(sim.driverKind).toBe("sim");
    const refused = await refusedAs(
      operator.topology.updateDeployment({ id: sim.id, driverKind: "postgres" } as never),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(await db.replicaConnection.count({ where: { deploymentId } })).toBe(0);
  });

  it("stores the details with the password sealed, tests them, and never answers with the password", async () => {
    const before = kept(await operator.connections.test(details(primaryId, 0)));
    expect(before.ok).toBe(true);
    expect(before.sentence).toMatch(
      /^Connected to 127\.0\.0\.1:\d+ as \w+ in [\d.]+ m?s: PostgreSQL 18\.\d+, a primary/,
    );

    for (const [index, replicaId] of [primaryId, standbyId].entries()) {
      const view = kept(await operator.connections.save(details(replicaId, index)));
      expect(view).toMatchObject({ replicaId, port: endpoints[index]!.port, passwordSet: true, sslMode: "disable" });
      expect(view).not.toHaveProperty("password");
    }
    const raw = await db.$queryRaw<{ passwordEncrypted: string }[]>`
      select "passwordEncrypted" from "ReplicaConnection" where "deploymentId" = ${deploymentId}`;
    expect(raw).toHaveLength(2);
    for (const row of raw) {
      expect(row.passwordEncrypted).toMatch(/^v1\./);
      expect(row.passwordEncrypted).not.toContain(PASSWORD);
    }

    // The stored password is used when the form leaves it empty; a changed field is tried as typed.
    const standby = kept(await operator.connections.test(details(standbyId, 1, { password: "" })));
    expect(standby).toMatchObject({ ok: true, sentence: expect.stringMatching(/a standby \(in recovery\)\.$/) });
    const wrong = kept(await operator.connections.test(details(primaryId, 0, { password: "not-it" })));
    expect(wrong.ok).toBe(false);
    expect(wrong.sentence).toMatch(
      /^Could not connect to 127\.0\.0\.1:\d+: the server refused user \w+ with this password/,
    );
    const closed = kept(await operator.connections.test(details(primaryId, 0, { port: await freePort() })));
    expect(closed.sentence).toMatch(/nothing accepts connections on port \d+ there\.$/);

    // Changing the port only: the password stays, the audit names the field.
    const moved = kept(await operator.connections.save(details(primaryId, 0, { password: "", database: "postgres" })));
    expect(moved.database).toBe("postgres");
    kept(await operator.connections.save(details(primaryId, 0, { password: "" })));
    const audit = await db.auditRecord.findMany({
      where: { objectType: "ReplicaConnection", objectId: { in: [primaryId, standbyId] } },
      orderBy: { seq: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "connection.create",
      "connection.create",
      "connection.update",
      "connection.update",
    ]);
    expect(audit[2]!.summary).toBe("changed the connection details of replica orders-east: database");
    expect(audit[0]!.summary).toMatch(/host, port, database, user, tls mode, password$/);
    expect(audit[0]!.after).toMatchObject({ passwordChanged: true });
    const sealed = raw.map((r) => r.passwordEncrypted);
    for (const record of audit) {
      const text = JSON.stringify({ summary: record.summary, before: record.before, after: record.after });
      expect(text).not.toContain(PASSWORD);
      for (const value of sealed) expect(text).not.toContain(value);
    }

    kept(await viewer.connections.list({ deploymentId }));
    kept(await operator.topology.deployment({ idOrSlug: deploymentId }));
  });

  it("is observed by the postgres driver: health from each probe location and the standby's lag", async () => {
    const snapshot = await eventually(
      async () => {
        await observeDeployment(db, deploymentId, Date.now(), { intervalMs: 1000, lagAlertAfterSeconds: 5 });
        const s = kept(await viewer.telemetry.snapshot({ deploymentId }))!;
        expect(s.lagUnknown ?? []).toEqual([]);
        expect(s.links.find((l) => l.linkId === linkId)).toBeDefined();
        return s;
      },
      { what: "an observation with the standby's lag" },
    );
    expect(snapshot.measured).toBe(true);
    expect(snapshot.servers?.map((s) => [s.replicaId, s.reachable, s.inRecovery])).toEqual(
      expect.arrayContaining([
        [primaryId, true, false],
        [standbyId, true, true],
      ]),
    );
    expect(snapshot.regions.map((r) => [r.totalProbes, r.healthyProbes])).toEqual([
      [2, 2],
      [2, 2],
    ]);
    expect(snapshot.links.find((l) => l.linkId === linkId)!.lagBytes).toBeGreaterThanOrEqual(0);
  });

  it("reports a replica whose sealed password was moved onto it as unreachable, with the reason", async () => {
    const [primary] = await db.replicaConnection.findMany({ where: { replicaId: primaryId } });
    await db.replicaConnection.update({
      where: { replicaId: standbyId },
      data: { passwordEncrypted: primary!.passwordEncrypted },
    });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await observeDeployment(db, deploymentId, Date.now(), { intervalMs: 1000, lagAlertAfterSeconds: 5 });
    const s = kept(await viewer.telemetry.snapshot({ deploymentId }))!;
    const standby = s.servers?.find((x) => x.replicaId === standbyId);
    expect(standby?.reachable).toBe(false);
    expect(standby?.error).toMatch(/does not verify/);
  });

  it("no answer of the API held the password", () => {
    expect(answers.length).toBeGreaterThan(8);
    expect(JSON.stringify(answers)).not.toContain(PASSWORD);
  });
});
