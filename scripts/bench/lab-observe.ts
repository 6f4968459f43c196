// `npm run bench:lab-observe`: how true and how quick the postgres driver's observation of the lab is.
// Starts the seeded "Region lab" (3 real servers: a primary and two standbys streaming through link
// relays with the distance's delay, probe relays from 3 locations) in a temporary folder, writes on
// the primary (~50 rows/s of 500 bytes, as the workload does), and for each observation reads the
// lag directly from the primary's pg_stat_replication at the same instant:
//   - the difference between the lag the driver reports and the direct one, in bytes
//     (pg_current_wal_lsn() - replay_lsn) and in time (replay_lag), median and p95;
//   - how long one observation of the whole lab takes (3 servers read, 3 x 3 probes), p50 and p95.
// The console stores the driver's lag (assess.effectiveLagMs keeps the larger of it and the backlog
// over the link's expected volume, which is the same bytes).
//   npm run bench:lab-observe -- [observations=60]
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { LAB_DEPLOYMENTS, LAB_REGIONS } from "@/prisma/seed/lab-deployments";
import { closeAllPools, PostgresDriver } from "@/server/drivers/postgres";
import type { DeploymentTopology } from "@/server/drivers/types";
import { directoryFromStatus, inProcessLab } from "@/server/lab/driver-directory";
import { Lab } from "@/server/lab/lab";
import type { LabDeploymentSpec } from "@/server/lab/spec";
import { queryRows, withClient } from "@/server/lab/sql";

import { quantile } from "./bench-database";

const OBSERVATIONS = Number(process.argv[2] ?? 60);
const log = (line: string) => console.log(`[bench:lab-observe] ${line}`);

/** The seeded Region lab, with the model's ids made from its names (replicas, links, regions). */
function seeded(): { spec: LabDeploymentSpec; topology: DeploymentTopology } {
  const seed = LAB_DEPLOYMENTS[0]!;
  const code = (key: keyof typeof LAB_REGIONS) => LAB_REGIONS[key].code;
  const policies = seed.policies.map((policy) => ({
    id: policy.name,
    name: policy.name,
    steering: policy.steering,
    healthCheck: {
      intervalSeconds: policy.healthCheckIntervalSeconds,
      timeoutSeconds: policy.healthCheckTimeoutSeconds,
      failureThreshold: policy.healthCheckFailureThreshold,
      probeLocations: policy.healthCheckProbeLocations,
      quorum: policy.healthCheckQuorum,
    },
    rules: policy.rules.map((rule, i) => ({ ...rule, id: `${policy.name}-${i}`, region: code(rule.region) })),
  }));
  const spec: LabDeploymentSpec = {
    slug: seed.deployment.slug,
    regions: seed.regions.map(({ region }) => ({ ...LAB_REGIONS[region], code: code(region) })),
    clusters: [
      {
        id: "cluster",
        name: seed.cluster.name,
        writeTopology: seed.cluster.writeTopology,
        replicas: seed.cluster.replicas.map((r) => ({ ...r, id: r.name, region: code(r.region) })),
        links: seed.cluster.links.map((l) => ({ id: `${l.from}->${l.to}`, source: l.from, target: l.to })),
      },
    ],
    policies,
  };
  const topology: DeploymentTopology = {
    deploymentId: "bench",
    regions: spec.regions.map((r) => ({ id: r.code, code: r.code, latitude: r.latitude, longitude: r.longitude })),
    clusters: [{ id: "cluster", writeTopology: seed.cluster.writeTopology }],
    replicas: spec.clusters[0]!.replicas.map((r) => ({
      id: r.id!,
      clusterId: "cluster",
      regionId: r.region,
      role: r.role,
      epoch: 1,
    })),
    links: spec.clusters[0]!.links.map((l) => ({
      id: l.id!,
      sourceReplicaId: l.source,
      targetReplicaId: l.target,
      mode: "ASYNC",
      expectedVolumeGbPerDay: 1,
    })),
    routingPolicies: policies.map((p) => ({
      id: p.id,
      steering: p.steering,
      healthCheck: p.healthCheck,
      rules: p.rules.map((r) => ({ ...r, regionId: r.region })),
    })),
  };
  return { spec, topology };
}

