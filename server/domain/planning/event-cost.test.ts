// One-off costs of switchover, failback and failover for the demo deployments, against real PostgreSQL.
// Another test file edits a price of the shared catalog meanwhile, so figures are checked as
// quantity × the unit price the line states, not as fixed dollar amounts.
import { describe, expect, it } from "vitest";

import { computeEstateCost } from "@/lib/cost";
import { db } from "@/server/db";
import { SYSTEM_ACTOR } from "@/server/domain/identity/actor";
import { SNAPSHOT_EVENT } from "@/server/domain/telemetry/snapshot";
import { addRegionToDeployment } from "@/server/domain/topology/deployment-regions";
import { createDeployment } from "@/server/domain/topology/deployments";
import { publishLiveEvent } from "@/server/events";
import { deploymentInput } from "@/tests/factories";
import { seedPlanningDemo } from "@/tests/planning-demo";

import { currentCatalog, plainCatalog } from "./catalog";
import { estateFromModel } from "./estate-from-model";
import { eventCosts, eventCostsOf, type EventCostItem } from "./event-cost";
import { loadPlanningModel } from "./load-model";

const kindOf = (items: EventCostItem[], kind: EventCostItem["kind"]) => items.find((item) => item.kind === kind)!;

function expectConsistent(item: EventCostItem) {
  for (const line of item.lines) expect(line.usd).toBeCloseTo(line.quantity * line.unitPriceUsd, 9);
  expect(item.totalUsd).toBeCloseTo(
    item.lines.reduce((sum, line) => sum + line.usd, 0),
    9,
  );
}

