// Helpers of the lab's integration tests: a folder the `postgres` user can enter, small lab specs
// (2-3 real servers), polling, and the check that a test left no process and no port behind.
import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { expect } from "vitest";

import type { DeploymentTopology } from "@/server/drivers/types";
import { isListening } from "@/server/lab/ports";
import { isAlive } from "@/server/lab/processes";
import type { LabDeploymentSpec } from "@/server/lab/spec";

export function labRoot(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "meridian-lab-"));
  chmodSync(dir, 0o755); // mkdtemp makes it private to root; the servers run as `postgres`
  return dir;
}

export const LAB_REGIONS = [
  { code: "us-east-1", latitude: 38.95, longitude: -77.45 },
  { code: "eu-west-1", latitude: 53.35, longitude: -6.26 },
  { code: "ap-southeast-1", latitude: 1.35, longitude: 103.82 },
];

/** A single-primary deployment: primary in us-east-1, standbys in the other `regions - 1`. */
export function smallLab(slug: string, regions = 2): LabDeploymentSpec {
  const used = LAB_REGIONS.slice(0, regions);
  const names = used.map((region) => `pg-${region.code}`);
  return {
    slug,
    regions: used,
    clusters: [
      {
        name: "main",
        writeTopology: "SINGLE_PRIMARY",
        replicas: used.map((region, index) => ({
          name: names[index] as string,
          region: region.code,
          role: index === 0 ? "PRIMARY" : "READ_REPLICA",
        })),
        links: names.slice(1).map((target) => ({ source: names[0] as string, target })),
      },
    ],
    policies: [
      {
        name: "front",
        steering: "FAILOVER",
        healthCheck: {
          intervalSeconds: 1,
          timeoutSeconds: 0.5,
          failureThreshold: 2,
          probeLocations: used.map((region) => region.code),
          quorum: 1,
        },
        rules: used.map((region, index) => ({
          region: region.code,
          weight: 100,
          priority: index + 1,
          enabled: true,
          drained: false,
        })),
      },
    ],
  };
}

export async function eventually<T>(
  check: () => Promise<T>,
  { timeoutMs = 20_000, what = "the condition" }: { timeoutMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
      await sleep(100);
    }
  }
  throw new Error(`${what} did not hold within ${timeoutMs} ms: ${String(lastError)}`);
}

/** Nothing the test started is left: no pid alive, no port listening. */
export async function expectNothingRunning(pids: number[], ports: number[]): Promise<void> {
  await eventually(
    async () => {
      expect(pids.filter(isAlive)).toEqual([]);
    },
    { timeoutMs: 10_000, what: "every lab process has ended" },
  );
  const listening = [];
  for (const port of ports) if (await isListening(port)) listening.push(port);
  expect(listening).toEqual([]);
}

/**
 * A lab spec with model ids made from its names (replicas and regions by name and code, links
 * "<source>-><target>", policies by name), and the topology a driver is handed for it.
 */
export function withModelIds(spec: LabDeploymentSpec): { spec: LabDeploymentSpec; topology: DeploymentTopology } {
  const cluster = spec.clusters[0]!;
  const named: LabDeploymentSpec = {
    ...spec,
    regions: spec.regions.map((r) => ({ ...r, id: r.code })),
    clusters: [
      {
        ...cluster,
        id: cluster.name,
        replicas: cluster.replicas.map((r) => ({ ...r, id: r.name })),
        links: cluster.links.map((l) => ({ ...l, id: `${l.source}->${l.target}` })),
      },
    ],
    policies: spec.policies.map((p) => ({
      ...p,
      id: p.name,
      rules: p.rules.map((r) => ({ ...r, id: `${p.name}-${r.region}` })),
    })),
  };
  const topology: DeploymentTopology = {
    deploymentId: spec.slug,
    regions: named.regions.map((r) => ({ id: r.code, code: r.code, latitude: r.latitude, longitude: r.longitude })),
    clusters: [{ id: cluster.name, writeTopology: cluster.writeTopology }],
    replicas: named.clusters[0]!.replicas.map((r) => ({
      id: r.id!,
      clusterId: cluster.name,
      regionId: r.region,
      role: r.role,
      epoch: 1,
    })),
    links: named.clusters[0]!.links.map((l) => ({
      id: l.id!,
      sourceReplicaId: l.source,
      targetReplicaId: l.target,
      mode: "ASYNC",
      expectedVolumeGbPerDay: 1,
    })),
    routingPolicies: named.policies.map((p) => ({
      id: p.id!,
      steering: p.steering,
      healthCheck: p.healthCheck,
      rules: p.rules.map((r) => ({ ...r, id: r.id!, regionId: r.region })),
    })),
  };
  return { spec: named, topology };
}
