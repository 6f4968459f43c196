// One clock for what Meridian persists and compares: the database's. Timestamps of operations,
// steps and gates, approval expiries, step deadlines, leases and the RTO computed from them are all
// taken from PostgreSQL, read afresh (clock_timestamp(), not the transaction's start) for each move
// or request, so a worker or web process whose own clock is skewed changes none of them.
import type { Db, Tx } from "@/server/db";

/** The database's clock now, in ms since the epoch. */
export async function databaseNow(db: Db | Tx): Promise<number> {
  const [row] = await db.$queryRaw<{ ms: number }[]>`
    select floor(extract(epoch from clock_timestamp()) * 1000)::float8 as ms`;
  return row!.ms;
}
