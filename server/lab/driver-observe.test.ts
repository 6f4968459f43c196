// Integration: the postgres driver observing a small lab (2 real servers, streaming replication
// through a link relay, probes from 2 locations through probe relays) through Meridian's own
// observation tick: samples, alerts and snapshots as for any deployment. Faults are injected as an
// operator does (the API's domain function) and acted out on the lab by the driver's session.
import { randomUUID } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { LiveSnapshot } from "@/lib/telemetry/contracts";
import type { DemoDeployment } from "@/prisma/seed/demo-deployments";
import { seedDeployment, seedRegions } from "@/prisma/seed/seed-estate";
import { db } from "@/server/db";
import { registerDirectoryResolver } from "@/server/domain/driver-sessions/server-directory";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";
import { clearFault, injectFault } from "@/server/domain/telemetry/faults";
import { observeDeployment } from "@/server/domain/telemetry/observe/observe-tick";
import { latestSnapshot } from "@/server/domain/telemetry/snapshot";
import { closeAllPools } from "@/server/drivers/postgres";
import { makeUser } from "@/tests/factories";
import { eventually, expectNothingRunning, labRoot } from "@/tests/lab";

import { directoryFromStatus, inProcessLab } from "./driver-directory";
import { LabDeployment } from "./lab-deployment";
import type { LabDeploymentSpec } from "./spec";
import { withClient } from "./sql";

const tag = randomUUID().slice(0, 8);
const root = labRoot();
const PASSWORD = "lab-driver-test";
let lab: LabDeployment;
let deploymentId: string;
let linkId: string;
let standbyRegionId: string;
let standbyId: string;
const pids = new Set<number>();
const ports = new Set<number>();

async function seedLabDeployment(): Promise<LabDeploymentSpec> {
  const codes = [`us-east-1-${tag}`, `eu-west-1-${tag}`];
  const regionIds = await seedRegions(db, SYSTEM_ACTOR, {
    us: {
      provider: "LAB",
      code: codes[0]!,
      displayName: "Lab US",
      continent: "NORTH_AMERICA",
      latitude: 38.9,
      longitude: -77.4,
    },
    eu: {
      provider: "LAB",
      code: codes[1]!,
      displayName: "Lab EU",
      continent: "EUROPE",
      latitude: 53.3,
      longitude: -6.3,
    },
  });
  const spec = {
    deployment: {
      slug: `lab-driver-${tag}`,
      name: `Lab driver ${tag}`,
      description: "",
      drModel: "WARM_STANDBY",
      rtoTargetSeconds: 60,
      rpoTargetSeconds: 2,
      availabilityTargetPct: 99.9,
    },
    regions: [
      { region: "us", stack: [] },
      { region: "eu", stack: [] },
    ],
    cluster: {
      name: "main",
      engine: "PostgreSQL",
      writeTopology: "SINGLE_PRIMARY",
      conflictStrategy: "NONE",
      consistencyLevel: "EVENTUAL",
      replicas: [
        { name: "pg-us", region: "us", role: "PRIMARY" },
        { name: "pg-eu", region: "eu", role: "READ_REPLICA" },
      ],
      links: [{ from: "pg-us", to: "pg-eu", mode: "ASYNC", expectedVolumeGbPerDay: 1 }],
    },
    policies: [
      {
        name: "front",
        layer: "ANYCAST_PROXY",
        product: "LAB",
        steering: "FAILOVER",
        dnsTtlSeconds: 30,
        healthCheckIntervalSeconds: 5,
        healthCheckTimeoutSeconds: 1,
        healthCheckFailureThreshold: 2,
        healthCheckProbeLocations: codes,
        healthCheckQuorum: 2,
        rules: [
          { region: "us", weight: 100, priority: 1, geoMatch: [], enabled: true, drained: false },
          { region: "eu", weight: 100, priority: 2, geoMatch: [], enabled: true, drained: false },
        ],
      },
    ],
  } as unknown as DemoDeployment;
  const { deployment } = await seedDeployment(db, SYSTEM_ACTOR, spec, regionIds);
  deploymentId = deployment.id;
  await db.deployment.update({ where: { id: deploymentId }, data: { driverKind: "lab" } });
  const model = await db.deployment.findUniqueOrThrow({
    where: { id: deploymentId },
    include: {
      regions: { include: { region: true } },
      clusters: { include: { replicas: true, links: true } },
      policies: { include: { rules: true } },
    },
  });
  const cluster = model.clusters[0]!;
  const code = (regionId: string) => model.regions.find((r) => r.regionId === regionId)!.region.code;
  const nameOf = (id: string) => cluster.replicas.find((r) => r.id === id)!.name;
  linkId = cluster.links[0]!.id;
  const standby = cluster.replicas.find((r) => r.role === "READ_REPLICA")!;
  standbyId = standby.id;
  standbyRegionId = standby.regionId;
  return {
    slug: model.slug,
    regions: model.regions.map(({ region }) => ({
      code: region.code,
      latitude: region.latitude,
      longitude: region.longitude,
    })),
    clusters: [
      {
        id: cluster.id,
        name: cluster.name,
        writeTopology: "SINGLE_PRIMARY",
        replicas: cluster.replicas.map((r) => ({ id: r.id, name: r.name, region: code(r.regionId), role: r.role })),
        links: cluster.links.map((l) => ({
          id: l.id,
          source: nameOf(l.sourceReplicaId),
          target: nameOf(l.targetReplicaId),
        })),
      },
    ],
    policies: model.policies.map((p) => ({
      id: p.id,
      name: p.name,
      steering: p.steering,
      healthCheck: {
        intervalSeconds: p.healthCheckIntervalSeconds,
        timeoutSeconds: p.healthCheckTimeoutSeconds,
        failureThreshold: p.healthCheckFailureThreshold,
        probeLocations: p.healthCheckProbeLocations,
        quorum: p.healthCheckQuorum,
      },
      rules: p.rules.map((r) => ({
        id: r.id,
        region: code(r.regionId),
        weight: r.weight,
        priority: r.priority,
        enabled: r.enabled,
        drained: r.drained,
      })),
    })),
  };
}

