import { describe, expect, it } from "vitest";

import type { Observations } from "../types";
import { seconds, startedSim, T0 } from "./fixtures";

const cartsConflicts = (observations: Observations) =>
  observations.conflicts.find((cluster) => cluster.clusterId === "carts");

describe("write conflicts", () => {
  it("accumulate in an active-active cluster and never in a single-primary one", async () => {
    const driver = await startedSim();
    const first = await driver.observe(T0 + seconds(600));
    const second = await driver.observe(T0 + seconds(1200));
    expect(cartsConflicts(first)?.conflicts).toBeGreaterThan(0);
    expect(cartsConflicts(second)?.conflicts).toBeGreaterThan(cartsConflicts(first)?.conflicts ?? Infinity);
    expect(second.conflicts.find((cluster) => cluster.clusterId === "orders")).toEqual({
      clusterId: "orders",
      conflicts: 0,
      conflictsPerSecond: 0,
    });
  });

  it("rise with concurrent writes (a surge) and with lag (a partition)", async () => {
    const driver = await startedSim();
    const baseline = cartsConflicts(await driver.observe(T0 + seconds(60)))?.conflictsPerSecond ?? 0;
    expect(baseline).toBeGreaterThan(0);

    await driver.faults.inject({
      id: "surge",
      kind: "WRITE_SURGE",
      target: { clusterId: "carts" },
      params: { multiplier: 4 },
      startedAtMs: T0 + seconds(60),
    });
    const surged = cartsConflicts(await driver.observe(T0 + seconds(70)))?.conflictsPerSecond ?? 0;
    // Both writers write 4x as much: about 16x the conflicts.
    expect(surged).toBeGreaterThan(baseline * 12);
    await driver.faults.clear({ faultId: "surge", atMs: T0 + seconds(70) });

    await driver.faults.inject({
      id: "cut",
      kind: "LINK_PARTITION",
      target: { linkId: "carts-us-to-eu" },
      startedAtMs: T0 + seconds(80),
    });
    const partitionedEarly = cartsConflicts(await driver.observe(T0 + seconds(90)))?.conflictsPerSecond ?? 0;
    const partitionedLater = cartsConflicts(await driver.observe(T0 + seconds(300)))?.conflictsPerSecond ?? 0;
    expect(partitionedEarly).toBeGreaterThan(baseline);
    expect(partitionedLater).toBeGreaterThan(partitionedEarly);
  });
});
