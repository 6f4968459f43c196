// Integration: real PostgreSQL 18 servers with physical streaming replication through link relays.
import { rmSync } from "node:fs";

import { afterAll, describe, expect, it } from "vitest";

import { eventually, expectNothingRunning, labRoot, smallLab } from "@/tests/lab";

import { SinglePrimaryCluster } from "./single-primary";
import { queryRows } from "./sql";

const root = labRoot();
const spec = smallLab("replication");
const cluster = new SinglePrimaryCluster(spec, spec.clusters[0]!, root, "lab-test-password");
const seenPids = new Set<number>();
const seenPorts = new Set<number>();

function remember() {
  for (const { server } of cluster.servers.values()) {
    const pid = server.pid();
    if (pid) seenPids.add(pid);
    if (server.port) seenPorts.add(server.port);
  }
  for (const { relay } of cluster.links.values()) if (relay.port) seenPorts.add(relay.port);
}

const standby = () => cluster.serverOf("pg-eu-west-1").server;

async function writeOnPrimary(value: string) {
  await queryRows(cluster.primary.endpoint(), "create table if not exists notes (value text primary key)");
  await queryRows(cluster.primary.endpoint(), "insert into notes values ($1)", [value]);
}

async function expectReplayed(value: string, timeoutMs = 20_000) {
  await eventually(
    async () => {
      const rows = await queryRows(standby().endpoint(), "select 1 from notes where value = $1", [value]);
      expect(rows).toHaveLength(1);
    },
    { timeoutMs, what: `the standby replaying ${value}` },
  );
}

afterAll(async () => {
  remember();
  await cluster.down();
  await expectNothingRunning([...seenPids], [...seenPorts]);
  rmSync(root, { recursive: true, force: true });
});

describe("a single-primary lab cluster", () => {
  it("streams a write on the primary to a hot standby made from a hot copy", async () => {
    await cluster.up();
    remember();
    const [recovery] = await queryRows<{ r: boolean }>(standby().endpoint(), "select pg_is_in_recovery() as r");
    expect(recovery?.r).toBe(true);
    await writeOnPrimary("first");
    await expectReplayed("first");
    const senders = await queryRows<{ application_name: string }>(
      cluster.primary.endpoint(),
      "select application_name from pg_stat_replication",
    );
    expect(senders.map((row) => row.application_name)).toEqual(["pg-eu-west-1"]);
  });

  it("stops replicating while its link is cut and catches up when it is restored", async () => {
    const link = [...cluster.links.values()][0]!.relay;
    link.cut("refuse");
    await writeOnPrimary("during-the-cut");
    // Through a cut link nothing arrives: the standby still lacks the row a while later.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await queryRows(standby().endpoint(), "select 1 from notes where value = 'during-the-cut'")).toHaveLength(0);
    link.restore();
    await expectReplayed("during-the-cut");
  });

  it("comes back as a standby after kill -9, and catches up", async () => {
    remember();
    await cluster.stopServer("pg-eu-west-1", "kill");
    expect(standby().running).toBe(false);
    await writeOnPrimary("while-down");
    await cluster.startServer("pg-eu-west-1");
    remember();
    const [recovery] = await queryRows<{ r: boolean }>(standby().endpoint(), "select pg_is_in_recovery() as r");
    expect(recovery?.r).toBe(true);
    await expectReplayed("while-down");
  });

  it("ends the servers a crashed supervisor left running, by their pid", async () => {
    remember();
    const before = [...cluster.servers.values()].map(({ server }) => server.pid());
    // A second supervisor over the same folders, the first dropped without stopping anything.
    const next = new SinglePrimaryCluster(spec, spec.clusters[0]!, root, "lab-test-password");
    const ended = await next.endOrphans();
    expect(ended.sort()).toEqual(before.sort());
    await next.up();
    for (const { server } of next.servers.values()) {
      const pid = server.pid();
      if (pid) seenPids.add(pid);
      if (server.port) seenPorts.add(server.port);
    }
    expect(await queryRows(next.serverOf("pg-eu-west-1").server.endpoint(), "select value from notes")).toHaveLength(3);
    await next.down();
    await cluster.down(); // its relays
  });
});