async function remember() {
  for (const server of await lab.serverStatus()) {
    if (server.pid) pids.add(server.pid);
    if (server.port) ports.add(server.port);
  }
  for (const item of [...lab.routerStatus(), ...lab.linkStatus(), ...lab.probeStatus()])
    if (item.port) ports.add(item.port);
}

/** Writes on the primary while `writing` (a steady stream of ~100 rows/s with some padding). */
let writing = false;
let writer: Promise<void> | null = null;
function startWrites() {
  writing = true;
  const primary = [...lab.clusters.values()][0]!.servers.get("pg-us")!.server;
  writer = withClient(primary.endpoint(), async (client) => {
    await client.query("create table if not exists load (id bigserial primary key, pad text)");
    while (writing) {
      await client.query("insert into load (pad) select repeat('x', 500) from generate_series(1, 10)");
      await sleep(100);
    }
  });
}
async function stopWrites() {
  writing = false;
  await writer;
}

const options = { intervalMs: 1000, lagAlertAfterSeconds: 1 };
/** One observation tick now (ticks are due every interval; we pace them). */
async function tick(): Promise<LiveSnapshot> {
  await sleep(550);
  await observeDeployment(db, deploymentId, Date.now(), options);
  return (await latestSnapshot(db, deploymentId))!.snapshot;
}
async function until(check: (s: LiveSnapshot) => boolean, what: string, timeoutMs = 30_000): Promise<LiveSnapshot> {
  return eventually(
    async () => {
      const s = await tick();
      if (!check(s))
        throw new Error(JSON.stringify({ links: s.links, servers: s.servers, regions: s.regions, alerts: s.alerts }));
      return s;
    },
    { timeoutMs, what },
  );
}
const lagOf = (s: LiveSnapshot) => s.links.find((l) => l.linkId === linkId);

beforeAll(async () => {
  const spec = await seedLabDeployment();
  lab = new LabDeployment(spec, { root, password: PASSWORD, db, workload: { start: false } });
  await lab.up();
  await remember();
  const actions = inProcessLab(lab);
  registerDirectoryResolver("lab", async (_db, _id, topology) =>
    directoryFromStatus(await actions.status(), topology, actions),
  );
}, 120_000);

afterAll(async () => {
  await stopWrites();
  await remember();
  await closeAllPools();
  await lab?.down();
  await expectNothingRunning([...pids], [...ports]);
  rmSync(root, { recursive: true, force: true });
}, 120_000);

