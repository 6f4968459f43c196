// Integration: planned switchovers through the engine on a small lab of real servers (a primary and
// a standby streaming through a relay, a router, the workload through it with the ledger, and an
// independent prober writing on every server directly every 10 ms): no acknowledged write is lost,
// two servers never take writes at once, the old primary follows the new one, and an abort after
// each step of the critical section leaves exactly one writer.
import { describe, expect, it } from "vitest";

import { parseReport } from "@/lib/operations/contracts";
import { db } from "@/server/db";
import { eventually } from "@/tests/lab";
import { expectStreaming, labOperationsForFile } from "@/tests/lab-file";
import type { LabOperations } from "@/tests/lab-operations";

import { queryRows } from "./sql";

let ops: LabOperations;
labOperationsForFile((started) => (ops = started));

const US = "pg-us-east-1";
const EU = "pg-eu-west-1";

/** The pre-check refuses a target lagging over the RPO threshold (1 s): on a loaded machine a restart
 * after an abort can leave the standby behind for a while, so each run waits for what the check wants. */
async function standbysCaughtUp() {
  await eventually(
    async () => {
      const [writer] = await ops.writers();
      const rows = await queryRows<{ state: string; lagSeconds: number | null }>(
        ops.cluster.serverOf(writer!).server.endpoint(),
        'select state, extract(epoch from replay_lag)::float8 as "lagSeconds" from pg_stat_replication',
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.state).toBe("streaming");
        expect(row.lagSeconds ?? 0).toBeLessThan(0.5);
      }
    },
    { what: "every standby streaming within 0.5 s of the primary" },
  );
}

describe("a planned switchover of a lab cluster through the engine", { timeout: 240_000 }, () => {
  it("moves the primary there and back under the workload, losing nothing, never two writers", async () => {
    for (const [from, to] of [
      [US, EU],
      [EU, US],
    ] as const) {
      expect(await ops.writers()).toEqual([from]);
      await standbysCaughtUp();
      const operationId = await ops.request("SWITCHOVER");
      const run = await ops.runToEnd(operationId);
      expect(run.failureReason).toBeNull();
      expect(run.status).toBe("SUCCEEDED");
      // The report carries the outage measured from the ledger when the run ended.
      const stored = await db.operation.findUniqueOrThrow({ where: { id: operationId }, select: { report: true } });
      // and the acknowledged writes the new primary lacks: the same count the harness makes, none.
      const reported = parseReport(stored.report)?.ledger;
      expect(reported).toEqual({
        writeOutageSeconds: expect.any(Number),
        lostWrites: { acknowledged: expect.any(Number), lost: 0 },
      });
      expect(reported?.lostWrites?.acknowledged).toBeGreaterThan(0);
      expect(reported?.lostWrites?.lost).toBe((await ops.lostWrites()).lost);
      expect(await ops.writers()).toEqual([to]);
      expect(ops.lab.routerStatus()[0]!.chosenRegion).toBe(to.replace("pg-", ""));
      await expectStreaming(ops, from);
      await ops.remember();
      const model = await db.replica.findMany({ where: { clusterId: ops.clusterId } });
      expect(model.find((r) => r.name === to)?.role).toBe("PRIMARY");
      expect(model.find((r) => r.name === from)?.role).toBe("READ_REPLICA");
      // Writes reach the new primary through the router again.
      await eventually(async () => expect((await ops.writeOutageMs(run.endedMs, Date.now())) > 0).toBe(true), {
        what: "writes acknowledged after the switchover",
      });
    }
    expect(ops.prober.twoWriterInstants()).toBe(0);
    expect(ops.prober.writersBetween(0, Date.now()).sort()).toEqual([EU, US]);
    const lost = await ops.lostWrites();
    expect(lost.acknowledged).toBeGreaterThan(100);
    expect(lost.lost).toBe(0);
  });

  it("an abort after each step before the promotion leaves exactly one writer: the old primary", async () => {
    for (const kind of ["PRECHECK", "SCALE_UP", "FENCE", "WAIT_CATCH_UP", "DEMOTE"]) {
      const [writer] = await ops.writers();
      await standbysCaughtUp();
      const operationId = await ops.request("SWITCHOVER");
      await ops.runUntil(operationId, kind);
      await ops.abort(operationId, `abort after ${kind}`);
      const run = await ops.runToEnd(operationId);
      expect(run.status, `${kind}: ${run.failureReason}`).toBe("ABORTED");
      expect(await ops.writers(), `abort after ${kind}`).toEqual([writer]);
      await ops.remember();
    }
    expect(ops.prober.twoWriterInstants()).toBe(0);
    expect((await ops.lostWrites()).lost).toBe(0);
  });
});
