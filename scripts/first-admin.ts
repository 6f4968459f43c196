// `npm run admin:first -- --email you@example.com [--name "Your Name"]`: the first admin of a
// database without demo users. Prints a one-time password, once: it is stored only as its scrypt
// hash, so sign in with it and change it (the menu under your name). Refuses when an active admin
// exists already: admins make every other user in Admin.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";

import { ensurePostgres } from "./lib/postgres.mjs";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
if (!values.email) {
  console.error('usage: npm run admin:first -- --email you@example.com [--name "Your Name"]');
  process.exit(2);
}

const database = await ensurePostgres({ log: (line: string) => console.log(`db: ${line}`) });
process.env.DATABASE_URL = database.appUrl;
const { db } = await import("@/server/db");
const { ZUserCreate } = await import("@/lib/identity/contracts");
const { createFirstAdmin } = await import("@/server/domain/identity/first-admin");
try {
  const password = randomBytes(18).toString("base64url");
  const input = ZUserCreate.safeParse({
    email: values.email,
    name: values.name ?? values.email,
    role: "ADMIN",
    password,
  });
  if (!input.success) {
    console.error(input.error.issues.map((issue) => issue.message).join("; "));
    process.exitCode = 2;
  } else {
    const user = await createFirstAdmin(db, input.data);
    console.log(`\n  Admin ${user.email} created. One-time password (shown once, stored only as a hash):\n`);
    console.log(`    ${password}\n`);
    console.log("  Sign in with it and change it at once: your name (top right) → Change password.\n");
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.stop();
}
