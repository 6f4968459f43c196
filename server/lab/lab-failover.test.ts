// Integration: an unplanned failover through the engine on a small lab of real servers: the
// primary's server is killed (kill -9) under the workload, a quorum of probes confirms it 3 times,
// the standby is promoted and the router follows; the prober never sees two writers, the lost
// writes are the few the standby had not received, and when the dead region returns its server
// rejoins as a standby of the new primary (re-cloned when its WAL went past the promotion point).
// The reports count the ledger's lost writes as the harness does, each over its own window: a
// switchover back does not count again what the failover lost.
import { describe, expect, it } from "vitest";

import { parseReport } from "@/lib/operations/contracts";
import { db } from "@/server/db";
import { eventually } from "@/tests/lab";
import { expectStreaming, labOperationsForFile } from "@/tests/lab-file";
import type { LabOperations } from "@/tests/lab-operations";

import { queryRows } from "./sql";

let ops: LabOperations;
labOperationsForFile((started) => (ops = started));

describe("an unplanned failover of a lab cluster through the engine", { timeout: 240_000 }, () => {
  it("promotes the standby after kill -9 of the primary, and the dead server rejoins as a standby", async () => {
    const US = "pg-us-east-1";
    const EU = "pg-eu-west-1";
    expect(await ops.writers()).toEqual([US]);
    await ops.remember();
    const killedAt = Date.now();
    await ops.lab.stopServer(US, "kill");
    const operationId = await ops.request("FAILOVER");
    const run = await ops.runToEnd(operationId);
    expect(run.failureReason).toBeNull();
    expect(run.status).toBe("SUCCEEDED");
    expect(await ops.writers()).toEqual([EU]);
    expect(ops.lab.routerStatus()[0]!.chosenRegion).toBe("eu-west-1");
    const confirm = await db.operationStep.findFirstOrThrow({ where: { operationId, kind: "CONFIRM_OUTAGE" } });
    expect(confirm.output).toMatchObject({ confirmations: 3 });
    const chosen = await db.operationStep.findFirstOrThrow({ where: { operationId, kind: "CHOOSE_TARGET" } });
    expect(chosen.output).toMatchObject({
      chosen: (await db.replica.findFirstOrThrow({ where: { name: EU, clusterId: ops.clusterId } })).id,
    });
    // Writes land in the new region again, through the router.
    await eventually(
      async () => {
        await ops.lab.workload!.flushLedger();
        expect(
          await db.labLedgerWrite.count({
            where: { runId: ops.lab.workload!.runId, region: "eu-west-1", acknowledgedAt: { gte: new Date(killedAt) } },
          }),
        ).toBeGreaterThan(0);
      },
      { what: "writes acknowledged in eu-west-1" },
    );
    // What the standby had not received when the primary died is lost; at 50 writes/s, a handful.
    const lost = await ops.lostWrites();
    expect(lost.lost).toBeLessThan(50);
    // The report counted the same when the run ended, beside the data at risk shown at the failure.
    const report = parseReport(
      (await db.operation.findUniqueOrThrow({ where: { id: operationId }, select: { report: true } })).report,
    );
    expect(report?.ledger?.lostWrites?.lost).toBe(lost.lost);
    expect(report?.ledger?.lostWrites?.acknowledged).toBeGreaterThan(0);
    expect(report?.ledger?.lostWrites?.acknowledged).toBeLessThanOrEqual(lost.acknowledged);

    await ops.lab.startServer(US);
    await ops.remember();
    await expectStreaming(ops, US);
    expect(await ops.writers()).toEqual([EU]);
    expect(ops.prober.twoWriterInstants()).toBe(0);

    // The next run's report counts from where this one ended: a switchover back counts only the
    // writes acknowledged since (not the failover's, lost or kept again), and loses none of them.
    const failover = await db.operation.findUniqueOrThrow({ where: { id: operationId } });
    await eventually(
      async () => {
        const rows = await queryRows<{ lagSeconds: number | null }>(
          ops.cluster.serverOf(EU).server.endpoint(),
          'select extract(epoch from replay_lag)::float8 as "lagSeconds" from pg_stat_replication',
        );
        expect(rows).toHaveLength(1);
        expect(rows[0]!.lagSeconds ?? 0).toBeLessThan(0.5);
      },
      { what: "the returned server within 0.5 s of the new primary" },
    );
    const back = await ops.request("SWITCHOVER");
    const backRun = await ops.runToEnd(back);
    expect(backRun.failureReason).toBeNull();
    const backOp = await db.operation.findUniqueOrThrow({ where: { id: back } });
    const inWindow = await db.labLedgerWrite.count({
      where: {
        deployment: ops.lab.slug,
        acknowledgedAt: { gte: failover.finishedAt!, lte: backOp.finishedAt! },
      },
    });
    const backLedger = parseReport(backOp.report)?.ledger?.lostWrites;
    expect(backLedger?.lost).toBe(0);
    expect(backLedger?.acknowledged).toBeGreaterThan(0);
    expect(backLedger?.acknowledged).toBeLessThanOrEqual(inWindow);
    expect(await ops.writers()).toEqual([US]);
  });
});
