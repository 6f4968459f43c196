// Helpers of the lab's integration tests: a folder the `postgres` user can enter, small lab specs
// (2-3 real servers), polling, and the check that a test left no process and no port behind.
import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { expect } from "vitest";

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
