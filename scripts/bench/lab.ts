// `npm run bench:lab`: how long the region lab takes to come up, from nothing (initdb of the
// primary, hot copies for the standbys) and from existing folders (every server started as its
// folder says), for the seeded "Region lab" (3 servers: a primary and two standbys streaming through
// link relays, 9 probe relays, a router). Up = every server accepts connections and every standby
// streams (pg_stat_replication shows it). Folders in a temporary directory; everything stopped.
//   npm run bench:lab -- [runs=5]
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { LAB_DEPLOYMENTS, LAB_REGIONS } from "@/prisma/seed/lab-deployments";
import { Lab } from "@/server/lab/lab";
import type { LabDeploymentSpec } from "@/server/lab/spec";
import { queryRows } from "@/server/lab/sql";

import { spread } from "./bench-database";

const RUNS = Number(process.argv[2] ?? 5);
const log = (line: string) => console.log(`[bench:lab] ${line}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The seeded Region lab as the lab reads it from the model. */
function seededSpec(): LabDeploymentSpec {
  const seed = LAB_DEPLOYMENTS[0]!;
  const code = (key: keyof typeof LAB_REGIONS) => LAB_REGIONS[key].code;
  return {
    slug: seed.deployment.slug,
    regions: seed.regions.map(({ region }) => ({
      code: code(region),
      latitude: LAB_REGIONS[region].latitude,
      longitude: LAB_REGIONS[region].longitude,
    })),
    clusters: [
      {
        name: seed.cluster.name,
        writeTopology: seed.cluster.writeTopology,
        replicas: seed.cluster.replicas.map((replica) => ({ ...replica, region: code(replica.region) })),
        links: seed.cluster.links.map((link) => ({ source: link.from, target: link.to })),
      },
    ],
    policies: seed.policies.map((policy) => ({
      name: policy.name,
      steering: policy.steering,
      healthCheck: {
        intervalSeconds: policy.healthCheckIntervalSeconds,
        timeoutSeconds: policy.healthCheckTimeoutSeconds,
        failureThreshold: policy.healthCheckFailureThreshold,
        probeLocations: policy.healthCheckProbeLocations,
        quorum: policy.healthCheckQuorum,
      },
      rules: policy.rules.map((rule) => ({ ...rule, region: code(rule.region) })),
    })),
  };
}

async function upAndStreaming(lab: Lab, spec: LabDeploymentSpec): Promise<number> {
  const started = performance.now();
  await lab.up([spec]);
  const primary = lab.deployment(spec.slug).cluster(spec.clusters[0]!.name).writer!;
  const standbys = spec.clusters[0]!.replicas.length - 1;
  for (;;) {
    const rows = await queryRows(primary.endpoint(), "select 1 from pg_stat_replication where state = 'streaming'");
    if (rows.length === standbys) break;
    await sleep(10);
  }
  return performance.now() - started;
}

const spec = seededSpec();
const fresh: number[] = [];
const existing: number[] = [];
for (let run = 1; run <= RUNS; run++) {
  const root = mkdtempSync(path.join(tmpdir(), "meridian-bench-lab-"));
  chmodSync(root, 0o755);
  try {
    const first = new Lab({ root, password: "bench" });
    fresh.push(await upAndStreaming(first, spec));
    await first.down();
    const again = new Lab({ root, password: "bench" });
    existing.push(await upAndStreaming(again, spec));
    await again.down();
    log(`run ${run}: from nothing ${seconds(fresh.at(-1)!)}, from existing folders ${seconds(existing.at(-1)!)}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
for (const [what, values] of [
  ["from nothing", fresh],
  ["from existing folders", existing],
] as const) {
  const { median, min, max } = spread(values);
  log(`${what}: median ${seconds(median)} (${seconds(min)} – ${seconds(max)}) over ${values.length} runs`);
}
