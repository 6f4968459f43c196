// A twin carried onto a changed model keeps what the world would keep: a fence, the replication
// positions, the epoch and the clock; a new replica joins caught up; a removed link's fault ends.
import { describe, expect, it } from "vitest";

import { seconds, seedTopology, startedSim, T0 } from "./fixtures";
import { SimDriver } from "./sim-driver";

describe("rebasing the twin onto a changed model", () => {
  it("keeps a fence and the positions across a routing edit and a new replica", async () => {
    const driver = await startedSim();
    await driver.observe(T0 + seconds(30));
    await driver.fence({ replicaId: "orders-us", epoch: 1, atMs: T0 + seconds(30) });
    const committed = await driver.committedPosition({ replicaId: "orders-us", atMs: T0 + seconds(30) });
    const applied = await driver.appliedPosition({ linkId: "orders-us-to-eu", atMs: T0 + seconds(30) });

    const changed = seedTopology();
    changed.routingPolicies[0]!.rules[1]!.weight = 50;
    changed.replicas.push({
      id: "orders-us-2",
      clusterId: "orders",
      regionId: changed.regions[0]!.id,
      role: "READ_REPLICA",
      epoch: 1,
    });
    changed.links.push({
      id: "orders-us-to-us2",
      sourceReplicaId: "orders-us",
      targetReplicaId: "orders-us-2",
      mode: "ASYNC",
      expectedVolumeGbPerDay: 100,
    });
    const rebased = SimDriver.rebase(driver.exportState(), changed);

    expect(await rebased.writableReplicas("orders")).toEqual([]);
    expect(await rebased.committedPosition({ replicaId: "orders-us", atMs: T0 + seconds(30) })).toBe(committed);
    expect(await rebased.appliedPosition({ linkId: "orders-us-to-eu", atMs: T0 + seconds(30) })).toBe(applied);
    // Nothing is written while the primary is fenced, so the new replica is exactly caught up.
    expect((await rebased.waitForCatchUp({ linkId: "orders-us-to-us2", atMs: T0 + seconds(31) })).caughtUp).toBe(true);
    expect((await rebased.currentTopology()).routingPolicies[0]!.rules[1]!.weight).toBe(50);
  });

  it("ends a fault whose target left the model and keeps the others", async () => {
    const driver = await startedSim();
    await driver.faults.inject({
      id: "cut",
      kind: "LINK_PARTITION",
      target: { linkId: "orders-us-to-ap" },
      params: {},
      startedAtMs: T0,
    });
    await driver.faults.inject({
      id: "down",
      kind: "REGION_OUTAGE",
      target: { regionId: seedTopology().regions[1]!.id },
      params: {},
      startedAtMs: T0,
    });
    const changed = seedTopology();
    changed.links = changed.links.filter((l) => l.id !== "orders-us-to-ap");
    const rebased = SimDriver.rebase(driver.exportState(), changed);
    expect((await rebased.faults.list()).map((f) => f.id)).toEqual(["down"]);
  });
});