describe("the postgres driver on the lab", () => {
  it("shows lag under write load through a slowed link, and sees it drain when the writes stop", async () => {
    const operator = await makeUser("OPERATOR");
    const first = await tick();
    expect(first.measured).toBe(true);
    expect(first.servers?.map((s) => [s.reachable, s.inRecovery])).toEqual([
      [true, false],
      [true, true],
    ]);
    expect(first.regions.every((r) => r.totalProbes === 2 && r.healthyProbes === 2)).toBe(true);
    const slow = await injectFault(db, operator, {
      deploymentId,
      kind: "ADDED_LATENCY",
      target: { linkId },
      params: { addedLatencyMs: 1500 },
    });
    startWrites();
    const loaded = await until((s) => (lagOf(s)?.lagBytes ?? 0) > 20_000, "lag under load");
    expect(loaded.servers?.find((s) => s.replicaId === standbyId)?.atRisk?.bytes).toBeGreaterThan(0);
    expect(loaded.lagUnknown).toEqual([]);
    await stopWrites();
    await clearFault(db, operator, { faultId: slow.id });
    await until((s) => lagOf(s)?.lagBytes === 0 && lagOf(s)?.lagMs === 0, "the lag draining");
  });

  it("a cut link raises the lag and opens an alert; restoring it drains the lag and resolves the alert", async () => {
    const operator = await makeUser("OPERATOR");
    const cut = await injectFault(db, operator, { deploymentId, kind: "LINK_PARTITION", target: { linkId } });
    startWrites();
    const alerted = await until(
      (s) => s.alerts.some((a) => a.kind === "LAG_OVER_RPO" && a.targetId === linkId),
      "the lag alert",
    );
    expect(lagOf(alerted)!.lagMs).toBeGreaterThan(2000);
    expect(lab.linkStatus()[0]!.conditions.cut).toBe("refuse");
    await stopWrites();
    await clearFault(db, operator, { faultId: cut.id });
    const drained = await until(
      (s) => lagOf(s)?.lagBytes === 0 && s.alerts.length === 0,
      "the lag draining after restore",
    );
    expect(drained.links[0]!.overRpo).toBe(false);
    expect(lab.linkStatus()[0]!.conditions.cut).toBeNull();
  });

  it("a stopped server is reported down by a quorum of probes, with its error, and comes back", async () => {
    const operator = await makeUser("OPERATOR");
    const outage = await injectFault(db, operator, {
      deploymentId,
      kind: "REGION_OUTAGE",
      target: { regionId: standbyRegionId },
    });
    const down = await until(
      (s) => s.regions.find((r) => r.regionId === standbyRegionId)?.status === "DOWN",
      "the region down",
    );
    const standby = down.servers!.find((s) => s.replicaId === standbyId)!;
    expect(standby.reachable).toBe(false);
    expect(standby.error).toMatch(/ECONNREFUSED|connect/);
    expect(down.alerts.some((a) => a.kind === "REGION_DOWN")).toBe(true);
    // Its slot on the primary still measures what it misses: never a zero for lack of an answer.
    expect(lagOf(down)).toBeDefined();
    await clearFault(db, operator, { faultId: outage.id });
    await until(
      (s) =>
        s.servers?.find((x) => x.replicaId === standbyId)?.reachable === true &&
        s.regions.every((r) => r.status === "HEALTHY") &&
        s.alerts.length === 0,
      "the server back",
    );
    await remember();
  });

  it("an outage asked as a clean shutdown stops the server cleanly, an unplanned one kills it; clearing starts it", async () => {
    const operator = await makeUser("OPERATOR");
    const standbyServer = [...lab.clusters.values()][0]!.servers.get("pg-eu")!.server;
    const pidFile = path.join(standbyServer.pgdata, "postmaster.pid");
    for (const [clean, summary, pidFileLeft] of [
      [1, "clean shutdown", false],
      [0, "unplanned, kill -9", true],
    ] as const) {
      const outage = await injectFault(db, operator, {
        deploymentId,
        kind: "REGION_OUTAGE",
        target: { regionId: standbyRegionId },
        params: { clean },
      });
      expect(outage.summary).toContain(`(${summary})`);
      await until((s) => s.servers?.find((x) => x.replicaId === standbyId)?.reachable === false, "the server stopped");
      await eventually(async () => expect(standbyServer.running).toBe(false), { what: "the postmaster gone" });
      // A fast shutdown removes its pid file; kill -9 leaves it behind, as a crash would.
      expect(existsSync(pidFile)).toBe(pidFileLeft);
      await clearFault(db, operator, { faultId: outage.id });
      await until((s) => s.servers?.find((x) => x.replicaId === standbyId)?.reachable === true, "the server back");
      await remember();
    }
  });
});
