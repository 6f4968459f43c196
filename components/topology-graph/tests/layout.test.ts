import { describe, expect, it } from "vitest";

import { GROUP_HEADER_HEIGHT, layoutGraph, layoutKey, type LayoutEdge, type LayoutNode, type NodeBox } from "../layout";
import { layoutMap, MAP_HEIGHT, MAP_WIDTH, project } from "../map-layout";
import { worldPaths } from "../world-map";

/** A deployment-shaped graph: policies on top, regions holding stack components and replicas, links between replicas. */
function estate(regionCount: number, { policies = 2, stackPerRegion = 4, clusters = 2 } = {}) {
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  for (let p = 0; p < policies; p++) nodes.push({ id: `policy:${p}`, width: 240, height: 64 });
  for (let r = 0; r < regionCount; r++) {
    nodes.push({ id: `region:${r}`, group: true, width: 248, height: 140 });
    for (let s = 0; s < stackPerRegion; s++)
      nodes.push({ id: `stack:${r}:${s}`, parentId: `region:${r}`, width: 224, height: 40 });
    for (let c = 0; c < clusters; c++)
      nodes.push({ id: `replica:${c}:${r}`, parentId: `region:${r}`, width: 224, height: 58 });
    for (let p = 0; p < policies; p++)
      edges.push({ id: `rule:${p}:${r}`, source: `policy:${p}`, target: `region:${r}` });
  }
  // Each cluster: a primary in region 0 feeding every other region.
  for (let c = 0; c < clusters; c++) {
    for (let r = 1; r < regionCount; r++)
      edges.push({ id: `link:${c}:${r}`, source: `replica:${c}:0`, target: `replica:${c}:${r}` });
  }
  return { nodes, edges };
}

const overlaps = (a: NodeBox, b: NodeBox) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("layoutGraph", () => {
  it("gives every node a box with a size", async () => {
    const { nodes, edges } = estate(3);
    const boxes = await layoutGraph(nodes, edges);
    for (const node of nodes) {
      const box = boxes[node.id];
      expect(box, node.id).toBeDefined();
      expect(Number.isFinite(box!.x) && Number.isFinite(box!.y)).toBe(true);
      expect(box!.width).toBeGreaterThan(0);
      expect(box!.height).toBeGreaterThan(0);
    }
  });

  it("keeps children inside their region group, below its header", async () => {
    const { nodes, edges } = estate(5);
    const boxes = await layoutGraph(nodes, edges);
    for (const node of nodes.filter((n) => n.parentId)) {
      const child = boxes[node.id]!;
      const group = boxes[node.parentId!]!;
      // Children's boxes are relative to their group.
      expect(child.x, node.id).toBeGreaterThanOrEqual(0);
      expect(child.y, node.id).toBeGreaterThanOrEqual(GROUP_HEADER_HEIGHT);
      expect(child.x + child.width, node.id).toBeLessThanOrEqual(group.width);
      expect(child.y + child.height, node.id).toBeLessThanOrEqual(group.height);
    }
  });

  it("keeps children of one group apart", async () => {
    const { nodes, edges } = estate(2, { stackPerRegion: 5, clusters: 3 });
    const boxes = await layoutGraph(nodes, edges);
    const kids = nodes.filter((n) => n.parentId === "region:0").map((n) => boxes[n.id]!);
    for (let i = 0; i < kids.length; i++)
      for (let j = i + 1; j < kids.length; j++) expect(overlaps(kids[i]!, kids[j]!)).toBe(false);
  });

  it("places no two region groups on top of each other, at 50 regions and 500 nodes", async () => {
    const { nodes, edges } = estate(50, { stackPerRegion: 5, clusters: 4 });
    expect(nodes.length).toBeGreaterThanOrEqual(500);
    const boxes = await layoutGraph(nodes, edges);
    const groups = nodes.filter((n) => n.group).map((n) => boxes[n.id]!);
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++)
        expect(overlaps(groups[i]!, groups[j]!), `groups ${i} and ${j}`).toBe(false);
    }
    // Wrapped into rows: the drawing is not one line of 50 groups.
    const width = Math.max(...groups.map((g) => g.x + g.width));
    const height = Math.max(...groups.map((g) => g.y + g.height));
    expect(width / height).toBeLessThan(6);
  });

  it("puts the routing policies above the regions", async () => {
    const { nodes, edges } = estate(6);
    const boxes = await layoutGraph(nodes, edges);
    const lowestPolicy = Math.max(
      ...nodes.filter((n) => n.id.startsWith("policy:")).map((n) => boxes[n.id]!.y + boxes[n.id]!.height),
    );
    const highestRegion = Math.min(...nodes.filter((n) => n.group).map((n) => boxes[n.id]!.y));
    expect(lowestPolicy).toBeLessThan(highestRegion);
  });

  it("lays out a region with nothing in it, and a graph with no edges", async () => {
    const boxes = await layoutGraph(
      [
        { id: "region:empty", group: true, width: 248, height: 140 },
        { id: "policy:a", width: 240, height: 64 },
      ],
      [],
    );
    expect(boxes["region:empty"]).toMatchObject({ width: 248, height: 140 });
    expect(boxes["policy:a"]).toBeDefined();
  });

  it("gives the same output for the same input", async () => {
    const { nodes, edges } = estate(12);
    const first = await layoutGraph(nodes, edges);
    const second = await layoutGraph(structuredClone(nodes), structuredClone(edges));
    expect(second).toEqual(first);
  });

  it("ignores edges to nodes it does not know", async () => {
    const boxes = await layoutGraph(
      [{ id: "a", width: 10, height: 10 }],
      [{ id: "e", source: "a", target: "missing" }],
    );
    expect(Object.keys(boxes)).toEqual(["a"]);
  });
});

