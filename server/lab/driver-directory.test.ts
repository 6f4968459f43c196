// The lab's controls as the driver's faults use them, after a switchover turned the model's links
// around: a link partition must cut the relay that carries the link's stream now (named by the
// ends it was made for), not the idle relay that bore the link's id before the primary moved.
// Plain data in and the lab's calls out: no server is needed to say which relay is which.
import { describe, expect, it } from "vitest";

import type { DeploymentTopology } from "@/server/drivers/types";

import { directoryFromStatus, type LabActions } from "./driver-directory";
import type { RelayConditions } from "./relay";
import type { LabStatus, LinkStatus, ServerStatus } from "./status";

const clean: RelayConditions = { cut: null, addedLatencyMs: 0, lossRate: 0 };

function server(replica: string, replicaId: string, port: number): ServerStatus {
  return {
    deployment: "lab",
    cluster: "lab-pg",
    replica,
    replicaId,
    region: replica.replace("pg-", ""),
    role: "READ_REPLICA",
    inRecovery: null,
    running: true,
    pid: null,
    host: "127.0.0.1",
    port,
    url: `postgresql://lab:x@127.0.0.1:${port}/postgres`,
    dataDir: `/tmp/${replica}`,
    marker: null,
  };
}

function relay(id: string, source: string, target: string, conditions = clean): LinkStatus {
  return {
    id,
    deployment: "lab",
    cluster: "lab-pg",
    source,
    target,
    sourceRegion: "",
    targetRegion: "",
    host: "127.0.0.1",
    port: 1,
    oneWayDelayMs: 0,
    conditions,
  };
}

// The seed's links were us -> eu (link-eu) and us -> ap (link-ap); after a switchover to eu the
// model says eu -> us and eu -> ap, and the lab made relays for those ends beside the old ones.
const topology = {
  deploymentId: "d",
  regions: [],
  clusters: [],
  replicas: ["r-us", "r-eu", "r-ap"].map((id) => ({
    id,
    clusterId: "c",
    regionId: id,
    role: "READ_REPLICA",
    epoch: 1,
  })),
  links: [
    { id: "link-eu", sourceReplicaId: "r-eu", targetReplicaId: "r-us", mode: "ASYNC", expectedVolumeGbPerDay: 1 },
    { id: "link-ap", sourceReplicaId: "r-eu", targetReplicaId: "r-ap", mode: "ASYNC", expectedVolumeGbPerDay: 1 },
  ],
  routingPolicies: [],
} as unknown as DeploymentTopology;

function labAfterSwitchover(links: LinkStatus[]) {
  const calls: string[] = [];
  const status: LabStatus = {
    servers: [
      server("pg-us-east-1", "r-us", 5001),
      server("pg-eu-west-1", "r-eu", 5002),
      server("pg-ap-southeast-1", "r-ap", 5003),
    ],
    routers: [],
    links,
    probes: [],
    workloads: [],
    pid: 1,
    dataRoot: "/tmp",
  };
  const actions: LabActions = {
    status: async () => status,
    faultLink: (fault) => void calls.push(`${fault.kind} ${fault.link}`),
    restoreLink: (link) => void calls.push(`restore ${link}`),
    stopServer: () => undefined,
    startServer: () => undefined,
  };
  return { calls, controls: directoryFromStatus(status, topology, actions).controls! };
}

const state = (cutLinks: string[], linkLatencyMs: Record<string, number> = {}) => ({
  cutLinks,
  linkLatencyMs,
  stoppedServers: {},
  startServers: [],
});

describe("the lab's link faults after the primary moved", () => {
  it("cuts the relay streaming eu -> us for the link now eu -> us, not the idle relay of its id", async () => {
    const { calls, controls } = labAfterSwitchover([
      relay("link-eu", "pg-us-east-1", "pg-eu-west-1"),
      relay("link-ap", "pg-us-east-1", "pg-ap-southeast-1"),
      relay("pg-eu-west-1->pg-us-east-1", "pg-eu-west-1", "pg-us-east-1"),
      relay("pg-eu-west-1->pg-ap-southeast-1", "pg-eu-west-1", "pg-ap-southeast-1"),
    ]);
    await controls.apply(state(["link-eu"]));
    expect(calls).toEqual(["restore pg-eu-west-1->pg-us-east-1", "cut pg-eu-west-1->pg-us-east-1"]);
  });

  it("slows the relay carrying the link, and leaves an idle relay cut before the move clean", async () => {
    const { calls, controls } = labAfterSwitchover([
      relay("link-eu", "pg-us-east-1", "pg-eu-west-1", { cut: "refuse", addedLatencyMs: 0, lossRate: 0 }),
      relay("link-ap", "pg-us-east-1", "pg-ap-southeast-1"),
      relay("pg-eu-west-1->pg-us-east-1", "pg-eu-west-1", "pg-us-east-1"),
      relay("pg-eu-west-1->pg-ap-southeast-1", "pg-eu-west-1", "pg-ap-southeast-1"),
    ]);
    await controls.apply(state([], { "link-ap": 200 }));
    expect(calls).toEqual([
      "restore link-eu",
      "restore pg-eu-west-1->pg-ap-southeast-1",
      "slow pg-eu-west-1->pg-ap-southeast-1",
    ]);
  });

  it("before any move, acts on the relays named by the model's links", async () => {
    const { calls, controls } = labAfterSwitchover([
      relay("link-eu", "pg-eu-west-1", "pg-us-east-1"),
      relay("link-ap", "pg-eu-west-1", "pg-ap-southeast-1"),
    ]);
    await controls.apply(state(["link-ap"]));
    expect(calls).toEqual(["restore link-ap", "cut link-ap"]);
  });
});
