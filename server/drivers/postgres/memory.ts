// What the postgres driver remembers between observations. The servers are the state of the world;
// this is only the observer's previous readings, without which a rate (log written per second,
// conflicts per second, transactions per second) cannot be told from one reading, plus which slot
// feeds each link (so a standby that stopped answering is still measured from its slot on the
// primary) and the latest divergence check. Losing it costs one tick of rates, nothing else.
import { z } from "zod";

const ZReading = z.object({
  atMs: z.number(),
  lsn: z.number().nullable(),
  commits: z.number(),
  rollbacks: z.number(),
  conflicts: z.number(),
});

const ZTable = z.object({
  table: z.string(),
  rows: z.record(z.string(), z.number()),
  checksums: z.record(z.string(), z.string()),
  differs: z.boolean(),
  differingChecks: z.number(),
});

export const ZPostgresMemory = z.object({
  readings: z.record(z.string(), ZReading).default({}),
  linkSlots: z.record(z.string(), z.string()).default({}),
  divergence: z.record(z.string(), z.object({ checkedAtMs: z.number(), tables: z.array(ZTable) })).default({}),
});
export type PostgresMemory = z.infer<typeof ZPostgresMemory>;
export type Reading = z.infer<typeof ZReading>;

export const EMPTY_MEMORY: PostgresMemory = { readings: {}, linkSlots: {}, divergence: {} };

/** What was saved, or nothing to remember when it is missing or from another version. */
export function memoryFrom(saved: unknown): PostgresMemory {
  const parsed = ZPostgresMemory.safeParse(saved ?? {});
  return parsed.success ? parsed.data : structuredClone(EMPTY_MEMORY);
}

/** Change per second between two readings; null without a previous one or when a counter reset. */
export function perSecond(before: number | null | undefined, after: number | null, dtMs: number): number | null {
  if (before === null || before === undefined || after === null || dtMs <= 0 || after < before) return null;
  return ((after - before) * 1000) / dtMs;
}
