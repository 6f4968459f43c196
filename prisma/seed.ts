// `npm run db:seed`: the price catalog, and the demo users and estates when the database is the
// embedded one or MERIDIAN_DEMO=1 asks for them (never otherwise: their passwords are published).
import { ensurePostgres } from "../scripts/lib/postgres.mjs";

const database = await ensurePostgres({ log: (line: string) => console.log(`db: ${line}`) });
process.env.DATABASE_URL = database.appUrl;
const demo = database.embedded || process.env.MERIDIAN_DEMO === "1";
// Imported after DATABASE_URL is known: the Prisma client reads it when the module loads.
const { db } = await import("@/server/db");
const { seedDemo } = await import("./seed/seed-demo");
try {
  await seedDemo(db, (line) => console.log(`seed: ${line}`), { demo });
  console.log(
    demo ? "seed: demo data is in place" : "seed: the price catalog is in place (no demo: MERIDIAN_DEMO is not 1)",
  );
} finally {
  await db.$disconnect();
  await database.stop();
}
