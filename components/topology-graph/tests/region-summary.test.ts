import { describe, expect, it } from "vitest";

import { layoutNodesOf } from "../build-graph";
import { searchNodes } from "../graph-search";
import type { RegionLinkEdge, RegionSummaryNode } from "../graph-types";
import { layoutOverview, OVERVIEW_ASPECT, packSkyline } from "../layout";
import { indexSnapshot } from "../live-merge";
import { worstLagText } from "../live-text";
import { aggregateLinks, buildOverviewGraph, summarizeRegion, worstLagMs } from "../region-summary";
import { estate, estateSnapshot } from "./estate";

describe("the zoomed-out graph of regions", () => {
  const deployment = estate(9, { perCluster: 3 });
  const { nodes, edges } = buildOverviewGraph(deployment);

  it("has one node per region and one edge per pair of regions that replicate", () => {
    expect(nodes).toHaveLength(9);
    expect(nodes.every((node) => node.type === "regionSummary")).toBe(true);
    // Three clusters, each a primary feeding two other regions.
    expect(edges.map((edge) => edge.id).sort()).toEqual(
      ["r0>r1", "r0>r2", "r3>r4", "r3>r5", "r6>r7", "r6>r8"].map((pair) => `regions:${pair}`),
    );
  });

  it("joins every link from one region to another into one edge with the worst lag and all alerts", () => {
    const joined = estate(4, { perCluster: 2 });
    // A second cluster along the same pair of regions: r0 -> r1 twice.
    joined.clusters.push({
      ...joined.clusters[0]!,
      id: "twin",
      name: "twin",
      replicas: joined.clusters[0]!.replicas.map((replica) => ({ ...replica, id: `t-${replica.id}` })),
      links: [{ id: "l-twin", sourceReplicaId: "t-c0-r0", targetReplicaId: "t-c0-r1", mode: "ASYNC" }],
    } as (typeof joined.clusters)[number]);
    const graph = buildOverviewGraph(joined);
    const pair = graph.edges.find((edge) => edge.id === "regions:r0>r1") as RegionLinkEdge;
    expect(pair.data!.linkIds.sort()).toEqual(["l-c0-r1", "l-twin"]);

    const snapshot = estateSnapshot(joined, { lagMs: 200, lagOf: { "l-twin": 9000 } });
    snapshot.alerts = [
      { id: "a1", kind: "LAG_OVER_RPO", targetId: "l-twin", targetLabel: "", message: "", openedAt: "" },
      { id: "a2", kind: "REGION_DOWN", targetId: "r1", targetLabel: "", message: "", openedAt: "" },
    ] as typeof snapshot.alerts;
    expect(aggregateLinks(pair.data!, indexSnapshot(snapshot))).toMatchObject({
      measured: true,
      overRpo: true,
      openAlerts: 1,
    });
    expect(worstLagText(indexSnapshot(snapshot), pair.data!.linkIds)).toBe("9 s");
    const r1 = graph.nodes.find((node) => node.id === "region:r1") as RegionSummaryNode;
    // The region's own alert and that of a link into it.
    expect(worstLagMs(r1.data.inboundLinkIds, indexSnapshot(snapshot))).toBe(9000);
    expect(summarizeRegion(r1.data, indexSnapshot(snapshot))).toMatchObject({
      measured: true,
      overRpo: true,
      openAlerts: 2,
      writer: false,
    });
  });

  it("sums a region up: health, worst lag into it, writer or not", () => {
    const live = indexSnapshot(estateSnapshot(deployment, { down: ["r4"], lagOf: { "l-c1-r4": 12_000 } }));
    const data = (id: string) => (nodes.find((node) => node.id === `region:${id}`) as RegionSummaryNode).data;
    expect(summarizeRegion(data("r3"), live)).toMatchObject({ status: "HEALTHY", writer: true, measured: false });
    expect(worstLagText(live, data("r3").inboundLinkIds)).toBe("no data");
    expect(summarizeRegion(data("r4"), live)).toMatchObject({
      status: "DOWN",
      writer: false,
      measured: true,
      overRpo: true,
    });
    expect(worstLagMs(data("r4").inboundLinkIds, live)).toBe(12_000);
    // Before any snapshot, the model's roles say who writes; a fenced primary does not.
    expect(summarizeRegion(data("r3"), indexSnapshot(undefined))).toMatchObject({ writer: true, status: undefined });
    const fenced = estateSnapshot(deployment);
    fenced.replicas = fenced.replicas.map((replica) => ({ ...replica, fenced: replica.replicaId === "c1-r3" }));
    expect(summarizeRegion(data("r3"), indexSnapshot(fenced)).writer).toBe(false);
  });

  it("finds, zoomed out, the region holding a replica or a cluster", () => {
    expect(searchNodes(nodes, "db1-r4")).toEqual(["region:r4"]);
    expect(searchNodes(nodes, "db2").sort()).toEqual(["region:r6", "region:r7", "region:r8"]);
  });

  it("keeps a region with nothing in it", () => {
    const lonely = estate(4, { perCluster: 3 });
    const graph = buildOverviewGraph(lonely);
    const empty = graph.nodes.find((node) => node.id === "region:r3") as RegionSummaryNode;
    expect(empty.data).toMatchObject({ replicaIds: [], inboundLinkIds: [], writer: false });
    expect(summarizeRegion(empty.data, indexSnapshot(estateSnapshot(lonely)))).toMatchObject({ status: "HEALTHY" });
  });
});

