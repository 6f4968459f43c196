// A hard deadline from fence to promotion (engine/fenced-window.ts): with a catch-up that never
// finishes, the engine lifts the fence by itself once the window has run out, long before the
// catch-up step's own timeout, and the old primary writes again.
import { afterEach, describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { FENCED_WINDOW_MS } from "@/server/domain/operations/engine/fenced-window";
import { approveAll, opsEstate, request, runToEnd } from "@/tests/operations-estate";
import { bindWorldDriver, worldWriters } from "@/tests/world-driver";

const unbind: (() => void)[] = [];
afterEach(() => unbind.splice(0).forEach((fn) => fn()));

describe("the fenced window", { timeout: 120_000 }, () => {
  it("is bounded: a catch-up that never finishes ends with the fence lifted by the engine", async () => {
    const estate = await opsEstate();
    // A standby that never applies the last bytes: its catch-up answers "not yet" for ever.
    unbind.push(
      bindWorldDriver(estate.deploymentId, {
        around: {
          waitForCatchUp: async (_input, call) => ({
            ...((await call()) as object),
            caughtUp: false,
            lagBytes: 4096,
          }),
        },
      }),
    );
    const { operationId } = await request(estate.deploymentId, "SWITCHOVER");
    await approveAll(operationId);
    const { op } = await runToEnd(estate.deploymentId, operationId, Date.now());

    expect(op.status).toBe("FAILED");
    expect(op.failureReason).toMatch(
      /the primary stayed fenced \d+ s without a promotion, past the bound of 15 s: the fence is lifted/,
    );
    expect(await worldWriters(estate.deploymentId, estate.clusterId)).toEqual([estate.primary.id]);
    const steps = await db.operationStep.findMany({ where: { operationId }, orderBy: { index: "asc" } });
    const fence = steps.find((s) => s.kind === "FENCE")!;
    expect(fence.status).toBe("ROLLED_BACK");
    expect(steps.find((s) => s.kind === "PROMOTE")!.status).toBe("SKIPPED");
    // Ended by the window, not by the catch-up step's own (longer) timeout.
    const catchUp = steps.find((s) => s.kind === "WAIT_CATCH_UP")!;
    expect(catchUp.timeoutSeconds * 1000).toBeGreaterThan(FENCED_WINDOW_MS);
    const fencedMs = fence.rolledBackAt!.getTime() - fence.finishedAt!.getTime();
    expect(fencedMs).toBeGreaterThan(FENCED_WINDOW_MS);
    expect(fencedMs).toBeLessThan(catchUp.timeoutSeconds * 1000);
  });
});
