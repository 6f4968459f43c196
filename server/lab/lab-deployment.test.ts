// Integration: a small lab deployment (2 real servers) with its router, probes and workload; the
// ledger in Meridian's (test) database.
import { rmSync } from "node:fs";

import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { eventually, expectNothingRunning, labRoot, smallLab } from "@/tests/lab";

import { LabCallError, LabClient } from "./client";
import { startControlServer } from "./control-server";
import { Lab } from "./lab";
import { countLostWrites } from "./lost-writes";
import { StaleTokenError } from "./router";
import { queryRows, withClient } from "./sql";
import { WORKLOAD_TABLE } from "./workload-table";

const root = labRoot();
const spec = smallLab("routed");
const supervisor = new Lab({ root, password: "lab-test-password", db, workload: { start: false } });
let lab = undefined as unknown as ReturnType<typeof supervisor.deployment>;
const pids = new Set<number>();
const ports = new Set<number>();

async function remember() {
  for (const server of await lab.serverStatus()) {
    if (server.pid) pids.add(server.pid);
    if (server.port) ports.add(server.port);
  }
  for (const item of [...lab.routerStatus(), ...lab.linkStatus(), ...lab.probeStatus()])
    if (item.port) ports.add(item.port);
}

async function regionThroughRouter(): Promise<string> {
  const router = lab.routerStatus()[0]!;
  const rows = await queryRows<{ name: string }>(
    { host: router.host, port: router.port, user: "meridian", password: "lab-test-password", database: "lab" },
    "select current_setting('cluster_name') as name",
  );
  return rows[0]!.name;
}

afterAll(async () => {
  await remember();
  await supervisor.down();
  await expectNothingRunning([...pids], [...ports]);
  rmSync(root, { recursive: true, force: true });
});

describe("a lab deployment", () => {
  it("reports its servers, routers, links and probe relays", async () => {
    await supervisor.up([spec]);
    lab = supervisor.deployment("routed");
    await remember();
    const servers = await lab.serverStatus();
    expect(servers.map((server) => [server.region, server.role, server.inRecovery])).toEqual([
      ["us-east-1", "PRIMARY", false],
      ["eu-west-1", "READ_REPLICA", true],
    ]);
    expect(servers[0]!.url).toMatch(/^postgresql:\/\/meridian:.+@127\.0\.0\.1:\d+\/lab$/);
    expect(lab.linkStatus()).toHaveLength(1);
    // Two probe locations (the two regions) x two servers.
    expect(lab.probeStatus()).toHaveLength(4);
    const far = lab.probeStatus().find((probe) => probe.location === "us-east-1" && probe.region === "eu-west-1")!;
    const near = lab.probeStatus().find((probe) => probe.location === "us-east-1" && probe.region === "us-east-1")!;
    expect(far.oneWayDelayMs).toBeGreaterThan(near.oneWayDelayMs);
  });

  it("routes each new connection to the region the rules choose, and follows a pinned target by token", async () => {
    expect(await regionThroughRouter()).toBe("routed/us-east-1");
    const { router } = lab.routers.get("front")!;
    router.setTarget(1, "eu-west-1");
    expect(await regionThroughRouter()).toBe("routed/eu-west-1");
    expect(() => router.setTarget(0, "us-east-1")).toThrow(StaleTokenError);
    expect(() => router.setTarget(1, "us-east-1")).toThrow(StaleTokenError);
    expect(await regionThroughRouter()).toBe("routed/eu-west-1");
    router.setTarget(2, null);
    expect(await regionThroughRouter()).toBe("routed/us-east-1");
  });

  it("follows drained rules and the health its probes see", async () => {
    const { router, health } = lab.routers.get("front")!;
    const policy = spec.policies[0]!;
    lab.updateSpec({
      ...spec,
      policies: [{ ...policy, rules: policy.rules.map((rule) => ({ ...rule, drained: rule.region === "us-east-1" })) }],
    });
    expect(router.chosenRegion()).toBe("eu-west-1");
    lab.updateSpec(spec);
    expect(router.chosenRegion()).toBe("us-east-1");
    await lab.stopServer("pg-eu-west-1", "kill");
    await eventually(async () => expect([...health.unhealthy]).toEqual(["eu-west-1"]), { what: "eu-west-1 seen down" });
    await lab.startServer("pg-eu-west-1");
    await remember();
    await eventually(async () => expect([...health.unhealthy]).toEqual([]), { what: "eu-west-1 seen up again" });
  });

  it("records every acknowledged write in the ledger and counts lost writes exactly", async () => {
    const workload = lab.workload!;
    workload.setRates({ writesPerSecond: 100, readsPerSecond: 50 });
    workload.start();
    await eventually(async () => expect(workload.stats.totals.writes).toBeGreaterThan(80), { what: "80 writes" });
    await workload.stop();
    const scope = { deployment: "routed", cluster: "main", runId: workload.runId };
    const ledger = await db.labLedgerWrite.count({ where: scope });
    expect(ledger).toBe(workload.stats.totals.writes);
    const [traffic] = lab.workloadStatus()[0]!.traffic;
    expect(traffic).toMatchObject({ region: "us-east-1", errorRate: 0 });
    expect(traffic!.writesPerSecond).toBeGreaterThan(0);

    const primary = lab.cluster("main").writer!.endpoint();
    expect(await countLostWrites(db, primary, scope)).toMatchObject({ acknowledged: ledger, lost: 0 });
    // Take 7 acknowledged rows away from the primary, as a failover to a lagging standby would.
    await withClient(primary, (client) =>
      client.query(`delete from ${WORKLOAD_TABLE} where run_id = $1 and id in (3, 5, 8, 13, 21, 34, 55)`, [
        workload.runId,
      ]),
    );
    const lost = await countLostWrites(db, primary, scope);
    expect(lost.lost).toBe(7);
    expect(lost.examples.map((example) => Number(example.writeId)).sort((a, b) => a - b)).toEqual([
      3, 5, 8, 13, 21, 34, 55,
    ]);
  });

  it("is driven through its control API with the token, and refuses what it should", async () => {
    const control = await startControlServer(supervisor, () => {});
    ports.add(control.port);
    try {
      const client = new LabClient(control.port, control.token);
      const status = await client.status();
      expect(status.servers.map((server) => server.region)).toEqual(["us-east-1", "eu-west-1"]);
      expect(status.routers[0]).toMatchObject({ deployment: "routed", policy: "front", host: "127.0.0.1" });
      const link = status.links[0]!.id;
      await client.cutLink(link);
      expect((await client.status()).links[0]!.conditions.cut).toBe("refuse");
      await client.restoreLink(link);
      expect((await client.status()).links[0]!.conditions.cut).toBeNull();
      await expect(
        client.setRouterTarget({ deployment: "routed", policy: "front", token: 1, region: null }),
      ).rejects.toThrow(/fence token 1 refused/);
      await expect(client.faultLink({ link, kind: "slow", addedLatencyMs: -5 })).rejects.toMatchObject({ status: 400 });
      await expect(new LabClient(control.port, "wrong-token").status()).rejects.toBeInstanceOf(LabCallError);
      expect(await client.lostWrites({ deployment: "routed" })).toMatchObject({ lost: 7 });
    } finally {
      await control.close();
    }
  });
});