describe("the zoomed-out layout", () => {
  it("places regions apart and routes every edge around the regions it does not join", async () => {
    const deployment = estate(30, { perCluster: 4 });
    const { nodes, edges } = buildOverviewGraph(deployment);
    const { boxes, routes } = await layoutOverview(layoutNodesOf(nodes), edges);
    const placed = nodes.map((node) => ({ id: node.id, ...boxes[node.id]! }));
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]!, placed[j]!)).toBe(false);
    expect(Object.keys(routes).sort()).toEqual(edges.map((edge) => edge.id).sort());
    for (const edge of edges) {
      const route = routes[edge.id]!;
      for (const box of placed.filter((b) => b.id !== edge.source && b.id !== edge.target))
        for (let k = 1; k < route.length; k++)
          expect(crosses(route[k - 1]!, route[k]!, box), `${edge.id} through ${box.id}`).toBe(false);
    }
    // Packed into rows near the screen's shape, not one long line.
    const width = Math.max(...placed.map((b) => b.x + b.width));
    const height = Math.max(...placed.map((b) => b.y + b.height));
    expect(width / height).toBeLessThan(4);
    expect(height / width).toBeLessThan(4);
  });
});

describe("packing the zoomed-out graph's clusters", () => {
  it("puts boxes of mixed heights in the strip without overlap, short ones beside or under tall ones", () => {
    const sizes = [
      { width: 300, height: 280 },
      { width: 560, height: 180 },
      { width: 300, height: 280 },
      { width: 560, height: 180 },
      { width: 270, height: 70 },
    ];
    const { offsets, width, height } = packSkyline(sizes, 1000, 20);
    const boxes = sizes.map((size, i) => ({ ...size, ...offsets[i]! }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
    expect(width).toBeLessThanOrEqual(1000);
    // Two tall ones side by side (620), a wide one beside them would not fit: it goes under.
    expect(height).toBeLessThan(280 + 20 + 180 + 20 + 180 + 1);
  });

  it("fills a canvas of the screen's shape at 70 regions: half the drawing or more is regions", async () => {
    const deployment = estate(71, { perCluster: 3 });
    const { nodes, edges } = buildOverviewGraph(deployment);
    const { boxes } = await layoutOverview(layoutNodesOf(nodes), edges);
    const placed = Object.values(boxes);
    const width = Math.max(...placed.map((b) => b.x + b.width));
    const height = Math.max(...placed.map((b) => b.y + b.height));
    // The drawing as fitted to a canvas of OVERVIEW_ASPECT: the part of it regions cover.
    const fitted = Math.max(width, height * OVERVIEW_ASPECT) * Math.max(height, width / OVERVIEW_ASPECT);
    const covered = placed.reduce((sum, b) => sum + b.width * b.height, 0);
    expect(covered / fitted).toBeGreaterThan(0.5);
  });
});

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** Does an axis-parallel segment (orthogonal routing makes only those) pass through the box's inside? */
function crosses(a: { x: number; y: number }, b: { x: number; y: number }, box: Box): boolean {
  const [x1, x2] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [y1, y2] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return x1 < box.x + box.width && x2 > box.x && y1 < box.y + box.height && y2 > box.y;
}
