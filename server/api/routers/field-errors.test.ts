// A refused field reads in the form's words, through the API as the browser receives it (the
// error formatter's message and fieldErrors): the label the form shows, bounds in the field's
// units, the select's words for an enum, never the contract's code names.
import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";

import { appRouter } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { callerAs, deploymentInput, regionInput } from "@/tests/factories";

type Caller = Awaited<ReturnType<typeof callerAs>>["caller"];

/** The error as the browser gets it: its message and the message per field. */
async function refusedAs(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const shape = getTRPCErrorShape({
    config: appRouter._def._config,
    error: error as TRPCError,
    type: "mutation",
    path: "test",
    input: undefined,
    ctx: createInnerContext(null),
  }) as { message: string; data: { fieldErrors: Record<string, string> | null } };
  return { message: shape.message, fieldErrors: shape.data.fieldErrors };
}

describe("field errors in the form's words", () => {
  let operator: Caller;
  beforeAll(async () => {
    operator = (await callerAs("OPERATOR")).caller;
  });

  it("a deployment's RTO target out of range, in seconds as time reads", async () => {
    const refused = await refusedAs(
      operator.topology.createDeployment(deploymentInput({ rtoTargetSeconds: 8 * 86_400 })),
    );
    expect(refused.message).toBe("RTO target must be between 0 s and 7 days");
    expect(refused.fieldErrors).toEqual({ rtoTargetSeconds: "RTO target must be between 0 s and 7 days" });
  });

  it("an availability target in percent, and a DR model in the select's words", async () => {
    const refused = await refusedAs(
      operator.topology.createDeployment(deploymentInput({ availabilityTargetPct: 50, drModel: "HOT_SPARE" })),
    );
    expect(refused.fieldErrors).toEqual({
      availabilityTargetPct: "Availability target must be between 90% and 99.99999%",
      drModel: "DR model must be Backup & restore, Pilot light, Warm standby or Active-active",
    });
  });

  it("a region's latitude in degrees, a link's volume in GB/day", async () => {
    const region = await refusedAs(operator.topology.createRegion(regionInput({ latitude: 91 })));
    expect(region.message).toBe("Latitude must be between -90° and 90°");
    const link = await refusedAs(
      operator.topology.createLink({
        sourceReplicaId: "a",
        targetReplicaId: "b",
        mode: "ASYNC",
        expectedVolumeGbPerDay: 2_000_000,
      }),
    );
    expect(link.fieldErrors).toEqual({
      expectedVolumeGbPerDay: "Expected volume must be between 0 GB/day and 1,000,000 GB/day",
    });
  });

  it("a health check's rules name the form's fields", async () => {
    const refused = await refusedAs(
      operator.topology.createPolicy({
        deploymentId: "none",
        name: "edge",
        layer: "DNS",
        product: "ROUTE53",
        steering: "FAILOVER",
        dnsTtlSeconds: 60,
        healthCheckIntervalSeconds: 2,
        healthCheckTimeoutSeconds: 5,
        healthCheckFailureThreshold: 3,
        healthCheckProbeLocations: ["us-east"],
        healthCheckQuorum: 2,
      }),
    );
    expect(refused.fieldErrors).toEqual({
      healthCheckIntervalSeconds:
        "Health check interval must be at least 5 s for AWS Route 53 (every second only on the lab's router)",
      healthCheckTimeoutSeconds: "Health check timeout must be shorter than the health check interval",
      healthCheckQuorum: "Quorum must be at most the number of probe locations (1)",
    });
  });
});
