// What an operator may break in a simulated deployment, as the fault form and the API take it.
// The driver's own schema (server/drivers/fault-spec.ts) checks the parameters again, with the
// time and id the server adds.
import { z } from "zod";

export const FAULT_KINDS = ["REGION_OUTAGE", "LINK_PARTITION", "ADDED_LATENCY", "LAG_SPIKE", "WRITE_SURGE"] as const;
export type TFaultKind = (typeof FAULT_KINDS)[number];

export const FAULT_LABELS: Record<TFaultKind, string> = {
  REGION_OUTAGE: "Region outage",
  LINK_PARTITION: "Link partition",
  ADDED_LATENCY: "Added latency",
  LAG_SPIKE: "Lag spike (slow replay)",
  WRITE_SURGE: "Write surge",
};

/** Which target each kind takes. */
export const FAULT_TARGET: Record<TFaultKind, "region" | "link" | "regionOrLink" | "cluster"> = {
  REGION_OUTAGE: "region",
  LINK_PARTITION: "link",
  ADDED_LATENCY: "regionOrLink",
  LAG_SPIKE: "link",
  WRITE_SURGE: "cluster",
};

export const ZInjectFault = z.object({
  deploymentId: z.string().min(1, "deploymentId is required"),
  kind: z.enum(FAULT_KINDS, { error: `kind must be one of ${FAULT_KINDS.join(", ")}` }),
  target: z.object({
    regionId: z.string().optional(),
    linkId: z.string().optional(),
    clusterId: z.string().optional(),
  }),
  params: z.record(z.string(), z.number({ error: "fault parameters must be numbers" })).default({}),
  /** Ends by itself after this long; until cleared when absent. */
  durationSeconds: z
    .number()
    .int("durationSeconds must be a whole number")
    .min(1, "durationSeconds must be between 1 and 86400")
    .max(86_400, "durationSeconds must be between 1 and 86400")
    .optional(),
});
export type TInjectFault = z.input<typeof ZInjectFault>;
