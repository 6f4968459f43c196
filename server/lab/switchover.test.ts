// Integration: the primitives of a planned switchover on real servers: fence the primary with a
// fast shutdown, promote the standby, and the old primary rejoins as a standby of the new one
// following the new timeline without a copy (as OFFLINE.md verified by hand).
import { rmSync } from "node:fs";

import { afterAll, describe, expect, it } from "vitest";

import { eventually, expectNothingRunning, labRoot, smallLab } from "@/tests/lab";

import { SinglePrimaryCluster } from "./single-primary";
import { queryRows } from "./sql";

const root = labRoot();
const spec = smallLab("switch");
const cluster = new SinglePrimaryCluster(spec, spec.clusters[0]!, root, "lab-test-password");
const pids = new Set<number>();
const ports = new Set<number>();
const remember = () => {
  for (const { server } of cluster.servers.values()) {
    const pid = server.pid();
    if (pid) pids.add(pid);
    if (server.port) ports.add(server.port);
  }
  for (const { relay } of cluster.links.values()) if (relay.port) ports.add(relay.port);
};
const server = (name: string) => cluster.serverOf(name).server;
const inRecovery = async (name: string) =>
  (await queryRows<{ r: boolean }>(server(name).endpoint(), "select pg_is_in_recovery() as r"))[0]?.r;

afterAll(async () => {
  remember();
  await cluster.down();
  await expectNothingRunning([...pids], [...ports]);
  rmSync(root, { recursive: true, force: true });
});

describe("a switchover of a lab cluster", () => {
  it("moves the primary and brings the old one back as a standby of the new one, losing nothing", async () => {
    await cluster.up();
    remember();
    const oldPrimary = "pg-us-east-1";
    const candidate = "pg-eu-west-1";
    await queryRows(server(oldPrimary).endpoint(), "create table notes (value text primary key)");
    await queryRows(server(oldPrimary).endpoint(), "insert into notes values ('before')");

    await cluster.stopServer(oldPrimary, "fast"); // the fence: its shutdown checkpoint is streamed first
    await cluster.promote(candidate);
    expect(cluster.primaryName).toBe(candidate);
    expect(await inRecovery(candidate)).toBe(false);
    expect(await queryRows(server(candidate).endpoint(), "select value from notes")).toEqual([{ value: "before" }]);
    await queryRows(server(candidate).endpoint(), "insert into notes values ('after')");

    await cluster.rejoinAsStandby(oldPrimary);
    remember();
    expect(await inRecovery(oldPrimary)).toBe(true);
    await eventually(
      async () =>
        expect(await queryRows(server(oldPrimary).endpoint(), "select value from notes order by value")).toEqual([
          { value: "after" },
          { value: "before" },
        ]),
      { what: "the old primary replaying the new primary's write" },
    );
    const senders = await queryRows<{ application_name: string; state: string }>(
      server(candidate).endpoint(),
      "select application_name, state from pg_stat_replication",
    );
    expect(senders).toEqual([{ application_name: oldPrimary, state: "streaming" }]);
  });
});
