// Integration: the postgres driver acting on a small lab (2 real servers, streaming through a link
// relay, a router): the moves of a planned switchover with attempt tokens (fence by fast shutdown,
// the final LSN from the control file, catch-up, demote, pg_promote(), the router's target, a probe
// write, the old primary rejoining on the new timeline), the world read back from the servers, and
// stale tokens refused by the driver, the lab, the server and the router.
import { rmSync } from "node:fs";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { closeAllPools, PostgresDriver } from "@/server/drivers/postgres";
import { eventually, expectNothingRunning, labRoot, smallLab, withModelIds } from "@/tests/lab";

import { directoryFromStatus, inProcessLab } from "./driver-directory";
import { LabDeployment } from "./lab-deployment";
import { readControlFile } from "./pg-control";
import { SinglePrimaryCluster } from "./single-primary";
import { queryRows } from "./sql";

const root = labRoot();
const { spec, topology } = withModelIds(smallLab("act"));
const lab = new LabDeployment(spec, { root, password: "lab-act-test" });
const actions = inProcessLab(lab);
const pids = new Set<number>();
const ports = new Set<number>();
const US = "pg-us-east-1";
const EU = "pg-eu-west-1";
const LINK = `${US}->${EU}`;
const cluster = () => lab.cluster("main") as SinglePrimaryCluster;
const server = (name: string) => cluster().serverOf(name).server;

/** One driver session, as the engine opens one per move: a fresh directory from the lab's status. */
async function session(model = topology) {
  return new PostgresDriver({
    kind: "lab",
    topology: model,
    directory: directoryFromStatus(await actions.status(), model, actions),
  });
}

async function remember() {
  for (const s of await lab.serverStatus()) {
    if (s.pid) pids.add(s.pid);
    if (s.port) ports.add(s.port);
  }
  for (const item of [...lab.routerStatus(), ...lab.linkStatus(), ...lab.probeStatus()])
    if (item.port) ports.add(item.port);
}

beforeAll(async () => {
  await lab.up();
  await remember();
}, 120_000);

afterAll(async () => {
  await remember();
  await closeAllPools();
  await lab.down();
  await expectNothingRunning([...pids], [...ports]);
  rmSync(root, { recursive: true, force: true });
}, 120_000);

describe("the postgres driver acting on the lab", () => {
  it("reads a server's last checkpoint and timeline from its control file", async () => {
    await queryRows(server(US).endpoint(), "checkpoint");
    const [row] = await queryRows<{ lsn: string; tli: number }>(
      server(US).endpoint(),
      "select checkpoint_lsn::text as lsn, timeline_id as tli from pg_control_checkpoint()",
    );
    const control = readControlFile(server(US).pgdata);
    expect(control).toMatchObject({ state: "in production", checkpointLsn: row!.lsn, timeline: row!.tli });
  });

  it("switches over with tokens, losing nothing, and the old primary follows the new timeline", async () => {
    await queryRows(server(US).endpoint(), "create table notes (value text primary key)");
    await queryRows(server(US).endpoint(), "insert into notes values ('before')");
    const before = await (await session()).clusterWorld("main");
    expect(before.replicas.map((r) => [r.replicaId, r.writable, r.inRecovery])).toEqual([
      [US, true, false],
      [EU, false, true],
    ]);

    let driver = await session();
    const prepared = await driver.prepareSwitchover({ replicaId: US, atMs: 0 });
    expect(prepared.checkpointMs).toBeGreaterThanOrEqual(0);
    const fenced = await driver.fence({ replicaId: US, epoch: 1, token: 10, atMs: 0 });
    expect(fenced).toMatchObject({ fenced: true, writable: false });
    expect(server(US).running).toBe(false);
    driver = await session();
    const caught = await driver.waitForCatchUp({ linkId: LINK, atMs: 0, timeoutMs: 10_000 });
    expect(caught).toMatchObject({ caughtUp: true, lagBytes: 0 });
    expect(caught.appliedPosition).toBeGreaterThan(caught.committedPosition);
    // A stale attempt (an older token) is refused by the driver, and by the lab on its own.
    await expect(driver.demote({ replicaId: US, epoch: 1, token: 9, atMs: 0 })).rejects.toMatchObject({
      code: "STALE_TOKEN",
    });
    await expect(
      actions.moveReplica!({ replica: US, deployment: spec.slug, action: "unfence", token: 9 }),
    ).rejects.toThrow(/token 9 refused/);
    await driver.demote({ replicaId: US, epoch: 1, token: 11, atMs: 0 });
    driver = await session();
    const promoted = await driver.promote({ replicaId: EU, newEpoch: 2, token: 12, atMs: 0 });
    expect(promoted).toMatchObject({ role: "PRIMARY", epoch: 2, writable: true });
    expect(await driver.writableReplicas("main")).toEqual([EU]);
    // The server refuses an older token in Meridian's schema by itself.
    await expect(queryRows(server(EU).endpoint(), "select meridian.apply(5, 'promote', 'x', 1)")).rejects.toThrow(
      /token 5 refused/,
    );
    const routed = await driver.setRouting({
      policyId: "front",
      epoch: 2,
      clusterId: "main",
      token: 13,
      atMs: 0,
      rules: [
        { ruleId: "front-eu-west-1", priority: 1 },
        { ruleId: "front-us-east-1", priority: 2 },
      ],
    });
    expect(routed.rules.find((r) => r.id === "front-eu-west-1")?.priority).toBe(1);
    expect(lab.routerStatus()[0]!.target).toEqual({ region: "eu-west-1", token: 13, drained: [] });
    expect(() => lab.routers.get("front")!.router.setTarget(12, "us-east-1")).toThrow(/refused/);
    const probe = await driver.probeWrite!({ replicaId: EU, atMs: 0 });
    expect(probe.position).toBeGreaterThan(0);
    const after = await driver.currentTopology();
    expect(after.replicas.map((r) => [r.id, r.role, r.epoch])).toEqual([
      [US, "READ_REPLICA", 1],
      [EU, "PRIMARY", 2],
    ]);

    driver = await session(after);
    const rejoined = await driver.repoint({
      linkId: LINK,
      newSourceReplicaId: EU,
      newTargetReplicaId: US,
      epoch: 2,
      token: 14,
      atMs: 0,
    });
    expect(rejoined).toEqual({
      link: expect.objectContaining({ sourceReplicaId: EU, targetReplicaId: US }),
      rewoundBytes: 0,
    });
    await remember();
    await queryRows(server(EU).endpoint(), "insert into notes values ('after')");
    await eventually(
      async () =>
        expect(await queryRows(server(US).endpoint(), "select value from notes order by value")).toEqual([
          { value: "after" },
          { value: "before" },
        ]),
      { what: "the old primary replaying the new primary's write" },
    );
    const world = await (await session(after)).clusterWorld("main");
    expect(world.lastToken).toBe(14);
    expect(world.replicas.map((r) => [r.replicaId, r.role, r.writable, r.timeline])).toEqual([
      [US, "READ_REPLICA", false, 2],
      [EU, "PRIMARY", true, 2],
    ]);
  });
});
