import { describe, expect, it } from "vitest";

import { DriverUnavailableError, InvalidTopologyError } from "./errors";
import { createDriver, isDriverKind } from "./registry";
import { seconds, seedTopology, T0 } from "./sim/fixtures";

const binding = (kind: "sim" | "postgres" | "lab") => ({
  deploymentId: "deployment-test",
  kind,
  topology: seedTopology(),
});

describe("driver registry", () => {
  it("creates a sim driver with its declared capabilities", () => {
    const driver = createDriver(binding("sim"));
    expect(driver.kind).toBe("sim");
    expect(driver.capabilities).toMatchObject({
      canFence: true,
      canPromote: true,
      canInjectFaults: true,
      hasVirtualClock: true,
    });
    expect(driver.faults).not.toBeNull();
  });

  it("binds postgres and lab to the postgres driver, and says what is missing without servers", () => {
    expect(() => createDriver(binding("postgres"))).toThrow(DriverUnavailableError);
    expect(() => createDriver(binding("postgres"))).toThrow("enter them in the Model tab");
    expect(() => createDriver(binding("lab"))).toThrow("the lab is not running");
    const directory = { servers: {}, probes: [], controls: null, absentReason: "none" };
    const driver = createDriver({ ...binding("postgres"), directory });
    expect(driver.kind).toBe("postgres");
    expect(driver.capabilities).toMatchObject({ canObserve: true, canPromote: false, holdsState: false });
    expect(driver.faults).toBeNull();
    expect(createDriver({ ...binding("lab"), directory }).kind).toBe("lab");
    expect(isDriverKind("sim")).toBe(true);
    expect(isDriverKind("aws")).toBe(false);
  });

  it("derives a stable seed from the deployment, and resumes from saved state", async () => {
    const first = createDriver(binding("sim"));
    const second = createDriver(binding("sim"));
    const observed = await first.observe(T0);
    expect(await second.observe(T0)).toEqual(observed);
    await first.fence({ replicaId: "orders-us", epoch: 1, atMs: T0 + seconds(5) });

    const resumed = createDriver({ ...binding("sim"), savedState: first.exportState() });
    expect(await resumed.writableReplicas("orders")).toEqual([]);
    expect(await resumed.observe(T0 + seconds(30))).toEqual(await first.observe(T0 + seconds(30)));
  });

  it("refuses a topology with a split brain or a dangling reference", () => {
    const twoPrimaries = seedTopology();
    const replica = twoPrimaries.replicas.find((candidate) => candidate.id === "orders-eu");
    if (replica) replica.role = "PRIMARY";
    expect(() => createDriver({ ...binding("sim"), topology: twoPrimaries })).toThrow(InvalidTopologyError);
    expect(() => createDriver({ ...binding("sim"), topology: twoPrimaries })).toThrow(
      /single-primary cluster orders has 2 writers/,
    );

    const dangling = seedTopology();
    dangling.links.push({
      id: "ghost",
      sourceReplicaId: "orders-us",
      targetReplicaId: "nowhere",
      mode: "ASYNC",
      expectedVolumeGbPerDay: 1,
    });
    expect(() => createDriver({ ...binding("sim"), topology: dangling })).toThrow(
      /link ghost names unknown replica nowhere/,
    );
  });
});
