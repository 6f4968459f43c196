// The process environment, read once and checked: a wrong or missing variable stops the process
// with a sentence that names it.
import { z } from "zod";

const ZEnv = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: `npm start` sets it (embedded PostgreSQL) or export one" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters").optional(),
  MERIDIAN_URL: z
    .url("MERIDIAN_URL must be an absolute URL such as http://localhost:3000")
    .default("http://localhost:3000"),
  MERIDIAN_DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

export function env(): TEnv {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Meridian cannot start, its environment is wrong:\n${problems}`);
  }
  if (parsed.data.NODE_ENV === "production" && !parsed.data.BETTER_AUTH_SECRET) {
    throw new Error(
      "Meridian cannot start: BETTER_AUTH_SECRET must be set in production (npm start makes one in .data/)",
    );
  }
  cached = parsed.data;
  return cached;
}
