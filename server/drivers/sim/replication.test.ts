import { describe, expect, it } from "vitest";

import type { Observations } from "../types";
import { seconds, seedTopology, startedSim, T0 } from "./fixtures";

function lagOf(observations: Observations, linkId: string) {
  const lag = observations.lag.find((candidate) => candidate.linkId === linkId);
  if (!lag) throw new Error(`no lag for ${linkId}`);
  return lag;
}

describe("replication lag", () => {
  it("stays under a second on a healthy transatlantic link, with only the in-flight bytes outstanding", async () => {
    const driver = await startedSim();
    const lag = lagOf(await driver.observe(T0 + seconds(60)), "orders-us-to-eu");
    expect(lag.lagBytes).toBeGreaterThan(0);
    expect(lag.lagMs).toBeGreaterThan(30); // at least half the ~85 ms round trip
    expect(lag.lagMs).toBeLessThan(1000);
  });

  it("is larger on the longer link (Singapore) than on the shorter one (Ireland)", async () => {
    const observations = await (await startedSim()).observe(T0 + seconds(60));
    expect(lagOf(observations, "orders-us-to-ap").lagMs).toBeGreaterThan(lagOf(observations, "orders-us-to-eu").lagMs);
  });

  it("grows with a write surge and recovers after the surge is cleared", async () => {
    const driver = await startedSim();
    const baseline = lagOf(await driver.observe(T0 + seconds(60)), "orders-us-to-eu");
    await driver.faults.inject({
      id: "surge",
      kind: "WRITE_SURGE",
      target: { clusterId: "orders" },
      params: { multiplier: 60 },
      startedAtMs: T0 + seconds(60),
    });
    const during = lagOf(await driver.observe(T0 + seconds(120)), "orders-us-to-eu");
    // 60 x 100 GB/day is about 69 MB/s, beyond the 30 MB/s replay: the backlog keeps growing.
    const later = lagOf(await driver.observe(T0 + seconds(180)), "orders-us-to-eu");
    expect(during.lagBytes).toBeGreaterThan(baseline.lagBytes * 100);
    expect(later.lagBytes).toBeGreaterThan(during.lagBytes);
    expect(later.lagMs).toBeGreaterThan(baseline.lagMs * 10);

    await driver.faults.clear({ faultId: "surge", atMs: T0 + seconds(180) });
    const recovered = lagOf(await driver.observe(T0 + seconds(600)), "orders-us-to-eu");
    expect(recovered.lagBytes).toBeLessThan(baseline.lagBytes * 1.5);
    expect(recovered.lagMs).toBeLessThan(baseline.lagMs * 1.5);
  });

  it("grows without bound during a link partition and drains after it is cleared", async () => {
    const driver = await startedSim();
    const baseline = lagOf(await driver.observe(T0 + seconds(60)), "orders-us-to-eu");
    await driver.faults.inject({
      id: "cut",
      kind: "LINK_PARTITION",
      target: { linkId: "orders-us-to-eu" },
      startedAtMs: T0 + seconds(60),
    });
    const samples: number[] = [];
    for (const minute of [2, 3, 4, 5])
      samples.push(lagOf(await driver.observe(T0 + seconds(60 * minute)), "orders-us-to-eu").lagBytes);
    for (let index = 1; index < samples.length; index++)
      expect(samples[index]).toBeGreaterThan(samples[index - 1] ?? Infinity);
    // About 1.16 MB/s of writes pile up: four minutes hold roughly 278 MB.
    expect(samples.at(-1)).toBeGreaterThan(250e6);
    expect(samples.at(-1)).toBeLessThan(310e6);
    // The other link from the same primary is unaffected.
    expect(lagOf(await driver.observe(T0 + seconds(300)), "orders-us-to-ap").lagBytes).toBeLessThan(1e6);

    await driver.faults.clear({ faultId: "cut", atMs: T0 + seconds(300) });
    const recovered = lagOf(await driver.observe(T0 + seconds(330)), "orders-us-to-eu");
    expect(recovered.lagBytes).toBeLessThan(baseline.lagBytes * 1.5);
  });

  it("builds a temporary backlog during a lag spike that drains once it ends", async () => {
    const driver = await startedSim();
    const baseline = lagOf(await driver.observe(T0 + seconds(30)), "orders-us-to-ap");
    await driver.faults.inject({
      id: "spike",
      kind: "LAG_SPIKE",
      target: { linkId: "orders-us-to-ap" },
      startedAtMs: T0 + seconds(30),
      endsAtMs: T0 + seconds(90),
    });
    const during = lagOf(await driver.observe(T0 + seconds(89)), "orders-us-to-ap");
    expect(during.lagBytes).toBeGreaterThan(baseline.lagBytes * 100);
    const after = lagOf(await driver.observe(T0 + seconds(120)), "orders-us-to-ap");
    expect(after.lagBytes).toBeLessThan(baseline.lagBytes * 1.5);
    expect(await driver.faults.list()).toEqual([]);
  });

  it("stops applying on a replica whose region is down", async () => {
    const driver = await startedSim();
    await driver.faults.inject({
      id: "down",
      kind: "REGION_OUTAGE",
      target: { regionId: "region-ap-southeast-1" },
      startedAtMs: T0 + seconds(10),
    });
    const appliedAt20 = await driver.appliedPosition({ linkId: "orders-us-to-ap", atMs: T0 + seconds(20) });
    const appliedAt80 = await driver.appliedPosition({ linkId: "orders-us-to-ap", atMs: T0 + seconds(80) });
    expect(appliedAt80).toBe(appliedAt20);
    expect(await driver.committedPosition({ replicaId: "orders-us", atMs: T0 + seconds(80) })).toBeGreaterThan(
      appliedAt80 + 60e6,
    );
  });

  it("keeps a synchronous standby caught up, and stalls commits when it is cut off", async () => {
    const topology = seedTopology();
    for (const link of topology.links) if (link.id === "orders-us-to-eu") link.mode = "SYNC";
    const driver = await startedSim({}, topology);
    expect(lagOf(await driver.observe(T0 + seconds(30)), "orders-us-to-eu").lagBytes).toBe(0);

    await driver.faults.inject({
      id: "cut",
      kind: "LINK_PARTITION",
      target: { linkId: "orders-us-to-eu" },
      startedAtMs: T0 + seconds(30),
    });
    const committedAtCut = await driver.committedPosition({ replicaId: "orders-us", atMs: T0 + seconds(30) });
    expect(await driver.committedPosition({ replicaId: "orders-us", atMs: T0 + seconds(90) })).toBe(committedAtCut);
  });
});

