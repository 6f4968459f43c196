import { describe, expect, it } from "vitest";

import { buildTopologyGraph, layoutNodesOf } from "../build-graph";
import type { GraphSelection, RegionSummaryNode } from "../graph-types";
import { Highlights } from "../highlights";
import { layoutGraph } from "../layout";
import { indexSnapshot, LiveMerger, sameData } from "../live-merge";
import { linkLagText, regionTrafficText, worstLagText } from "../live-text";
import { LiveValues } from "../live-values";
import { HANDLE_SIDES } from "../node-handles";
import { buildOverviewGraph } from "../region-summary";
import { estate, estateSnapshot } from "./estate";

const NO_UI: { selection: GraphSelection | null } = { selection: null };

async function setUp() {
  const deployment = estate(12);
  const graph = buildTopologyGraph(deployment);
  const boxes = await layoutGraph(layoutNodesOf(graph.nodes), graph.edges);
  const merger = new LiveMerger();
  const render = (snapshot: ReturnType<typeof estateSnapshot>, ui = NO_UI) => {
    const live = indexSnapshot(snapshot);
    const nodes = merger.composeNodes(graph.nodes, boxes, live, ui);
    return { nodes, edges: merger.composeEdges(graph.edges, nodes, live, ui) };
  };
  return { deployment, graph, render };
}

describe("the live merge keeps identity", () => {
  it("a tick that only moves numbers keeps every node and edge, and changes only the texts of what moved", async () => {
    const { deployment, graph, render } = await setUp();
    const before = estateSnapshot(deployment, { lagMs: 100, rps: 120.2 });
    const first = render(before);
    const changed = deployment.clusters[1]!.links[0]!.id;
    // Lag still under the RPO, traffic that reads differently: numbers only.
    const after = estateSnapshot(deployment, { lagMs: 100, rps: 180, lagOf: { [changed]: 900 } });
    const second = render(after);
    expect(second.nodes).toBe(first.nodes);
    expect(second.edges).toBe(first.edges);

    // What the labels read instead: the changed link's lag and the worst lag into its region move.
    const [was, now] = [indexSnapshot(before), indexSnapshot(after)];
    const links = graph.edges.flatMap((edge) => (edge.type === "link" && edge.data ? [edge.data.linkId] : []));
    expect(links.filter((id) => linkLagText(was, id) !== linkLagText(now, id))).toEqual([changed]);
    const overview = buildOverviewGraph(deployment).nodes as RegionSummaryNode[];
    const into = overview.filter(
      (node) => worstLagText(was, node.data.inboundLinkIds) !== worstLagText(now, node.data.inboundLinkIds),
    );
    expect(into.map((node) => node.data.inboundLinkIds)).toEqual([[changed]]);
    expect(regionTrafficText(now, "r1", "errors")).toBe("180 rps · 0% errors");
    expect(regionTrafficText(was, "r1", "errors")).toBe("120 rps · 0% errors");
  });

  it("a tick that puts one link over the RPO yields new objects for that edge only", async () => {
    const { deployment, render } = await setUp();
    const first = render(estateSnapshot(deployment, { lagMs: 100 }));
    const changed = deployment.clusters[1]!.links[0]!.id;
    const second = render(estateSnapshot(deployment, { lagMs: 100, lagOf: { [changed]: 7000 } }));

    expect(second.nodes).toHaveLength(first.nodes.length);
    second.nodes.forEach((node, i) => expect(node, node.id).toBe(first.nodes[i]));
    for (const [i, edge] of second.edges.entries()) {
      if (edge.id === `link:${changed}`) {
        expect(edge).not.toBe(first.edges[i]);
        expect(edge.data).not.toBe(first.edges[i]!.data);
        expect(edge).toMatchObject({ animated: true, data: { measured: true, overRpo: true } });
      } else expect(edge, edge.id).toBe(first.edges[i]);
    }
  });

  it("a region going down or a selection renews only the nodes they touch", async () => {
    const { deployment, render } = await setUp();
    const first = render(estateSnapshot(deployment));
    const down = render(estateSnapshot(deployment, { down: ["r3"] }));
    expect(down.nodes.filter((node, i) => node !== first.nodes[i]).map((node) => node.id)).toEqual(["region:r3"]);
    expect(down.nodes.find((node) => node.id === "region:r3")!.data).toMatchObject({ status: "DOWN" });

    const picked = render(estateSnapshot(deployment, { down: ["r3"] }), {
      selection: { kind: "node", id: "region:r5" },
    });
    expect(picked.nodes.filter((node, i) => node !== down.nodes[i]).map((node) => node.id)).toEqual(["region:r5"]);
    expect(picked.edges.every((edge, i) => edge === down.edges[i])).toBe(true);
  });

  it("keeps the very data of nodes with nothing live (stacks, policies), so they never compare", async () => {
    const { deployment, graph, render } = await setUp();
    const { nodes } = render(estateSnapshot(deployment));
    const stacks = nodes.filter((node) => node.type === "stack" || node.type === "policy");
    expect(stacks.length).toBeGreaterThan(0);
    for (const node of stacks) expect(node.data).toBe(graph.nodes.find((n) => n.id === node.id)!.data);
  });
});

