// Lag against the RPO target and region status from probes, without a database.
import { describe, expect, it } from "vitest";

import type { DeploymentTopology, Observations } from "@/server/drivers/types";

import { assess, effectiveLagMs, EMPTY_TRACKING } from "./assess";

const topology: DeploymentTopology = {
  deploymentId: "d",
  regions: [
    { id: "east", code: "us-east-1", latitude: 39, longitude: -77 },
    { id: "west", code: "eu-west-1", latitude: 53, longitude: -6 },
  ],
  clusters: [{ id: "c", writeTopology: "SINGLE_PRIMARY" }],
  replicas: [
    { id: "p", clusterId: "c", regionId: "east", role: "PRIMARY", epoch: 1 },
    { id: "r", clusterId: "c", regionId: "west", role: "READ_REPLICA", epoch: 1 },
  ],
  links: [{ id: "l", sourceReplicaId: "p", targetReplicaId: "r", mode: "ASYNC", expectedVolumeGbPerDay: 86.4 }], // 1 MB/s
  routingPolicies: [
    {
      id: "pol",
      steering: "LATENCY",
      healthCheck: {
        intervalSeconds: 10,
        timeoutSeconds: 5,
        failureThreshold: 3,
        probeLocations: ["a", "b", "c"],
        quorum: 2,
      },
      rules: [
        { id: "r1", regionId: "east", weight: 100, priority: 1, enabled: true, drained: false },
        { id: "r2", regionId: "west", weight: 100, priority: 2, enabled: true, drained: false },
      ],
    },
  ],
};
const names = { replicas: { p: "db-east", r: "db-west" }, regions: { east: "us-east-1", west: "eu-west-1" } };

function observation(
  atMs: number,
  { lagBytes = 0, eastFailing = 0 }: { lagBytes?: number; eastFailing?: number } = {},
): Observations {
  const probes = ["a", "b", "c"];
  return {
    observedAtMs: atMs,
    lag: [{ linkId: "l", lagMs: 40, lagBytes }],
    health: [
      ...probes.map((p, i) => ({ regionId: "east", probeLocation: p, healthy: i >= eastFailing, latencyMs: 10 })),
      ...probes.map((p) => ({ regionId: "west", probeLocation: p, healthy: true, latencyMs: 10 })),
    ],
    traffic: [
      { regionId: "east", requestsPerSecond: 500, errorRate: 0, latencyP50Ms: 20 },
      { regionId: "west", requestsPerSecond: 500, errorRate: 0, latencyP50Ms: 20 },
    ],
    conflicts: [],
    routing: [],
  };
}

const run = (obs: Observations, tracking = EMPTY_TRACKING) =>
  assess({ topology, observations: obs, rpoTargetSeconds: 5, tracking, lagAlertAfterSeconds: 3, names });

describe("effective lag", () => {
  it("is the backlog in seconds of writes when that exceeds the drain time", () => {
    // 1 MB/s expected; 10 MB behind = 10 s of writes, though draining it would be quick.
    expect(effectiveLagMs(40, 10_000_000, 86.4)).toBeCloseTo(10_000, 6);
    expect(effectiveLagMs(40, 1_000, 86.4)).toBe(40);
    expect(effectiveLagMs(40, 1_000_000, 0)).toBe(40);
  });
});

describe("lag over the RPO target", () => {
  it("marks the link over at once but alerts only after it stayed over for the set time", () => {
    const first = run(observation(1_000, { lagBytes: 6_000_000 }));
    expect(first.links[0]).toMatchObject({ overRpo: true, lagMs: 6000 });
    expect(first.conditions).toEqual([]);
    const second = run(observation(3_000, { lagBytes: 7_000_000 }), first.tracking);
    expect(second.conditions).toEqual([]);
    const third = run(observation(4_000, { lagBytes: 8_000_000 }), second.tracking);
    expect(third.conditions).toHaveLength(1);
    expect(third.conditions[0]).toMatchObject({
      kind: "LAG_OVER_RPO",
      targetId: "l",
      targetLabel: "db-east → db-west",
    });
    expect(third.conditions[0]!.message).toMatch(/8\.0 s, over the RPO target of 5 s/);
  });

  it("forgets the streak once lag is back under the target", () => {
    const over = run(observation(1_000, { lagBytes: 6_000_000 }));
    const under = run(observation(2_000, { lagBytes: 1_000 }), over.tracking);
    expect(under.links[0]!.overRpo).toBe(false);
    expect(under.tracking.overRpoSince).toEqual({});
    const overAgain = run(observation(10_000, { lagBytes: 6_000_000 }), under.tracking);
    expect(overAgain.conditions).toEqual([]);
  });
});

describe("region status", () => {
  it("is degraded while fewer than a quorum of probes fail", () => {
    const result = run(observation(1_000, { eastFailing: 1 }));
    expect(result.regions.find((r) => r.regionId === "east")).toMatchObject({
      status: "DEGRADED",
      healthyProbes: 2,
      totalProbes: 3,
    });
    expect(result.conditions).toEqual([]);
  });

  it("is down only after a quorum fails failureThreshold times in a row, and then alerts", () => {
    let tracking = EMPTY_TRACKING;
    const statuses: string[] = [];
    for (let tick = 1; tick <= 3; tick++) {
      const result = run(observation(tick * 1_000, { eastFailing: 2 }), tracking);
      tracking = result.tracking;
      statuses.push(result.regions.find((r) => r.regionId === "east")!.status);
      if (tick === 3) expect(result.conditions.map((c) => c.kind)).toEqual(["REGION_DOWN"]);
    }
    expect(statuses).toEqual(["DEGRADED", "DEGRADED", "DOWN"]);
    const recovered = run(observation(4_000), tracking);
    expect(recovered.regions.find((r) => r.regionId === "east")!.status).toBe("HEALTHY");
    expect(recovered.conditions).toEqual([]);
  });
});
