// A request says why: an empty or blank reason is refused with the field named, and nothing is
// stored. Abort undoes what people approved, so it says why too.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { db } from "@/server/db";
import { callerAs } from "@/tests/factories";
import { opsEstate, request } from "@/tests/operations-estate";

/** The fields a refusal names, as the form shows them under each control. */
async function refusedFields(call: Promise<unknown>): Promise<Record<string, string>> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe("BAD_REQUEST");
  const cause = (error as TRPCError).cause;
  expect(cause).toBeInstanceOf(ZodError);
  return Object.fromEntries((cause as ZodError).issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("the reason of a request", () => {
  it("refuses a request without a reason, names the field, and stores nothing", async () => {
    const { deploymentId } = await opsEstate();
    const operator = await callerAs("OPERATOR");
    const plan = await operator.caller.operations.plan({ deploymentId, runbook: "SWITCHOVER" });
    // Missing altogether (a hand-made call), empty, or only blanks.
    for (const reason of [undefined, "", "   "]) {
      const input = { deploymentId, runbook: "SWITCHOVER", planHash: plan.planHash, reason } as const;
      const fields = await refusedFields(operator.caller.operations.start(input as typeof input & { reason: string }));
      expect(fields).toEqual({ reason: "reason is required" });
    }
    expect(await db.operation.count({ where: { deploymentId } })).toBe(0);
  });

  it("stores the reason it was given", async () => {
    const { deploymentId } = await opsEstate();
    const { operationId } = await request(deploymentId, "SWITCHOVER");
    expect((await db.operation.findUniqueOrThrow({ where: { id: operationId } })).reason).toBe("test");
  });

  it("refuses an abort without a reason and leaves the operation waiting", async () => {
    const { deploymentId } = await opsEstate();
    const { operationId, operator } = await request(deploymentId, "SWITCHOVER");
    const fields = await refusedFields(operator.caller.operations.abort({ operationId, reason: " " }));
    expect(fields).toEqual({ reason: "reason is required" });
    expect((await db.operation.findUniqueOrThrow({ where: { id: operationId } })).status).toBe("AWAITING_APPROVAL");
  });
});
