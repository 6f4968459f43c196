import { describe, expect, it } from "vitest";

import type { Observations } from "../types";
import { seconds, startedSim, T0 } from "./fixtures";
import type { SimDriver } from "./sim-driver";

/** The same script of calls for every driver: observe, inject a surge and a partition, observe. */
async function runScript(driver: SimDriver): Promise<Observations[]> {
  const observations: Observations[] = [];
  observations.push(await driver.observe(T0 + seconds(30)));
  await driver.faults.inject({
    id: "surge",
    kind: "WRITE_SURGE",
    target: { clusterId: "carts" },
    params: { multiplier: 5 },
    startedAtMs: T0 + seconds(40),
  });
  await driver.faults.inject({
    id: "cut",
    kind: "LINK_PARTITION",
    target: { linkId: "orders-us-to-ap" },
    startedAtMs: T0 + seconds(45),
    endsAtMs: T0 + seconds(90),
  });
  observations.push(await driver.observe(T0 + seconds(60)));
  observations.push(await driver.observe(T0 + seconds(120)));
  return observations;
}

describe("determinism", () => {
  it("gives identical observations for the same seed and the same calls", async () => {
    const first = await runScript(await startedSim({ seed: 7 }));
    const second = await runScript(await startedSim({ seed: 7 }));
    expect(second).toEqual(first);
  });

  it("gives different jitter for a different seed, around the same physics", async () => {
    const [seven] = await runScript(await startedSim({ seed: 7 }));
    const [eight] = await runScript(await startedSim({ seed: 8 }));
    const lagSeven = seven?.lag.map((lag) => lag.lagMs) ?? [];
    const lagEight = eight?.lag.map((lag) => lag.lagMs) ?? [];
    expect(lagEight).not.toEqual(lagSeven);
    lagSeven.forEach((lagMs, index) => expect(Math.abs(lagMs - (lagEight[index] ?? 0))).toBeLessThan(lagMs * 0.25));
    expect(eight?.health.map((probe) => probe.latencyMs)).not.toEqual(seven?.health.map((probe) => probe.latencyMs));
  });

  it("answers the same when the same moment is observed twice", async () => {
    const driver = await startedSim();
    const once = await driver.observe(T0 + seconds(10));
    const twice = await driver.observe(T0 + seconds(10));
    expect(twice).toEqual(once);
  });

  it("never lets time run backwards: an earlier moment reads as the twin's clock", async () => {
    const driver = await startedSim();
    const later = await driver.observe(T0 + seconds(20));
    const earlier = await driver.observe(T0 + seconds(5));
    expect(earlier.observedAtMs).toBe(T0 + seconds(20));
    expect(earlier.lag).toEqual(later.lag);
  });
});