describe("layoutKey", () => {
  it("changes with the set of ids, not their order or anything else", () => {
    const a = layoutKey([{ id: "x" }, { id: "y" }], [{ id: "e" }]);
    expect(layoutKey([{ id: "y" }, { id: "x" }], [{ id: "e" }])).toBe(a);
    expect(layoutKey([{ id: "x" }, { id: "y" }, { id: "z" }], [{ id: "e" }])).not.toBe(a);
    expect(layoutKey([{ id: "x" }, { id: "y" }], [])).not.toBe(a);
  });
});

describe("layoutMap", () => {
  it("projects latitude and longitude onto the canvas", () => {
    expect(project(90, -180)).toEqual({ x: 0, y: 0 });
    expect(project(-90, 180)).toEqual({ x: MAP_WIDTH, y: MAP_HEIGHT });
    expect(project(0, 0)).toEqual({ x: MAP_WIDTH / 2, y: MAP_HEIGHT / 2 });
  });

  it("centres a region on its place and separates regions of one metro area", () => {
    const places = [
      { id: "us-east-1", latitude: 38.95, longitude: -77.45, width: 184, height: 64 },
      { id: "eastus", latitude: 37.37, longitude: -79.82, width: 184, height: 64 },
      { id: "eu-west-1", latitude: 53.35, longitude: -6.26, width: 184, height: 64 },
      { id: "ashburn-2", latitude: 38.95, longitude: -77.45, width: 184, height: 64 },
    ];
    const boxes = layoutMap(places);
    const dublin = project(53.35, -6.26);
    expect(boxes["eu-west-1"]).toEqual({ x: dublin.x - 92, y: dublin.y - 32, width: 184, height: 64 });
    const all = Object.values(boxes);
    expect(all).toHaveLength(4);
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++) expect(overlaps(all[i]!, all[j]!)).toBe(false);
    expect(layoutMap([...places].reverse())).toEqual(boxes);
  });
});

describe("the world map", () => {
  it("draws the land's coastlines from world-atlas with the projection regions are placed by", () => {
    const { land, graticule } = worldPaths();
    // Natural Earth 1:110m land: over a hundred rings (continents and islands) in one path.
    expect(land.match(/M/g)!.length).toBeGreaterThan(100);
    expect(graticule.length).toBeGreaterThan(0);
    // Every coordinate lies on the canvas.
    const numbers = land.match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(MAP_WIDTH + 1);
  });
});
