import { describe, expect, it } from "vitest";

import { buildMapGraph, buildTopologyGraph, layoutNodesOf, mapPlacesOf } from "../build-graph";
import { searchNodes } from "../graph-search";
import { layoutGraph } from "../layout";
import { composeEdges, composeNodes, indexSnapshot } from "../live-merge";
import { linkLagText, regionTrafficText } from "../live-text";
import { ruleLabel } from "../rule-edge";
import { deployment, snapshot } from "./fixture";

describe("the topology graph", () => {
  it("puts every region's group before its children, and links between replicas", () => {
    const { nodes, edges } = buildTopologyGraph(deployment);
    const index = new Map(nodes.map((node, i) => [node.id, i]));
    for (const node of nodes) if (node.parentId) expect(index.get(node.parentId)).toBeLessThan(index.get(node.id)!);
    expect(nodes.map((node) => node.id)).toEqual([
      "policy:pol",
      "region:r2",
      "stack:stack-r2",
      "replica:s",
      "region:r1",
      "stack:stack-r1",
      "replica:p",
    ]);
    expect(edges.find((edge) => edge.id === "link:l1")).toMatchObject({
      source: "replica:p",
      target: "replica:s",
      data: { sourceName: "orders-use1", targetName: "orders-euw1" },
    });
    expect(edges.filter((edge) => edge.type === "rule")).toHaveLength(2);
  });

  it("merges live values into data only: a new snapshot moves nothing", async () => {
    const graph = buildTopologyGraph(deployment);
    const boxes = await layoutGraph(layoutNodesOf(graph.nodes), graph.edges);
    const ui = { selection: null };
    const calm = composeNodes(graph.nodes, boxes, indexSnapshot(snapshot(100, false)), ui);
    const stormy = composeNodes(graph.nodes, boxes, indexSnapshot(snapshot(9000, true)), ui);
    expect(stormy.map((node) => [node.id, node.position, node.width, node.height])).toEqual(
      calm.map((node) => [node.id, node.position, node.width, node.height]),
    );
    expect(stormy.every((node) => node.draggable === false)).toBe(true);

    const regionNode = stormy.find((node) => node.id === "region:r1")!;
    expect(regionNode.data).toMatchObject({ status: "DEGRADED" });
    // Traffic is not node data: its label reads it from the live values.
    expect(regionNode.data).not.toHaveProperty("requestsPerSecond");
    expect(regionTrafficText(indexSnapshot(snapshot(9000, true)), "r1", "errors")).toBe("120 rps · 1% errors");
    expect(stormy.find((node) => node.id === "replica:s")!.data).toMatchObject({
      role: "PRIMARY",
      epoch: 4,
      writable: true,
    });

    const link = composeEdges(graph.edges, stormy, indexSnapshot(snapshot(9000, true)), ui).find(
      (edge) => edge.id === "link:l1",
    )!;
    expect(link).toMatchObject({ animated: true, data: { measured: true, overRpo: true, openAlerts: 1 } });
    expect(linkLagText(indexSnapshot(snapshot(9000, true)), "l1")).toBe("9 s · 2 KB");
    expect(linkLagText(indexSnapshot(undefined), "l1")).toBe("no data");
  });

  it("waits for the layout before showing a node", () => {
    const graph = buildTopologyGraph(deployment);
    expect(composeNodes(graph.nodes, null, indexSnapshot(undefined), { selection: null })).toEqual([]);
  });

  it("joins regions on the map, draws the routing policies' rules to them, and finds nodes by code or name", () => {
    const map = buildMapGraph(deployment);
    expect(map.nodes.map((node) => node.type)).toEqual(["policy", "mapRegion", "mapRegion"]);
    expect(map.edges).toMatchObject([
      { type: "rule", source: "policy:pol", target: "region:r1" },
      { type: "rule", source: "policy:pol", target: "region:r2" },
      { type: "link", source: "region:r1", target: "region:r2" },
    ]);
    // Every node of the map has a place: the policy north of the regions it routes to.
    const places = mapPlacesOf(deployment);
    expect(places.map((place) => place.id).sort()).toEqual(map.nodes.map((node) => node.id).sort());
    const policy = places.find((place) => place.id === "policy:pol")!;
    const regions = places.filter((place) => place.id.startsWith("region:"));
    expect(policy.latitude).toBeGreaterThan(Math.max(...regions.map((region) => region.latitude)));
    expect(searchNodes(buildTopologyGraph(deployment).nodes, "eu-west")[0]).toBe("region:r2");
    expect(searchNodes(buildTopologyGraph(deployment).nodes, "orders-use1")).toEqual(["replica:p"]);
  });

  it("labels routing rules by steering", () => {
    expect(ruleLabel({ steering: "WEIGHTED", weight: 100, priority: 1, enabled: true, drained: false })).toBe("w 100");
    expect(ruleLabel({ steering: "FAILOVER", weight: 100, priority: 1, enabled: true, drained: true })).toBe(
      "p 1 · drained",
    );
    // Latency steering picks the best priority among rules of weight above 0; random uses neither.
    expect(ruleLabel({ steering: "LATENCY", weight: 0, priority: 2, enabled: true, drained: false })).toBe("p 2 · w 0");
    expect(ruleLabel({ steering: "RANDOM", weight: 50, priority: 1, enabled: false, drained: false })).toBe("disabled");
  });
});