const { spec, topology } = seeded();
const root = mkdtempSync(path.join(tmpdir(), "meridian-bench-lab-observe-"));
chmodSync(root, 0o755);
const lab = new Lab({ root, password: "bench" });
let writing = true;
try {
  await lab.up([spec]);
  const deployment = lab.deployment(spec.slug);
  const actions = inProcessLab(deployment);
  const directory = directoryFromStatus(await actions.status(), topology, null);
  const primary = deployment.cluster(spec.clusters[0]!.name).writer!;
  log(
    `lab up: ${topology.replicas.length} servers, ${directory.probes.length} probe routes from ${new Set(directory.probes.map((p) => p.location)).size} locations`,
  );
  const writer = withClient(primary.endpoint(), async (client) => {
    await client.query("create table if not exists bench_load (id bigserial primary key, pad text)");
    while (writing) {
      await client.query("insert into bench_load (pad) values (repeat('x', 500))");
      await sleep(20);
    }
  });
  let memory: unknown = undefined;
  const bytesDiff: number[] = [];
  const bytesRel: number[] = [];
  const lagRel: number[] = [];
  const msDiff: number[] = [];
  const took: number[] = [];
  await sleep(2000);
  for (let i = 0; i < OBSERVATIONS; i++) {
    const driver = new PostgresDriver({ kind: "lab", topology, directory, savedState: memory });
    const started = performance.now();
    const [observed, direct] = await Promise.all([
      driver.observe(Date.now()).then((o) => ({ o, ms: performance.now() - started })),
      queryRows<{ name: string; bytes: number; ms: number | null }>(
        primary.endpoint(),
        `select application_name as name, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::float8 as bytes,
           (extract(epoch from replay_lag) * 1000)::float8 as ms from pg_stat_replication`,
      ),
    ]);
    memory = driver.exportState();
    took.push(observed.ms);
    for (const link of topology.links) {
      const seen = observed.o.lag.find((l) => l.linkId === link.id);
      const read = direct.find((d) => d.name === link.targetReplicaId);
      if (!seen || !read) continue;
      const diff = Math.abs(seen.lagBytes - read.bytes);
      bytesDiff.push(diff);
      // Relative to the WAL written in one observation interval: a lag near zero makes any share huge.
      const perSecond = observed.o.servers?.find((s) => s.replicaId === link.sourceReplicaId)?.writeBytesPerSecond;
      if (perSecond) bytesRel.push(diff / perSecond);
      if (read.bytes > 0) lagRel.push(diff / read.bytes);
      msDiff.push(Math.abs(seen.lagMs - (read.ms ?? 0)));
    }
    await sleep(Math.max(0, 1000 - observed.ms));
  }
  const q = (values: number[], p: number) => quantile(values, p);
  const f = (n: number) => n.toFixed(1);
  log(`${OBSERVATIONS} observations, ${bytesDiff.length} link readings, under ~50 writes/s of 500 bytes`);
  log(`lag difference, bytes: median ${f(q(bytesDiff, 0.5))} B, p95 ${f(q(bytesDiff, 0.95))} B`);
  log(
    `lag difference as a share of a second of writes: median ${(q(bytesRel, 0.5) * 100).toFixed(2)} %, p95 ${(q(bytesRel, 0.95) * 100).toFixed(2)} %`,
  );
  log(
    `lag difference as a share of the lag itself: median ${(q(lagRel, 0.5) * 100).toFixed(2)} %, p95 ${(q(lagRel, 0.95) * 100).toFixed(2)} %`,
  );
  log(`lag difference, time: median ${f(q(msDiff, 0.5))} ms, p95 ${f(q(msDiff, 0.95))} ms`);
  log(
    `one observation of the lab: p50 ${f(q(took, 0.5))} ms, p95 ${f(q(took, 0.95))} ms, max ${f(Math.max(...took))} ms`,
  );
  writing = false;
  await writer;
} finally {
  writing = false;
  await closeAllPools();
  await lab.down();
  rmSync(root, { recursive: true, force: true });
}
