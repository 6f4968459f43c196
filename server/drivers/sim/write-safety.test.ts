import { describe, expect, it } from "vitest";

import { SplitBrainRefusedError, StaleEpochError, UnreachableError } from "../errors";
import { seconds, startedSim, T0, US_EAST } from "./fixtures";
import type { SimDriver } from "./sim-driver";

async function expectAtMostOneWriter(driver: SimDriver): Promise<void> {
  expect((await driver.writableReplicas("orders")).length).toBeLessThanOrEqual(1);
}

describe("fencing epochs", () => {
  it("refuses an action carrying an epoch older than the cluster's, with a message saying why", async () => {
    const driver = await startedSim();
    await driver.fence({ replicaId: "orders-us", epoch: 1, atMs: T0 + seconds(10) });
    await driver.promote({ replicaId: "orders-eu", newEpoch: 2, atMs: T0 + seconds(11) });

    const stale = driver.fence({ replicaId: "orders-eu", epoch: 1, atMs: T0 + seconds(12) });
    await expect(stale).rejects.toBeInstanceOf(StaleEpochError);
    await expect(driver.fence({ replicaId: "orders-eu", epoch: 1, atMs: T0 + seconds(12) })).rejects.toThrow(
      "fence of replica orders-eu refused: it carries epoch 1 but cluster orders is already at epoch 2",
    );
    await expect(
      driver.repoint({ linkId: "orders-us-to-ap", newSourceReplicaId: "orders-eu", epoch: 1, atMs: T0 + seconds(12) }),
    ).rejects.toBeInstanceOf(StaleEpochError);
    expect(await driver.writableReplicas("orders")).toEqual(["orders-eu"]);
  });

  it("requires every promotion to take a new epoch above the current one", async () => {
    const driver = await startedSim();
    await driver.fence({ replicaId: "orders-us", epoch: 1, atMs: T0 + seconds(10) });
    await expect(driver.promote({ replicaId: "orders-eu", newEpoch: 1, atMs: T0 + seconds(11) })).rejects.toThrow(
      /needs an epoch above 1/,
    );
    expect(await driver.writableReplicas("orders")).toEqual([]);
  });
});

