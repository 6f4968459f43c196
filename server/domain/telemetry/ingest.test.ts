// Ingest stores each observation once, as typed rows at the observation's instant, however many
// workers store it. Samples use their own ids and a time of their own (2031), so other test files'
// rollups and retention never see them.
import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { db } from "@/server/db";
import type { Observations } from "@/server/drivers/types";

import { ingestRows, observationRows } from "./ingest";

const id = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

function observation(observedAtMs: number) {
  const links = [id("link"), id("link")];
  const regions = [id("region"), id("region")];
  const cluster = id("cluster");
  const observations: Observations = {
    observedAtMs,
    lag: [
      { linkId: links[0]!, lagMs: 120.5, lagBytes: 4096 },
      { linkId: links[1]!, lagMs: 0, lagBytes: 0 },
    ],
    health: regions.flatMap((regionId, r) =>
      ["us-east", "eu-west", "ap-south"].map((probeLocation, p) => ({
        regionId,
        probeLocation,
        healthy: r === 0 || p > 0,
        latencyMs: r === 0 ? 20 + p : null,
      })),
    ),
    traffic: regions.map((regionId, r) => ({
      regionId,
      requestsPerSecond: 1000 * (r + 1),
      errorRate: 0.01 * r,
      latencyP50Ms: r === 0 ? 42 : null,
    })),
    conflicts: [{ clusterId: cluster, conflicts: 17, conflictsPerSecond: 0.25 }],
    routing: [],
  };
  return { observations, links, regions, cluster };
}

describe("storing an observation (ingestRows of observationRows)", () => {
  it("stores lag per link, health per region and probe, traffic per region and conflicts per cluster at the observed instant", async () => {
    const observedAtMs = Date.UTC(2031, 0, 1, 12, 0, 0, 123); // milliseconds survive (timestamp(3))
    const { observations, links, regions, cluster } = observation(observedAtMs);
    const deploymentId = id("dep");

    expect(await ingestRows(db, observationRows(deploymentId, observations))).toEqual({ inserted: 2 + 6 + 2 + 1 });

    const at = new Date(observedAtMs);
    const lag = await db.lagSample.findMany({ where: { linkId: { in: links } }, orderBy: { lagMs: "desc" } });
    expect(lag).toEqual([
      { linkId: links[0], at, lagMs: 120.5, lagBytes: 4096n },
      { linkId: links[1], at, lagMs: 0, lagBytes: 0n },
    ]);
    const health = await db.healthSample.findMany({
      where: { deploymentId },
      orderBy: [{ regionId: "asc" }, { probeLocation: "asc" }],
    });
    expect(health).toHaveLength(6);
    expect(health.every((h) => h.at.getTime() === observedAtMs)).toBe(true);
    expect(
      health.filter((h) => h.regionId === regions[1]).map((h) => [h.probeLocation, h.healthy, h.latencyMs]),
    ).toEqual([
      ["ap-south", true, null],
      ["eu-west", true, null],
      ["us-east", false, null],
    ]);
    expect(health.find((h) => h.regionId === regions[0] && h.probeLocation === "ap-south")?.latencyMs).toBe(22);
    const traffic = await db.trafficSample.findMany({ where: { deploymentId }, orderBy: { requestsPerSecond: "asc" } });
    expect(traffic).toEqual([
      { deploymentId, regionId: regions[0], at, requestsPerSecond: 1000, errorRate: 0, latencyP50Ms: 42 },
      { deploymentId, regionId: regions[1], at, requestsPerSecond: 2000, errorRate: 0.01, latencyP50Ms: null },
    ]);
    expect(await db.conflictSample.findMany({ where: { clusterId: cluster } })).toEqual([
      { clusterId: cluster, at, conflicts: 17n, conflictsPerSecond: 0.25 },
    ]);
  });

  it("inserts nothing the second time the same observation is stored", async () => {
    const { observations, links } = observation(Date.UTC(2031, 0, 2, 12, 0, 0));
    const deploymentId = id("dep");
    expect(await ingestRows(db, observationRows(deploymentId, observations))).toEqual({ inserted: 11 });
    expect(await ingestRows(db, observationRows(deploymentId, observations))).toEqual({ inserted: 0 });
    expect(await db.lagSample.count({ where: { linkId: { in: links } } })).toBe(2);
    expect(await db.healthSample.count({ where: { deploymentId } })).toBe(6);
  });

  it("stores one copy when two workers store the same instant at once", async () => {
    const { observations, links, cluster } = observation(Date.UTC(2031, 0, 3, 12, 0, 0));
    const deploymentId = id("dep");
    const results = await Promise.all([1, 2, 3].map(() => ingestRows(db, observationRows(deploymentId, observations))));
    expect(results.reduce((sum, r) => sum + r.inserted, 0)).toBe(11);
    expect(await db.lagSample.count({ where: { linkId: { in: links } } })).toBe(2);
    expect(await db.trafficSample.count({ where: { deploymentId } })).toBe(2);
    expect(await db.conflictSample.count({ where: { clusterId: cluster } })).toBe(1);
  });

  it("keeps a later observation of the same series as a sample of its own", async () => {
    const first = observation(Date.UTC(2031, 0, 4, 12, 0, 0));
    const deploymentId = id("dep");
    await ingestRows(db, observationRows(deploymentId, first.observations));
    const later = { ...first.observations, observedAtMs: first.observations.observedAtMs + 1000 };
    expect(await ingestRows(db, observationRows(deploymentId, later))).toEqual({ inserted: 11 });
    expect(await db.lagSample.count({ where: { linkId: { in: first.links } } })).toBe(4);
  });

  it("stores nothing for an empty observation", async () => {
    const empty: Observations = {
      observedAtMs: Date.UTC(2031, 0, 5),
      lag: [],
      health: [],
      traffic: [],
      conflicts: [],
      routing: [],
    };
    expect(await ingestRows(db, observationRows(id("dep"), empty))).toEqual({ inserted: 0 });
  });
});

describe("ingestRows", () => {
  it("stores a large batch, split into statements that run side by side", async () => {
    const linkId = id("link");
    const base = Date.UTC(2031, 0, 6);
    const atMs = Array.from({ length: 5000 }, (_, i) => base + i * 1000);
    const lag = {
      linkId: atMs.map(() => linkId),
      atMs,
      lagMs: atMs.map((_, i) => i / 2),
      lagBytes: atMs.map((_, i) => i),
    };
    expect(await ingestRows(db, { lag })).toEqual({ inserted: 5000 });
    expect(
      await db.lagSample.aggregate({ where: { linkId }, _count: true, _max: { lagMs: true }, _min: { at: true } }),
    ).toMatchObject({
      _count: 5000,
      _max: { lagMs: 2499.5 },
      _min: { at: new Date(base) },
    });
  });

  it("refuses columns of different lengths rather than padding them with nulls", async () => {
    await expect(
      ingestRows(db, { lag: { linkId: ["a", "b"], atMs: [1], lagMs: [1, 2], lagBytes: [1, 2] } }),
    ).rejects.toThrow(/lag columns have different lengths/);
  });
});
