// Integration: two real servers replicating logically in both directions (origin = none) through
// link relays; a conflicting update is counted by pg_stat_subscription_stats; restarted on its folders
// it keeps replicating (the workload's table too, written as the applications' role) and keeps a fence.
import { rmSync } from "node:fs";

import { afterAll, describe, expect, it } from "vitest";

import { eventually, expectNothingRunning, LAB_REGIONS, labRoot } from "@/tests/lab";

import { ACTIVE_ACTIVE_TABLE, ActiveActiveCluster } from "./active-active";
import { LAB_CLIENT_USER, LAB_DATABASE } from "./pg-server";
import type { LabDeploymentSpec } from "./spec";
import { queryRows } from "./sql";
import { WORKLOAD_TABLE } from "./workload-table";

const RUN = "00000000-0000-4000-8000-000000000001";

const root = labRoot();
const regions = LAB_REGIONS.slice(0, 2);
const spec: LabDeploymentSpec = {
  slug: "both-ways",
  regions,
  clusters: [
    {
      name: "items",
      writeTopology: "MULTI_PRIMARY",
      replicas: [
        { name: "aa-us", region: "us-east-1", role: "MULTI_MASTER" },
        { name: "aa-eu", region: "eu-west-1", role: "MULTI_MASTER" },
      ],
      links: [
        { source: "aa-us", target: "aa-eu" },
        { source: "aa-eu", target: "aa-us" },
      ],
    },
  ],
  policies: [],
};
const cluster = new ActiveActiveCluster(spec, spec.clusters[0]!, root, "lab-test-password");
const server = (name: string) => cluster.servers.get(name)!.server;
const valueIn = async (name: string, id: number) =>
  (
    await queryRows<{ value: string }>(
      server(name).endpoint(),
      `select value from ${ACTIVE_ACTIVE_TABLE} where id = $1`,
      [id],
    )
  )[0]?.value;

afterAll(async () => {
  const pids = [...cluster.servers.values()]
    .map(({ server: s }) => s.pid())
    .filter((pid): pid is number => pid !== null);
  const ports = [
    ...[...cluster.servers.values()].map(({ server: s }) => s.port as number),
    ...[...cluster.links.values()].map(({ relay }) => relay.port as number),
  ];
  await cluster.down();
  await expectNothingRunning(pids, ports);
  rmSync(root, { recursive: true, force: true });
});

describe("an active-active lab cluster", () => {
  it("replicates a write made in either region to the other", async () => {
    await cluster.up();
    await queryRows(server("aa-us").endpoint(), `insert into ${ACTIVE_ACTIVE_TABLE} (id, value) values (1, 'from us')`);
    await queryRows(server("aa-eu").endpoint(), `insert into ${ACTIVE_ACTIVE_TABLE} (id, value) values (2, 'from eu')`);
    await eventually(async () => expect(await valueIn("aa-eu", 1)).toBe("from us"), { what: "us -> eu" });
    await eventually(async () => expect(await valueIn("aa-us", 2)).toBe("from eu"), { what: "eu -> us" });
  });

  it("restarted on its folders, keeps replicating both tables and keeps a client fence", async () => {
    // A fence of eu's applications (as a drain makes it) must outlive a restart of the lab.
    await queryRows(server("aa-eu").endpoint(), `revoke connect on database ${LAB_DATABASE} from ${LAB_CLIENT_USER}`);
    await cluster.down();
    await cluster.up();
    await expect(queryRows({ ...server("aa-eu").endpoint(), user: LAB_CLIENT_USER }, "select 1")).rejects.toThrow(
      /permission denied for database/,
    );
    await queryRows(server("aa-eu").endpoint(), `grant connect on database ${LAB_DATABASE} to ${LAB_CLIENT_USER}`);
    await queryRows(
      { ...server("aa-us").endpoint(), user: LAB_CLIENT_USER },
      `insert into ${WORKLOAD_TABLE} (run_id, id) values ($1, 1)`,
      [RUN],
    );
    await queryRows(
      server("aa-us").endpoint(),
      `insert into ${ACTIVE_ACTIVE_TABLE} (id, value) values (3, 'after restart')`,
    );
    await eventually(
      async () => {
        expect(await valueIn("aa-eu", 1)).toBe("from us");
        expect(await valueIn("aa-eu", 3)).toBe("after restart");
        expect(
          await queryRows(server("aa-eu").endpoint(), `select id from ${WORKLOAD_TABLE} where run_id = $1`, [RUN]),
        ).toEqual([{ id: "1" }]);
      },
      { what: "both tables replicated us -> eu after the restart" },
    );
  });

  it("counts a conflict when the same row is updated in both regions", async () => {
    // Cut both links so that the two updates are concurrent, then restore them.
    for (const { relay } of cluster.links.values()) relay.cut("refuse");
    await queryRows(server("aa-us").endpoint(), `update ${ACTIVE_ACTIVE_TABLE} set value = 'us wins?' where id = 1`);
    await queryRows(server("aa-eu").endpoint(), `update ${ACTIVE_ACTIVE_TABLE} set value = 'eu wins?' where id = 1`);
    for (const { relay } of cluster.links.values()) relay.restore();
    await eventually(
      async () => {
        const counts = await cluster.conflicts();
        expect((counts["aa-us"] ?? 0) + (counts["aa-eu"] ?? 0)).toBeGreaterThan(0);
      },
      { timeoutMs: 30_000, what: "a conflict counted" },
    );
  });
});