describe("waitForCatchUp", () => {
  it("never reports caught up while the source still commits", async () => {
    const driver = await startedSim();
    const result = await driver.waitForCatchUp({
      linkId: "orders-us-to-eu",
      atMs: T0 + seconds(30),
      timeoutMs: seconds(30),
    });
    expect(result.caughtUp).toBe(false);
    expect(result.lagBytes).toBeGreaterThan(0);
    expect(result.appliedPosition).toBeLessThan(result.committedPosition);
    expect(result.atMs).toBe(T0 + seconds(60));
  });

  it("reports caught up once the fenced source's last commit is applied, and only then", async () => {
    const driver = await startedSim();
    await driver.faults.inject({
      id: "cut",
      kind: "LINK_PARTITION",
      target: { linkId: "orders-us-to-eu" },
      startedAtMs: T0 + seconds(10),
      endsAtMs: T0 + seconds(70),
    });
    await driver.fence({ replicaId: "orders-us", epoch: 1, atMs: T0 + seconds(60) });
    const committed = await driver.committedPosition({ replicaId: "orders-us", atMs: T0 + seconds(60) });

    const stillCut = await driver.waitForCatchUp({
      linkId: "orders-us-to-eu",
      atMs: T0 + seconds(60),
      timeoutMs: seconds(5),
    });
    expect(stillCut.caughtUp).toBe(false);
    expect(stillCut.lagBytes).toBe(committed - stillCut.appliedPosition);

    const healed = await driver.waitForCatchUp({
      linkId: "orders-us-to-eu",
      atMs: T0 + seconds(65),
      timeoutMs: seconds(60),
    });
    expect(healed.caughtUp).toBe(true);
    expect(healed.appliedPosition).toBe(committed);
    expect(healed.committedPosition).toBe(committed);
    expect(healed.lagBytes).toBe(0);
    // About 58 MB of backlog at 30 MB/s: caught up a couple of seconds after the partition heals.
    expect(healed.atMs).toBeGreaterThan(T0 + seconds(70));
    expect(healed.atMs).toBeLessThan(T0 + seconds(75));
  });
});
