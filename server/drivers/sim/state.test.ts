import { describe, expect, it } from "vitest";

import { InvalidStateError } from "../errors";
import { seconds, startedSim, T0 } from "./fixtures";
import { SimDriver } from "./sim-driver";

describe("sim state as JSON", () => {
  it("resumes after a save to JSON text exactly where an uninterrupted twin would be", async () => {
    const uninterrupted = await startedSim();
    const crashing = await startedSim();
    for (const driver of [uninterrupted, crashing]) {
      await driver.faults.inject({
        id: "cut",
        kind: "LINK_PARTITION",
        target: { linkId: "orders-us-to-eu" },
        startedAtMs: T0 + seconds(10),
      });
      await driver.fence({ replicaId: "orders-us", epoch: 1, atMs: T0 + seconds(30) });
    }
    // The worker persists the state (as PostgreSQL jsonb would hold it), crashes, and resumes.
    const saved = JSON.stringify(crashing.exportState());
    const resumed = SimDriver.fromJSON(saved);

    const expected = await uninterrupted.observe(T0 + seconds(90));
    expect(await resumed.observe(T0 + seconds(90))).toEqual(expected);
    expect(await resumed.writableReplicas("orders")).toEqual([]);
    expect((await resumed.faults.list()).map((fault) => fault.id)).toEqual(["cut"]);
  });

  it("refuses a damaged saved state with a message naming the problem", async () => {
    const saved = (await startedSim()).toJSON();
    const damaged = { ...saved, replicas: { ...saved.replicas, "orders-us": { committedBytes: -5, fenced: false } } };
    expect(() => SimDriver.fromJSON(damaged)).toThrow(InvalidStateError);
    expect(() => SimDriver.fromJSON(damaged)).toThrow(/replicas\.orders-us\.committedBytes/);
    expect(() => SimDriver.fromJSON({ ...saved, formatVersion: 99 })).toThrow(/formatVersion/);
  });
});
