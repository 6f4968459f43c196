// Faults are data: what breaks, where, how much, and when. One schema for the API and every driver
// that can inject faults, so a bad parameter is refused with a sentence naming the field and rule.
import { z } from "zod";

import { id as requiredId, number as requiredNumber } from "@/lib/fields";
import { FAULT_KINDS } from "@/lib/telemetry/contracts";

import { InvalidFaultError } from "./errors";

const MAX_ADDED_LATENCY_MS = 600_000;

/** Messages for an object field: the wrong type, or keys it does not know (a typo must not pass silently). */
function objectError(field: string, shape: string) {
  return {
    error: (issue: { code?: string; keys?: string[] }) =>
      issue.code === "unrecognized_keys"
        ? `${field} has unknown field ${(issue.keys ?? []).join(", ")}; expected ${shape}`
        : `${field} must be ${shape}`,
  };
}

const ZTiming = {
  id: requiredId("id"),
  startedAtMs: requiredNumber("startedAtMs")
    .int("startedAtMs must be a whole number of milliseconds")
    .nonnegative("startedAtMs must not be negative"),
  endsAtMs: requiredNumber("endsAtMs").int("endsAtMs must be a whole number of milliseconds").optional(),
};

const ZNoParams = z.strictObject({}, objectError("params", "{} (this fault takes no parameters)")).default({});

const ZRegionOutage = z.strictObject({
  ...ZTiming,
  kind: z.literal("REGION_OUTAGE"),
  target: z.strictObject({ regionId: requiredId("target.regionId") }, objectError("target", "{ regionId }")),
  // clean: 1 stops the lab's servers with a clean shutdown instead of kill -9 (an unplanned outage).
  params: z
    .strictObject(
      { clean: z.union([z.literal(0), z.literal(1)], { error: "clean must be 0 or 1" }).optional() },
      objectError("params", "{ clean? }"),
    )
    .default({}),
});

const ZLinkPartition = z.strictObject({
  ...ZTiming,
  kind: z.literal("LINK_PARTITION"),
  target: z.strictObject({ linkId: requiredId("target.linkId") }, objectError("target", "{ linkId }")),
  params: ZNoParams,
});

const ZAddedLatency = z.strictObject({
  ...ZTiming,
  kind: z.literal("ADDED_LATENCY"),
  // A region (every path in or out of it) or one replication link.
  target: z
    .strictObject(
      { regionId: requiredId("target.regionId").optional(), linkId: requiredId("target.linkId").optional() },
      objectError("target", "{ regionId } or { linkId }"),
    )
    .refine((target) => (target.regionId === undefined) !== (target.linkId === undefined), {
      error: "target must name exactly one of regionId or linkId",
    }),
  params: z.strictObject(
    {
      addedLatencyMs: requiredNumber("addedLatencyMs")
        .min(1, `addedLatencyMs must be between 1 and ${MAX_ADDED_LATENCY_MS}`)
        .max(MAX_ADDED_LATENCY_MS, `addedLatencyMs must be between 1 and ${MAX_ADDED_LATENCY_MS}`),
    },
    objectError("params", "{ addedLatencyMs }"),
  ),
});

const ZLagSpike = z.strictObject({
  ...ZTiming,
  kind: z.literal("LAG_SPIKE"),
  target: z.strictObject({ linkId: requiredId("target.linkId") }, objectError("target", "{ linkId }")),
  // The target replays slower (a long query or vacuum blocking replay), so a backlog builds and
  // drains once the spike ends.
  params: z
    .strictObject(
      {
        applyRateFactor: requiredNumber("applyRateFactor")
          .min(0, "applyRateFactor must be at least 0 and below 1")
          .lt(1, "applyRateFactor must be at least 0 and below 1")
          .default(0),
      },
      objectError("params", "{ applyRateFactor? }"),
    )
    .default({ applyRateFactor: 0 }),
});

const ZWriteSurge = z.strictObject({
  ...ZTiming,
  kind: z.literal("WRITE_SURGE"),
  target: z.strictObject({ clusterId: requiredId("target.clusterId") }, objectError("target", "{ clusterId }")),
  params: z.strictObject(
    {
      multiplier: requiredNumber("multiplier")
        .min(1, "multiplier must be between 1 and 100")
        .max(100, "multiplier must be between 1 and 100"),
    },
    objectError("params", "{ multiplier }"),
  ),
});

export const ZFaultSpec = z
  .discriminatedUnion("kind", [ZRegionOutage, ZLinkPartition, ZAddedLatency, ZLagSpike, ZWriteSurge], {
    error: `kind must be one of ${FAULT_KINDS.join(", ")}`,
  })
  .refine((fault) => fault.endsAtMs === undefined || fault.endsAtMs > fault.startedAtMs, {
    error: "endsAtMs must be after startedAtMs",
    path: ["endsAtMs"],
  });

export type TFaultSpec = z.output<typeof ZFaultSpec>;
export type TFaultSpecInput = z.input<typeof ZFaultSpec>;

/** Parses a fault or throws InvalidFaultError listing every broken rule. */
export function parseFaultSpec(input: unknown): TFaultSpec {
  const result = ZFaultSpec.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.join(".");
    // Our messages name their field; zod's generic ones (unknown keys) need the path for context.
    return field === "" || issue.message.includes(String(issue.path.at(-1)))
      ? issue.message
      : `${field}: ${issue.message}`;
  });
  return throwInvalid(problems);
}

function throwInvalid(problems: string[]): never {
  throw new InvalidFaultError(`Invalid fault: ${problems.join("; ")}`);
}