describe("event costs", () => {
  it("commerce-aws without live data: catch-up from the RPO, scale-up to the primary's compute, a DNS spike", async () => {
    const { deployment } = await seedPlanningDemo("commerce-aws");
    const items = await eventCosts(db, deployment.id);
    expect(items.map((item) => item.kind)).toEqual(["SWITCHOVER", "FAILBACK", "FAILOVER"]);
    items.forEach(expectConsistent);

    const switchover = kindOf(items, "SWITCHOVER");
    // RPO 5 s × 1,000 GB/day = 0.0579 GB; compute 10 - 3 = 7 large for 1 h; DNS one hour of 68.3 M queries a month.
    expect(switchover.lines.map((line) => [line.category, line.regionCode, line.unit])).toEqual([
      ["transfer", "us-east-1", "GB"],
      ["compute", "eu-west-1", "instance-hour"],
      ["routing", undefined, "million-queries"],
    ]);
    expect(switchover.lines[0]!.quantity).toBe(0.058); // to the MB
    expect(switchover.lines[0]!.description).toContain("across continents");
    expect(switchover.lines[1]).toMatchObject({
      quantity: 7,
      description: "scale-up in eu-west-1: 7 × large compute for 1 h",
      unitPriceUsd: 0.4,
    });
    expect(switchover.lines[2]!.quantity).toBeCloseTo((13 * 20 * 2_628_000) / 1e6 / 10 / 730, 9);
    expect(switchover.assumptions).toContain(
      "catch-up = RPO target 5 s × the links' expected write rate (no live lag from the worker): 0.058 GB",
    );

    const failback = kindOf(items, "FAILBACK");
    // 1 h of the 1,000 GB/day link, sent back from eu-west-1; no scale-up.
    expect(failback.lines[0]).toMatchObject({ category: "transfer", regionCode: "eu-west-1" });
    expect(failback.lines[0]!.quantity).toBe(41.667);
    expect(failback.lines.some((line) => line.unit === "instance-hour")).toBe(false);
    expect(failback.assumptions.join(" ")).toContain("assumed 1 h of the links' expected volume");

    const failover = kindOf(items, "FAILOVER");
    expect(failover.lines.some((line) => line.category === "transfer")).toBe(false);
    expect(failover.lines.find((line) => line.unit === "instance-hour")).toMatchObject({
      quantity: 7 * 24,
      usd: 7 * 24 * 0.4,
    });
    expect(failover.assumptions).toContain(
      "eu-west-1 compute brought from 3 × large to the primary's 10 × large for 24 h, until the failback",
    );
  });

  it("prices catch-up at the route's own price, the one the monthly replication line uses", async () => {
    const { deployment } = await seedPlanningDemo("commerce-aws");
    // One read of the catalog for both: another test file moves a transfer price meanwhile.
    const [model, catalog] = await Promise.all([loadPlanningModel(db, deployment.id), currentCatalog(db)]);
    const monthly = computeEstateCost(estateFromModel(model).estate, plainCatalog(catalog));
    const replication = monthly.lines.find((line) =>
      line.description.startsWith("replication us-east-1 -> eu-west-1"),
    )!;
    const fromNa = catalog.items.find(
      (item) => item.provider === "AWS" && item.item === "transfer.inter-continent.from-NA",
    )!;
    const blended = catalog.items.find((item) => item.provider === "AWS" && item.item === "transfer.inter-continent")!;
    expect(fromNa.unitPriceUsd).not.toBe(blended.unitPriceUsd);
    expect(replication.unitPriceUsd).toBe(fromNa.unitPriceUsd);

    const switchover = kindOf(eventCostsOf(model, catalog, null), "SWITCHOVER");
    const catchUp = switchover.lines.find((line) => line.category === "transfer")!;
    expect(catchUp.description).toMatch(/^catch-up us-east-1 -> eu-west-1/);
    expect(catchUp.unitPriceUsd).toBe(replication.unitPriceUsd);
    // The failback sends from eu-west-1: Europe's own price, which the catalog lists too.
    const fromEu = catalog.items.find(
      (item) => item.provider === "AWS" && item.item === "transfer.inter-continent.from-EU",
    )!;
    const failback = kindOf(eventCostsOf(model, catalog, null), "FAILBACK");
    expect(failback.lines.find((line) => line.category === "transfer")!.unitPriceUsd).toBe(fromEu.unitPriceUsd);
  });

  it("takes the catch-up of a switchover from the lag the worker measured", async () => {
    const { deployment, cluster } = await seedPlanningDemo("commerce-aws");
    const link = await db.replicationLink.findFirstOrThrow({ where: { clusterId: cluster.id } });
    await publishLiveEvent(db, deployment.id, SNAPSHOT_EVENT, {
      deploymentId: deployment.id,
      observedAtMs: Date.now(),
      rpoTargetSeconds: 5,
      regions: [],
      clusters: [],
      replicas: [],
      alerts: [],
      faults: [],
      links: [{ linkId: link.id, lagMs: 30_000, lagBytes: 2_500_000_000, overRpo: true }],
    });
    const switchover = kindOf(await eventCosts(db, deployment.id), "SWITCHOVER");
    expect(switchover.lines[0]).toMatchObject({ category: "transfer", quantity: 2.5 });
    expect(
      switchover.assumptions.some((line) => line.startsWith("catch-up = the replication backlog measured at")),
    ).toBe(true);
  });

  it("global-platform: every region already runs the full stack, so nothing scales up", async () => {
    const { deployment } = await seedPlanningDemo("global-platform");
    const items = await eventCosts(db, deployment.id);
    items.forEach(expectConsistent);
    for (const item of items) expect(item.lines.some((line) => line.unit === "instance-hour")).toBe(false);
    expect(kindOf(items, "FAILOVER").assumptions).toContain(
      "no compute scale-up: eu-west-1 already runs 12 compute instances, the primary 12",
    );
  });

  it("saas-azure: Front Door bills no DNS queries for the change", async () => {
    const { deployment } = await seedPlanningDemo("saas-azure");
    const switchover = kindOf(await eventCosts(db, deployment.id), "SWITCHOVER");
    expect(switchover.lines.some((line) => line.category === "routing")).toBe(false);
    expect(switchover.assumptions.some((line) => line.includes("Front Door re-routes at the edge"))).toBe(true);
  });

  it("a one-region deployment has nowhere to move traffic: zero, and says why", async () => {
    const { regionIds } = await seedPlanningDemo("commerce-aws");
    const single = await createDeployment(db, SYSTEM_ACTOR, deploymentInput());
    await addRegionToDeployment(db, SYSTEM_ACTOR, { deploymentId: single.id, regionId: regionIds.awsUsEast1 });
    const items = await eventCosts(db, single.id);
    expect(items.map((item) => [item.kind, item.totalUsd])).toEqual([
      ["SWITCHOVER", 0],
      ["FAILBACK", 0],
      ["FAILOVER", 0],
    ]);
    expect(items[0]!.assumptions[0]).toMatch(/runs in one region/);
  });
});
