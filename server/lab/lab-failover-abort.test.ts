// Integration: an abort at every step of an unplanned failover on a small lab of real servers (the
// primary killed with kill -9 under the workload). Before the fence the abort is taken: nothing was
// done, and the dead server, when it returns, is again the one writer. From the fence on (the point
// of no return of a failover: lifting the dead primary's fence would leave no writer) the abort is
// refused with that sentence and the run finishes with the promoted standby the one writer. The
// prober never sees two writers.
import { describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { observeDeployment } from "@/server/domain/telemetry/observe/observe-tick";
import { eventually } from "@/tests/lab";
import { expectStreaming, labOperationsForFile } from "@/tests/lab-file";
import type { LabOperations } from "@/tests/lab-operations";

let ops: LabOperations;
labOperationsForFile((started) => (ops = started));

const US = "pg-us-east-1";
const EU = "pg-eu-west-1";

describe("an abort at every step of a lab failover", { timeout: 400_000 }, () => {
  it("leaves one writer: the returned primary before the fence, the promoted standby after (abort refused)", async () => {
    for (const kind of ["CONFIRM_OUTAGE", "CHOOSE_TARGET", "FENCE", "DEMOTE", "PROMOTE", "SHIFT_ROUTING"]) {
      const [writer] = await ops.writers();
      const standby = writer === US ? EU : US;
      await expectStreaming(ops, standby);
      await ops.lab.stopServer(writer!, "kill");
      // The plan reads the observed model: the standby's region must be seen up.
      const operationId = await eventually(
        async () => {
          await observeDeployment(db, ops.deploymentId, Date.now(), { intervalMs: 1000, lagAlertAfterSeconds: 2 });
          return ops.request("FAILOVER");
        },
        { what: `${kind}: a failover plan that can run` },
      );
      await ops.runUntil(operationId, kind);
      const refusal = await ops.abort(operationId, `abort after ${kind}`).then(
        () => null,
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
      const run = await ops.runToEnd(operationId);
      if (refusal === null) {
        expect(run.status, `${kind}: ${run.failureReason}`).toBe("ABORTED");
        expect(await ops.writers(), `abort after ${kind}, the primary still dead`).toEqual([]);
        await ops.lab.startServer(writer!);
        await eventually(async () => expect(await ops.writers()).toEqual([writer]), {
          what: `${kind}: the returned primary the one writer`,
        });
      } else {
        expect(refusal, kind).toMatch(/cannot be undone/);
        expect(run.status, `${kind}: ${run.failureReason}`).toBe("SUCCEEDED");
        expect(await ops.writers(), `abort refused after ${kind}`).toEqual([standby]);
        await ops.lab.startServer(writer!);
        await expectStreaming(ops, writer!);
        expect(await ops.writers(), `${kind}: after the dead server returned`).toEqual([standby]);
      }
      await ops.remember();
      console.log(`failover abort after ${kind}: ${refusal === null ? "aborted" : `refused (${refusal})`}`);
    }
    expect(ops.prober.twoWriterInstants()).toBe(0);
  });
});