describe("one writer in a single-primary cluster", () => {
  it("refuses to promote while another replica is still writable, and changes nothing", async () => {
    const driver = await startedSim();
    const attempt = driver.promote({ replicaId: "orders-eu", newEpoch: 2, atMs: T0 + seconds(10) });
    await expect(attempt).rejects.toBeInstanceOf(SplitBrainRefusedError);
    await expect(driver.promote({ replicaId: "orders-eu", newEpoch: 2, atMs: T0 + seconds(10) })).rejects.toThrow(
      "replica orders-us of single-primary cluster orders still accepts writes; fence it first",
    );
    expect(await driver.writableReplicas("orders")).toEqual(["orders-us"]);
    const topology = await driver.currentTopology();
    expect(topology.replicas.find((replica) => replica.id === "orders-eu")).toMatchObject({
      role: "READ_REPLICA",
      epoch: 1,
    });
  });

  it("runs a planned switchover that loses no committed write and never has two writers", async () => {
    const driver = await startedSim();
    await driver.observe(T0 + seconds(60));
    await expectAtMostOneWriter(driver);

    await driver.fence({ replicaId: "orders-us", epoch: 1, atMs: T0 + seconds(60) });
    await expectAtMostOneWriter(driver);
    const committedByOldPrimary = await driver.committedPosition({ replicaId: "orders-us", atMs: T0 + seconds(60) });
    const caughtUp = await driver.waitForCatchUp({
      linkId: "orders-us-to-eu",
      atMs: T0 + seconds(60),
      timeoutMs: seconds(30),
    });
    expect(caughtUp).toMatchObject({ caughtUp: true, appliedPosition: committedByOldPrimary });

    const promoted = await driver.promote({ replicaId: "orders-eu", newEpoch: 2, atMs: caughtUp.atMs });
    expect(promoted).toMatchObject({
      role: "PRIMARY",
      epoch: 2,
      writable: true,
      committedPosition: committedByOldPrimary,
    });
    await expectAtMostOneWriter(driver);

    // The old primary may not come back as a writer: it belongs to epoch 1.
    await expect(driver.unfence({ replicaId: "orders-us", epoch: 2, atMs: caughtUp.atMs })).rejects.toThrow(
      /demote it and repoint it/,
    );
    await driver.demote({ replicaId: "orders-us", epoch: 2, atMs: caughtUp.atMs });
    const reversed = await driver.repoint({
      linkId: "orders-us-to-eu",
      newSourceReplicaId: "orders-eu",
      newTargetReplicaId: "orders-us",
      epoch: 2,
      atMs: caughtUp.atMs,
    });
    expect(reversed.rewoundBytes).toBe(0);
    await driver.repoint({ linkId: "orders-us-to-ap", newSourceReplicaId: "orders-eu", epoch: 2, atMs: caughtUp.atMs });
    await expectAtMostOneWriter(driver);

    // The new primary now drives both replicas.
    const later = await driver.observe(caughtUp.atMs + seconds(60));
    expect(await driver.committedPosition({ replicaId: "orders-eu", atMs: later.observedAtMs })).toBeGreaterThan(
      committedByOldPrimary + 60e6,
    );
    for (const lag of later.lag.filter((candidate) => candidate.linkId.startsWith("orders")))
      expect(lag.lagBytes).toBeLessThan(1e6);
    expect(await driver.writableReplicas("orders")).toEqual(["orders-eu"]);
  });

  it("fails over from a dead region: fencing still works, the lost tail is rewound when the old primary rejoins", async () => {
    const driver = await startedSim();
    await driver.faults.inject({
      id: "down",
      kind: "REGION_OUTAGE",
      target: { regionId: US_EAST },
      startedAtMs: T0 + seconds(30),
    });
    // Promotion runs on the replica itself, so it cannot happen in the dead region.
    await driver.fence({ replicaId: "orders-us", epoch: 1, atMs: T0 + seconds(40) });
    await expect(
      driver.promote({ replicaId: "orders-us", newEpoch: 2, atMs: T0 + seconds(40) }),
    ).rejects.toBeInstanceOf(UnreachableError);

    const promoted = await driver.promote({ replicaId: "orders-eu", newEpoch: 2, atMs: T0 + seconds(40) });
    expect(await driver.writableReplicas("orders")).toEqual(["orders-eu"]);
    // A dead server cannot be asked its position; it answers again once its region is back (fenced
    // since the outage, it wrote nothing in between).
    await expect(driver.committedPosition({ replicaId: "orders-us", atMs: T0 + seconds(40) })).rejects.toBeInstanceOf(
      UnreachableError,
    );
    await driver.faults.clear({ faultId: "down", atMs: T0 + seconds(120) });
    const oldPrimaryCommitted = await driver.committedPosition({ replicaId: "orders-us", atMs: T0 + seconds(120) });
    // The writes still in flight when the region died never reached Ireland: that is the RPO.
    const lostBytes = oldPrimaryCommitted - promoted.committedPosition;
    expect(lostBytes).toBeGreaterThan(0);

    await driver.demote({ replicaId: "orders-us", epoch: 2, atMs: T0 + seconds(120) });
    const rejoin = await driver.repoint({
      linkId: "orders-us-to-eu",
      newSourceReplicaId: "orders-eu",
      newTargetReplicaId: "orders-us",
      epoch: 2,
      atMs: T0 + seconds(120),
    });
    expect(rejoin.rewoundBytes).toBe(lostBytes);
    await expectAtMostOneWriter(driver);
  });

  it("keeps at most one writer through any order of fence, unfence, promote and demote", async () => {
    const driver = await startedSim();
    const replicas = ["orders-us", "orders-eu", "orders-ap"];
    let epoch = 1;
    let atMs = T0;
    let promotions = 0;
    let refusals = 0;
    // A fixed, adversarial script: every action on every replica, refused ones included.
    for (let round = 0; round < 6; round++) {
      for (const replicaId of replicas) {
        atMs += seconds(1);
        const attempts = [
          () => driver.promote({ replicaId, newEpoch: epoch + 1, atMs }),
          () => driver.unfence({ replicaId, epoch, atMs }),
          () => driver.fence({ replicaId, epoch, atMs }),
          () => driver.demote({ replicaId, epoch, atMs }),
        ];
        const action = attempts[(round + replicas.indexOf(replicaId)) % attempts.length];
        try {
          const status = await action?.();
          if ((status?.epoch ?? 0) > epoch) promotions++;
          epoch = Math.max(epoch, status?.epoch ?? epoch);
        } catch (error) {
          expect(error).toBeInstanceOf(SplitBrainRefusedError);
          refusals++;
        }
        await expectAtMostOneWriter(driver);
      }
    }
    // The script must really have changed writers and really have been refused, or it proves nothing.
    expect(promotions).toBeGreaterThan(0);
    expect(refusals).toBeGreaterThan(0);
  });

  it("rewinds a replica that followed the old primary past the point where the new one forked", async () => {
    const driver = await startedSim();
    // Ireland falls behind; Singapore keeps up with Virginia.
    await driver.faults.inject({
      id: "cut",
      kind: "LINK_PARTITION",
      target: { linkId: "orders-us-to-eu" },
      startedAtMs: T0 + seconds(10),
    });
    await driver.fence({ replicaId: "orders-us", epoch: 1, atMs: T0 + seconds(40) });
    const singapore = await driver.waitForCatchUp({
      linkId: "orders-us-to-ap",
      atMs: T0 + seconds(40),
      timeoutMs: seconds(10),
    });
    expect(singapore.caughtUp).toBe(true);
    // An operator promotes the replica that is behind (say Singapore is about to be lost too).
    const promoted = await driver.promote({ replicaId: "orders-eu", newEpoch: 2, atMs: singapore.atMs });
    const repointed = await driver.repoint({
      linkId: "orders-us-to-ap",
      newSourceReplicaId: "orders-eu",
      epoch: 2,
      atMs: singapore.atMs,
    });
    expect(repointed.rewoundBytes).toBe(singapore.appliedPosition - promoted.committedPosition);
    expect(repointed.rewoundBytes).toBeGreaterThan(30e6);
    // From then on Singapore follows Ireland's new history.
    const caughtUp = await driver.waitForCatchUp({ linkId: "orders-us-to-ap", atMs: singapore.atMs + seconds(30) });
    expect(caughtUp.lagBytes).toBeLessThan(1e6);
    expect(caughtUp.committedPosition).toBeGreaterThan(promoted.committedPosition + 30e6);
  });

  it("allows several writers in a multi-primary cluster", async () => {
    const driver = await startedSim();
    expect(await driver.writableReplicas("carts")).toEqual(["carts-us", "carts-eu"]);
  });
});
