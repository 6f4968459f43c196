// The worker's lease on an operation: who may act on it, and until when, on the database's clock
// (clock_timestamp(), never the process's). The operation's row lock serializes moves only while
// the mover's transaction lives; a move whose transaction was lost (a timeout, a killed connection)
// may still be inside a driver call. The lease outlives that: it is taken and renewed on a
// connection of its own, and another worker takes the operation over only once it has expired.
//
// It is renewed at the start of every move, before every driver action and before the move
// commits; a worker that cannot renew stops acting (LeaseLost loses the move, so what it asked of
// the driver is in doubt and reconciled by whoever acts next). Every driver call has a deadline
// shorter than what is left of the lease (deadline.ts), so no call outlives it. Its length is
// MERIDIAN_OPERATION_LEASE_MS (server/env.ts, 10 s by default).
import type { Db } from "@/server/db";

/** The worker no longer holds the operation's lease: it must stop acting on it. */
export class LeaseLost extends Error {
  constructor(operationId: string, holder: string) {
    super(`the worker ${holder} lost its lease on operation ${operationId.slice(0, 8)}: it stops acting on it`);
    this.name = "LeaseLost";
  }
}

type Row = { remainingMs: number };

/**
 * Takes the operation's lease for `holder`, or renews it when `holder` has it; null when another
 * worker holds one that has not expired. Returns how long it lasts, in ms (the database's clock).
 */
export async function takeLease(db: Db, operationId: string, holder: string, leaseMs: number): Promise<number | null> {
  const [row] = await db.$queryRaw<Row[]>`
    insert into "OperationLease" ("operationId", holder, "expiresAt", "acquiredAt", "renewedAt")
    values (${operationId}, ${holder}, clock_timestamp() + ${leaseMs} * interval '1 millisecond', clock_timestamp(), clock_timestamp())
    on conflict ("operationId") do update set
      holder = excluded.holder,
      "expiresAt" = excluded."expiresAt",
      "renewedAt" = excluded."renewedAt",
      "acquiredAt" = case when "OperationLease".holder = excluded.holder then "OperationLease"."acquiredAt" else excluded."acquiredAt" end
    where "OperationLease".holder = excluded.holder or "OperationLease"."expiresAt" <= clock_timestamp()
    returning (extract(epoch from "expiresAt" - clock_timestamp()) * 1000)::float8 as "remainingMs"`;
  return row ? row.remainingMs : null;
}

/** Renews a lease `holder` still has (not expired); null when it has none any more. */
export async function renewLease(db: Db, operationId: string, holder: string, leaseMs: number): Promise<number | null> {
  const [row] = await db.$queryRaw<Row[]>`
    update "OperationLease"
    set "expiresAt" = clock_timestamp() + ${leaseMs} * interval '1 millisecond', "renewedAt" = clock_timestamp()
    where "operationId" = ${operationId} and holder = ${holder} and "expiresAt" > clock_timestamp()
    returning (extract(epoch from "expiresAt" - clock_timestamp()) * 1000)::float8 as "remainingMs"`;
  return row ? row.remainingMs : null;
}

/** Ends every lease `holder` has (a worker stopping cleanly): others take its operations over at once. */
export async function releaseLeases(db: Db, holder: string): Promise<number> {
  return db.$executeRaw`
    update "OperationLease" set "expiresAt" = clock_timestamp()
    where holder = ${holder} and "expiresAt" > clock_timestamp()`;
}

/**
 * One move's hold on its operation: renewing it gives the deadline of the next driver call, a
 * fraction of the lease short of its expiry, timed on the process's monotonic clock from the
 * moment of renewal (the wall clock may be skewed; the span is the database's).
 */
export class LeaseKeeper {
  #signal: AbortSignal;

  constructor(
    private readonly db: Db,
    readonly operationId: string,
    readonly holder: string,
    private readonly leaseMs: number,
    remainingMs: number,
  ) {
    this.#signal = this.#deadline(remainingMs);
  }

  #deadline(remainingMs: number): AbortSignal {
    // A quarter of the lease is left when the call is cut off: time to abandon it before another worker may start.
    return AbortSignal.timeout(Math.max(0, Math.floor(remainingMs - this.leaseMs / 4)));
  }

  /** The deadline of calls made now (reads use the last renewal's). */
  get signal(): AbortSignal {
    return this.#signal;
  }

  /** Renews the lease; throws LeaseLost when the worker no longer has it. */
  async renew(): Promise<AbortSignal> {
    const remainingMs = await renewLease(this.db, this.operationId, this.holder, this.leaseMs);
    if (remainingMs === null) throw new LeaseLost(this.operationId, this.holder);
    this.#signal = this.#deadline(remainingMs);
    return this.#signal;
  }
}
