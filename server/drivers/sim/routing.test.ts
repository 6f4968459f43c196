import { describe, expect, it } from "vitest";

import type { Observations, SteeringPolicy } from "../types";
import { AP_SOUTHEAST, EU_WEST, seconds, seedTopology, startedSim, T0, US_EAST } from "./fixtures";

function trafficOf(observations: Observations, regionId: string) {
  const traffic = observations.traffic.find((candidate) => candidate.regionId === regionId);
  if (!traffic) throw new Error(`no traffic for ${regionId}`);
  return traffic;
}

const totalRequests = (observations: Observations) =>
  observations.traffic.reduce((total, region) => total + region.requestsPerSecond, 0);

/** Latency and geo steering pick a priority group first: here the three regions are peers. */
async function simWith(steering: SteeringPolicy) {
  const topology = seedTopology(steering);
  if (steering === "LATENCY" || steering === "GEO")
    for (const rule of topology.routingPolicies[0]!.rules) Object.assign(rule, { weight: 100, priority: 1 });
  return startedSim({ defaultRequestsPerSecond: 1200 }, topology);
}

describe("region outage", () => {
  it("fails every probe of the region and, once the health check has seen enough failures, routes its traffic away", async () => {
    const driver = await simWith("LATENCY");
    await driver.faults.inject({
      id: "down",
      kind: "REGION_OUTAGE",
      target: { regionId: AP_SOUTHEAST },
      startedAtMs: T0 + seconds(10),
    });

    // Detection needs failureThreshold (3) x intervalSeconds (10): until then requests arrive and fail.
    const detecting = await driver.observe(T0 + seconds(25));
    const probes = detecting.health.filter((probe) => probe.regionId === AP_SOUTHEAST);
    expect(probes).toHaveLength(3);
    expect(probes.every((probe) => !probe.healthy && probe.latencyMs === null)).toBe(true);
    expect(detecting.health.filter((probe) => probe.regionId !== AP_SOUTHEAST).every((probe) => probe.healthy)).toBe(
      true,
    );
    expect(trafficOf(detecting, AP_SOUTHEAST)).toMatchObject({ requestsPerSecond: 400, errorRate: 1 });

    const routedAway = await driver.observe(T0 + seconds(45));
    expect(routedAway.routing[0]?.unhealthyRegionIds).toEqual([AP_SOUTHEAST]);
    expect(trafficOf(routedAway, AP_SOUTHEAST)).toMatchObject({ requestsPerSecond: 0, latencyP50Ms: null });
    // Singapore's users go to the next-lowest latency: Ireland (~170 ms) rather than Virginia (~235 ms).
    expect(trafficOf(routedAway, EU_WEST).requestsPerSecond).toBe(800);
    expect(trafficOf(routedAway, US_EAST).requestsPerSecond).toBe(400);
    expect(totalRequests(routedAway)).toBeCloseTo(1200, 0);
    expect(trafficOf(routedAway, EU_WEST).latencyP50Ms).toBeGreaterThan(
      trafficOf(detecting, EU_WEST).latencyP50Ms ?? Infinity,
    );

    await driver.faults.clear({ faultId: "down", atMs: T0 + seconds(60) });
    const back = await driver.observe(T0 + seconds(61));
    expect(trafficOf(back, AP_SOUTHEAST).requestsPerSecond).toBe(400);
    expect(back.health.every((probe) => probe.healthy)).toBe(true);
  });

  it("moves all FAILOVER traffic to the next priority once the primary region is marked down", async () => {
    const driver = await simWith("FAILOVER");
    const before = await driver.observe(T0 + seconds(5));
    expect(trafficOf(before, US_EAST).requestsPerSecond).toBe(1200);
    expect(trafficOf(before, EU_WEST).requestsPerSecond).toBe(0);

    await driver.faults.inject({
      id: "down",
      kind: "REGION_OUTAGE",
      target: { regionId: US_EAST },
      startedAtMs: T0 + seconds(10),
    });
    const after = await driver.observe(T0 + seconds(41));
    expect(trafficOf(after, US_EAST).requestsPerSecond).toBe(0);
    expect(trafficOf(after, EU_WEST).requestsPerSecond).toBe(1200);
    expect(trafficOf(after, AP_SOUTHEAST).requestsPerSecond).toBe(0);
  });

  it("does not route away when fewer probe locations than the quorum see a failure", async () => {
    const topology = seedTopology("FAILOVER");
    const policy = topology.routingPolicies[0];
    if (policy) policy.healthCheck.quorum = 3;
    // Only the far-away probe times out (5 s timeout): a local network problem, not an outage.
    const region = topology.regions.find((candidate) => candidate.id === US_EAST);
    if (region) region.probeLocations = ["us-east-1", "us-east-2", "ap-southeast-1"];
    const driver = await startedSim({}, topology);
    await driver.faults.inject({
      id: "slow",
      kind: "ADDED_LATENCY",
      target: { regionId: US_EAST },
      params: { addedLatencyMs: 4800 },
      startedAtMs: T0,
    });
    const observations = await driver.observe(T0 + seconds(60));
    const probes = observations.health.filter((probe) => probe.regionId === US_EAST);
    expect(probes.filter((probe) => !probe.healthy).map((probe) => probe.probeLocation)).toEqual(["ap-southeast-1"]);
    expect(observations.routing[0]?.unhealthyRegionIds).toEqual([]);
    expect(trafficOf(observations, US_EAST).requestsPerSecond).toBe(1000);
  });
});

