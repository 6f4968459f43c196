// Attempt tokens: the twin refuses an action older than the newest it applied for the cluster, so a
// late call of a worker that lost its lease (same epoch, older attempt) cannot undo a newer one; and
// it answers the newest token it applied, which is how the engine reconciles an attempt in doubt.
import { describe, expect, it } from "vitest";

import { StaleTokenError } from "../errors";
import { seconds, startedSim, T0 } from "./fixtures";
import { SimDriver } from "./sim-driver";

describe("attempt tokens", () => {
  it("refuses a late unfence carrying the same epoch but an older token than the fence after it", async () => {
    const driver = await startedSim();
    await driver.fence({ replicaId: "orders-us", epoch: 1, token: 5, atMs: T0 + seconds(10) });
    // The aborted run's unfence, token 3, arrives during the next run's fenced window (token 5).
    const late = driver.unfence({ replicaId: "orders-us", epoch: 1, token: 3, atMs: T0 + seconds(11) });
    await expect(late).rejects.toBeInstanceOf(StaleTokenError);
    await expect(
      driver.unfence({ replicaId: "orders-us", epoch: 1, token: 3, atMs: T0 + seconds(11) }),
    ).rejects.toThrow(
      "unfence of replica orders-us refused: its attempt token 3 is older than 5, the newest cluster orders applied",
    );
    expect(await driver.writableReplicas("orders")).toEqual([]);
    // The same attempt replayed is allowed; a newer one is.
    await driver.fence({ replicaId: "orders-us", epoch: 1, token: 5, atMs: T0 + seconds(12) });
    await driver.unfence({ replicaId: "orders-us", epoch: 1, token: 6, atMs: T0 + seconds(12) });
    expect(await driver.writableReplicas("orders")).toEqual(["orders-us"]);
  });

  it("refuses stale tokens for every action, and a refused one records nothing", async () => {
    const driver = await startedSim();
    await driver.fence({ replicaId: "orders-us", epoch: 1, token: 10, atMs: T0 + seconds(10) });
    const at = T0 + seconds(11);
    await expect(driver.promote({ replicaId: "orders-eu", newEpoch: 2, token: 9, atMs: at })).rejects.toThrow(
      StaleTokenError,
    );
    await expect(driver.demote({ replicaId: "orders-us", epoch: 1, token: 9, atMs: at })).rejects.toThrow(
      StaleTokenError,
    );
    await expect(
      driver.repoint({ linkId: "orders-us-to-ap", newSourceReplicaId: "orders-eu", epoch: 1, token: 9, atMs: at }),
    ).rejects.toThrow(StaleTokenError);
    expect((await driver.clusterWorld("orders")).lastToken).toBe(10);
  });

  it("answers what the world applied, and keeps it across a save and a resume", async () => {
    const driver = await startedSim();
    await driver.fence({ replicaId: "orders-us", epoch: 1, token: 7, atMs: T0 + seconds(10) });
    const resumed = SimDriver.fromJSON(driver.toJSON());
    const world = await resumed.clusterWorld("orders");
    expect(world.lastToken).toBe(7);
    expect(world.replicas.find((r) => r.replicaId === "orders-us")).toMatchObject({
      fenced: true,
      writable: false,
      inRecovery: false,
    });
    expect(world.replicas.find((r) => r.replicaId === "orders-eu")).toMatchObject({ inRecovery: true });
    expect((await resumed.clusterWorld("carts")).lastToken).toBe(0);
  });
});
