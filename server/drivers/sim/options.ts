// The knobs of the twin that the topology does not carry (bandwidth, apply speed, demand), with
// defaults that give plausible cross-region numbers.
import { z } from "zod";

import { InvalidStateError } from "../errors";

const ZPositive = z.number().positive();

export const ZUserPopulation = z.object({
  name: z.string().min(1),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** Relative share of the policy's requests coming from here. */
  share: ZPositive,
});

export const ZSimOptions = z.object({
  seed: z
    .number()
    .int("seed must be a whole number")
    .min(0, "seed must be between 0 and 4294967295")
    .max(0xffffffff, "seed must be between 0 and 4294967295"),
  /** Integration step of the replication model; smaller is smoother and slower. */
  stepMs: z
    .number()
    .int()
    .min(10, "stepMs must be between 10 and 60000")
    .max(60_000, "stepMs must be between 10 and 60000")
    .default(1000),
  /** Cross-region replication throughput: 50 MB/s (400 Mbit/s) unless a link says otherwise. */
  defaultLinkBandwidthBytesPerSecond: ZPositive.default(50_000_000),
  linkBandwidthBytesPerSecond: z.record(z.string(), ZPositive).default({}),
  /** How fast a replica replays what it received. */
  defaultApplyRateBytesPerSecond: ZPositive.default(30_000_000),
  applyRateBytesPerSecondByReplica: z.record(z.string(), ZPositive).default({}),
  defaultRequestsPerSecond: z.number().nonnegative().default(1000),
  requestsPerSecondByPolicy: z.record(z.string(), z.number().nonnegative()).default({}),
  /** Where a policy's users are; by default one equal population at each region the policy routes to. */
  userPopulationsByPolicy: z.record(z.string(), z.array(ZUserPopulation).min(1)).default({}),
  /** Requests per second a region serves before it starts failing; unlimited when absent. */
  capacityRequestsPerSecondByRegion: z.record(z.string(), ZPositive).default({}),
  /** Average size of a replicated row change, to turn bytes into writes for conflict odds. */
  rowBytes: ZPositive.default(1024),
  /** Rows that concurrent writers actually contend on. */
  conflictKeySpaceRows: ZPositive.default(1_000_000),
  jitterFraction: z
    .number()
    .min(0, "jitterFraction must be between 0 and 0.5")
    .max(0.5, "jitterFraction must be between 0 and 0.5")
    .default(0.05),
});

export type SimOptions = z.output<typeof ZSimOptions>;
export type SimOptionsInput = z.input<typeof ZSimOptions>;
export type UserPopulation = z.output<typeof ZUserPopulation>;

export function parseSimOptions(input: unknown): SimOptions {
  const parsed = ZSimOptions.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  throw new InvalidStateError(`Invalid sim options: ${problems.join("; ")}`);
}