describe("steering", () => {
  it("LATENCY sends each population to its nearest region", async () => {
    const observations = await (await simWith("LATENCY")).observe(T0 + seconds(5));
    for (const regionId of [US_EAST, EU_WEST, AP_SOUTHEAST])
      expect(trafficOf(observations, regionId).requestsPerSecond).toBe(400);
  });

  it("WEIGHTED splits by weight (3:1:0)", async () => {
    const observations = await (await simWith("WEIGHTED")).observe(T0 + seconds(5));
    expect(trafficOf(observations, US_EAST).requestsPerSecond).toBe(900);
    expect(trafficOf(observations, EU_WEST).requestsPerSecond).toBe(300);
    expect(trafficOf(observations, AP_SOUTHEAST).requestsPerSecond).toBe(0);
  });

  it("sends nothing to a drained or disabled rule, and refuses an older routing change", async () => {
    const driver = await simWith("LATENCY");
    const policy = await driver.setRouting({
      policyId: "web",
      epoch: 2,
      atMs: T0 + seconds(5),
      rules: [
        { ruleId: "rule-eu", drained: true },
        { ruleId: "rule-ap", enabled: false },
      ],
    });
    expect(policy.rules.find((rule) => rule.id === "rule-eu")?.drained).toBe(true);
    const observations = await driver.observe(T0 + seconds(6));
    expect(trafficOf(observations, EU_WEST).requestsPerSecond).toBe(0);
    expect(trafficOf(observations, AP_SOUTHEAST).requestsPerSecond).toBe(0);
    expect(trafficOf(observations, US_EAST).requestsPerSecond).toBe(1200);

    await expect(
      driver.setRouting({
        policyId: "web",
        epoch: 1,
        atMs: T0 + seconds(7),
        rules: [{ ruleId: "rule-eu", drained: false }],
      }),
    ).rejects.toThrow(/epoch 1 but the policy was last changed at epoch 2/);
    expect(trafficOf(await driver.observe(T0 + seconds(8)), EU_WEST).requestsPerSecond).toBe(0);
  });

  it("reports traffic as unrouted when every rule is drained", async () => {
    const driver = await simWith("WEIGHTED");
    await driver.setRouting({
      policyId: "web",
      epoch: 1,
      atMs: T0 + seconds(1),
      rules: ["rule-us", "rule-eu", "rule-ap"].map((ruleId) => ({ ruleId, drained: true })),
    });
    const observations = await driver.observe(T0 + seconds(2));
    expect(totalRequests(observations)).toBe(0);
    expect(observations.routing[0]?.unroutedRequestsPerSecond).toBe(1200);
  });
});

describe("added latency", () => {
  it("raises probe latency of a region, and LATENCY steering moves its users to the next-fastest region", async () => {
    const driver = await simWith("LATENCY");
    const before = await driver.observe(T0 + seconds(5));
    await driver.faults.inject({
      id: "slow",
      kind: "ADDED_LATENCY",
      target: { regionId: EU_WEST },
      params: { addedLatencyMs: 200 },
      startedAtMs: T0 + seconds(5),
    });
    const slow = await driver.observe(T0 + seconds(6));
    const probe = (observations: Observations) =>
      observations.health.find(
        (candidate) => candidate.regionId === EU_WEST && candidate.probeLocation === "eu-west-1",
      );
    expect(probe(slow)?.healthy).toBe(true);
    expect(probe(slow)?.latencyMs).toBeGreaterThan((probe(before)?.latencyMs ?? Infinity) + 150);
    // Irish users: ~240 ms at home now, ~120 ms from Virginia.
    expect(trafficOf(slow, EU_WEST).requestsPerSecond).toBe(0);
    expect(trafficOf(slow, US_EAST).requestsPerSecond).toBe(800);
  });

  it("raises user latency where steering keeps the traffic, and past the timeout fails every probe", async () => {
    const driver = await simWith("WEIGHTED");
    const before = await driver.observe(T0 + seconds(5));
    await driver.faults.inject({
      id: "slow",
      kind: "ADDED_LATENCY",
      target: { regionId: EU_WEST },
      params: { addedLatencyMs: 200 },
      startedAtMs: T0 + seconds(5),
    });
    const slow = await driver.observe(T0 + seconds(6));
    expect(trafficOf(slow, EU_WEST).requestsPerSecond).toBe(300);
    expect(trafficOf(slow, EU_WEST).latencyP50Ms).toBeGreaterThan(
      (trafficOf(before, EU_WEST).latencyP50Ms ?? Infinity) + 150,
    );

    await driver.faults.inject({
      id: "dead-slow",
      kind: "ADDED_LATENCY",
      target: { regionId: EU_WEST },
      params: { addedLatencyMs: 6000 },
      startedAtMs: T0 + seconds(6),
    });
    const timingOut = await driver.observe(T0 + seconds(7));
    const probes = timingOut.health.filter((candidate) => candidate.regionId === EU_WEST);
    expect(probes.every((candidate) => !candidate.healthy && candidate.latencyMs === null)).toBe(true);
  });
});