describe("the live merge keeps the arrays", () => {
  it("hands back the same node and edge arrays when nothing drawn changed, new ones when one edge did", async () => {
    const { deployment, render } = await setUp();
    const first = render(estateSnapshot(deployment, { rps: 120.2 }));
    const same = render(estateSnapshot(deployment, { rps: 150 }));
    expect(same.nodes).toBe(first.nodes);
    expect(same.edges).toBe(first.edges);

    const changed = deployment.clusters[0]!.links[0]!.id;
    const moved = render(estateSnapshot(deployment, { rps: 120.4, lagOf: { [changed]: 7000 } }));
    expect(moved.nodes).toBe(first.nodes);
    expect(moved.edges).not.toBe(first.edges);
    expect(moved.edges.filter((edge, i) => edge !== first.edges[i]).map((edge) => edge.id)).toEqual([
      `link:${changed}`,
    ]);
  });
});

describe("sameData", () => {
  it("compares flat data by value", () => {
    expect(sameData({ a: 1, b: "x" }, { a: 1, b: "x" })).toBe(true);
    expect(sameData({ a: 1, b: 1200 }, { a: 1, b: 1201 })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData({ a: 1, b: 2 }, { a: 1, b: 3 })).toBe(false);
  });
});

describe("the live values", () => {
  it("tell their readers of a new index only, once each", () => {
    const first = indexSnapshot(undefined);
    const values = new LiveValues(first);
    let told = 0;
    const stop = values.subscribe(() => told++);
    values.set(first);
    expect(told).toBe(0);
    const next = indexSnapshot(undefined);
    values.set(next);
    expect([told, values.get()]).toEqual([1, next]);
    stop();
    values.set(indexSnapshot(undefined));
    expect(told).toBe(1);
  });
});

describe("the search's marks", () => {
  it("reach a node as whether its own id is marked, and tell the readers of a new set only", () => {
    const first = new Set(["region:r1"]);
    const marks = new Highlights(first);
    let told = 0;
    marks.subscribe(() => told++);
    marks.set(first);
    expect(told).toBe(0);
    marks.set(new Set(["region:r2"]));
    expect([told, marks.get().has("region:r1"), marks.get().has("region:r2")]).toEqual([1, false, true]);
  });
});

describe("what React Flow need not measure", () => {
  it("each node declares its box's size and the handles its view draws, where it draws them", async () => {
    const { deployment, render } = await setUp();
    const { nodes } = render(estateSnapshot(deployment, { lagMs: 100 }));
    for (const node of nodes) {
      expect(node.measured, node.id).toEqual({ width: node.width, height: node.height });
      const sides = HANDLE_SIDES[node.type];
      const handles = node.handles ?? [];
      expect(handles.map((handle) => handle.type).sort(), node.id).toEqual(
        [sides.source ? "source" : null, sides.target ? "target" : null].filter(Boolean),
      );
      // Centred on the top border (target) or the bottom one (source), 6 px square, as drawn.
      for (const handle of handles) {
        expect(handle.x + handle.width! / 2, node.id).toBe(node.width! / 2);
        expect(handle.y + handle.height! / 2, node.id).toBe(handle.type === "target" ? 0 : node.height);
      }
    }
    // Regions (a target only) and replicas (both) have handles here; stacks none.
    const kinds = new Set(nodes.filter((node) => node.handles?.length).map((node) => node.type));
    expect([...kinds].sort()).toEqual(["region", "replica"]);
    expect(nodes.some((node) => node.type === "stack" && node.handles?.length === 0)).toBe(true);
  });
});
