// The one Prisma client of a process. Pool size and timeouts are explicit: the pg adapter's
// defaults would wait forever for a free connection.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/generated/prisma/client";
import { env } from "@/server/env";

function createPrismaClient() {
  const adapter = new PrismaPg({
    connectionString: env().DATABASE_URL,
    max: env().MERIDIAN_DB_POOL_SIZE,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { meridianPrisma?: ReturnType<typeof createPrismaClient> };

// Next.js dev reloads modules: keep one client per process instead of one per reload.
export const db = globalForPrisma.meridianPrisma ?? createPrismaClient();
globalForPrisma.meridianPrisma = db;

export type Db = typeof db;
/** A client inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