describe("routing changes of operations on different clusters", () => {
  it("checks each cluster's epoch on its own: a newer cluster never refuses an older one, a stale epoch is refused", async () => {
    const driver = await startedSim();
    // The orders cluster has been promoted to epoch 2 and moved the traffic at that epoch.
    await driver.fence({ replicaId: "orders-us", epoch: 1, atMs: T0 + seconds(1) });
    await driver.demote({ replicaId: "orders-us", epoch: 1, atMs: T0 + seconds(1) });
    await driver.promote({ replicaId: "orders-eu", newEpoch: 2, atMs: T0 + seconds(1) });
    await driver.setRouting({
      policyId: "web",
      epoch: 2,
      clusterId: "orders",
      rules: [{ ruleId: "rule-eu", priority: 0 }],
      atMs: T0 + seconds(2),
    });
    // The carts cluster is still at epoch 1: its own routing change is accepted.
    await driver.setRouting({
      policyId: "web",
      epoch: 1,
      clusterId: "carts",
      rules: [{ ruleId: "rule-us", weight: 2 }],
      atMs: T0 + seconds(3),
    });
    // An operation on orders still carrying epoch 1 is out of date and refused.
    await expect(
      driver.setRouting({
        policyId: "web",
        epoch: 1,
        clusterId: "orders",
        rules: [{ ruleId: "rule-us", priority: 0 }],
        atMs: T0 + seconds(4),
      }),
    ).rejects.toMatchObject({ code: "STALE_EPOCH" });
    const rules = (await driver.currentTopology()).routingPolicies[0]!.rules;
    expect(rules.find((r) => r.id === "rule-eu")?.priority).toBe(0);
    expect(rules.find((r) => r.id === "rule-us")).toMatchObject({ weight: 2, priority: 1 });
  });
});

describe("latency steering as the policy means it", () => {
  it("sends nothing to a rule of weight 0: its users go to the next-nearest region in rotation", async () => {
    const driver = await simWith("LATENCY");
    await driver.setRouting({
      policyId: "web",
      epoch: 1,
      atMs: T0 + seconds(1),
      rules: [{ ruleId: "rule-ap", weight: 0 }],
    });
    const observations = await driver.observe(T0 + seconds(2));
    expect(trafficOf(observations, AP_SOUTHEAST)).toMatchObject({ requestsPerSecond: 0, latencyP50Ms: null });
    // Singapore's users go to Ireland, the nearest region still in rotation.
    expect(trafficOf(observations, EU_WEST).requestsPerSecond).toBe(800);
    expect(trafficOf(observations, US_EAST).requestsPerSecond).toBe(400);
  });

  it("keeps a warm standby (a lower priority) out of production until the primary is marked down", async () => {
    const topology = seedTopology("LATENCY");
    topology.routingPolicies[0]!.rules = topology.routingPolicies[0]!.rules.filter((rule) => rule.id !== "rule-ap").map(
      (rule) => ({ ...rule, weight: 100 }),
    );
    const driver = await startedSim({ defaultRequestsPerSecond: 1000 }, topology);
    const normal = await driver.observe(T0 + seconds(5));
    expect(trafficOf(normal, US_EAST).requestsPerSecond).toBe(1000);
    expect(trafficOf(normal, EU_WEST).requestsPerSecond).toBe(0);

    await driver.faults.inject({
      id: "down",
      kind: "REGION_OUTAGE",
      target: { regionId: US_EAST },
      startedAtMs: T0 + seconds(10),
    });
    // Until the health check has seen enough failures, requests still go to the dead primary and fail.
    expect(trafficOf(await driver.observe(T0 + seconds(20)), US_EAST)).toMatchObject({
      requestsPerSecond: 1000,
      errorRate: 1,
    });
    const failedOver = await driver.observe(T0 + seconds(41));
    expect(failedOver.routing[0]?.unhealthyRegionIds).toEqual([US_EAST]);
    expect(trafficOf(failedOver, US_EAST).requestsPerSecond).toBe(0);
    expect(trafficOf(failedOver, EU_WEST).requestsPerSecond).toBe(1000);
  });
});
