// The one Prisma client of a process. Pool size and timeouts are explicit: the pg adapter's
// defaults would wait forever for a free connection.
import { PrismaPg } from "@prisma/adapter-pg";

import { env } from "@/server/env";
import { PrismaClient } from "@/server/generated/prisma/client";

function createPrismaClient() {
  const adapter = new PrismaPg({
    connectionString: env().DATABASE_URL,
    max: env().MERIDIAN_DB_POOL_SIZE,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}

type Client = ReturnType<typeof createPrismaClient>;
// Next.js dev reloads modules: keep one client per process instead of one per reload.
const globalForPrisma = globalThis as unknown as { meridianPrisma?: Client };

function client(): Client {
  globalForPrisma.meridianPrisma ??= createPrismaClient();
  return globalForPrisma.meridianPrisma;
}

/**
 * The client, made on first use rather than on import: `next build` imports route modules
 * without a database, and a process that never queries should not need DATABASE_URL.
 */
export const db: Client = new Proxy({} as Client, {
  get(_target, property) {
    const real = client();
    const value: unknown = Reflect.get(real, property, real);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(real) : value;
  },
});

export type Db = Client;
/** A client inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
