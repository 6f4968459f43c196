// The region lab's control API (server/lab/control-server.ts, server/lab/client.ts): what each
// call takes. The lab listens on 127.0.0.1 only and asks for the token in its control file.
import { z } from "zod";

const name = (field: string) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(1, `${field} is required`)
    .max(200);

/** A link of the lab, by the model's link id (or "<source>-><target>" for one the model lacks). */
export const ZLabLinkFault = z.discriminatedUnion("kind", [
  z.object({
    link: name("link"),
    kind: z.literal("cut"),
    /** refuse: connections reset at once; stall: they hang (a black hole). */
    mode: z.enum(["refuse", "stall"]).default("refuse"),
  }),
  z.object({
    link: name("link"),
    kind: z.literal("slow"),
    addedLatencyMs: z.number({ error: "addedLatencyMs must be a number" }).min(0).max(60_000),
  }),
  z.object({
    link: name("link"),
    kind: z.literal("lossy"),
    lossRate: z.number({ error: "lossRate must be a number" }).min(0).max(1),
  }),
]);
export type TLabLinkFault = z.input<typeof ZLabLinkFault>;

export const ZLabLinkRef = z.object({ link: name("link") });

/** A lab server, by the model's replica id or its name (with the deployment when names repeat). */
export const ZLabServerRef = z.object({ replica: name("replica"), deployment: name("deployment").optional() });
export const ZLabServerStop = ZLabServerRef.extend({
  /** kill: kill -9 (an unplanned outage); fast: a clean shutdown. */
  mode: z.enum(["kill", "fast"]).default("kill"),
});
export type TLabServerStop = z.input<typeof ZLabServerStop>;

/**
 * A switchover's or failover's moves on a single-primary cluster, each with the attempt token of
 * the step that makes it (older than the newest the lab applied: refused): fence the primary (a
 * fast shutdown), lift that fence, demote a stopped former primary, promote a standby (after the
 * old primary is fenced), repoint a standby at the current primary, rejoin a former primary as a
 * standby without a copy (re-cloned when it cannot follow), or re-clone one from a hot copy.
 */
export const ZLabReplicaMove = ZLabServerRef.extend({
  action: z.enum(["fence", "unfence", "demote", "promote", "repoint", "rejoin", "reclone"], {
    error: "action must be fence, unfence, demote, promote, repoint, rejoin or reclone",
  }),
  token: z.number({ error: "token must be a whole number" }).int("token must be a whole number").min(0).default(0),
  epoch: z.number({ error: "epoch must be a whole number" }).int("epoch must be a whole number").min(0).optional(),
});
export type TLabReplicaMove = z.input<typeof ZLabReplicaMove>;

export const ZLabRouterTarget = z.object({
  deployment: name("deployment"),
  policy: name("policy"),
  /** The fence token of this call; a token older than the router's last is refused. */
  token: z.number({ error: "token must be a whole number" }).int("token must be a whole number").min(0),
  /** null: back to the policy's rules. */
  region: z.string().trim().min(1).nullable(),
  dropOthers: z.boolean().default(false),
  /** Regions no new connection goes to (an active-active drain); their open ones close with dropOthers. */
  drained: z
    .array(z.string({ error: "drained must list region codes" }).trim().min(1))
    .max(50)
    .default([]),
});
export type TLabRouterTarget = z.input<typeof ZLabRouterTarget>;

export const ZLabWorkloadRates = z.object({
  deployment: name("deployment"),
  writesPerSecond: z.number({ error: "writesPerSecond must be a number" }).min(0).max(5000).optional(),
  readsPerSecond: z.number({ error: "readsPerSecond must be a number" }).min(0).max(5000).optional(),
});
export type TLabWorkloadRates = z.input<typeof ZLabWorkloadRates>;

export const ZLabLostWrites = z.object({
  deployment: name("deployment"),
  runId: z.uuid("runId must be a uuid").optional(),
  /** ISO instant: only writes acknowledged since then. */
  since: z.iso.datetime({ error: "since must be an ISO date-time" }).optional(),
});
export type TLabLostWrites = z.input<typeof ZLabLostWrites>;

export const ZLabDeploymentRef = z.object({ deployment: name("deployment") });
