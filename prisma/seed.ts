// `npm run db:seed`: the demo users and estates, into DATABASE_URL or the embedded PostgreSQL.
import { ensurePostgres } from "../scripts/lib/postgres.mjs";

const database = await ensurePostgres({ log: (line: string) => console.log(`db: ${line}`) });
process.env.DATABASE_URL = database.url;
// Imported after DATABASE_URL is known: the Prisma client reads it when the module loads.
const { db } = await import("@/server/db");
const { seedDemo } = await import("./seed/seed-demo");
try {
  await seedDemo(db, (line) => console.log(`seed: ${line}`));
  console.log("seed: demo data is in place");
} finally {
  await db.$disconnect();
  await database.stop();
}
