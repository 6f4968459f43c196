// The process environment, read once and checked: a wrong or missing variable stops the process
// with a sentence that names it.
import { findInvalidTrustedProxies } from "@better-auth/core/utils/ip";
import { z } from "zod";

const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  );

const ZEnv = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: `npm start` sets it (embedded PostgreSQL) or export one" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters").optional(),
  MERIDIAN_URL: z
    .url("MERIDIAN_URL must be an absolute URL such as http://localhost:3000")
    .default("http://localhost:3000"),
  MERIDIAN_DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Keys the audit chain and signs its checkpoints; without it, `.data/audit-key` (made once). */
  MERIDIAN_AUDIT_KEY: z.string().min(32, "MERIDIAN_AUDIT_KEY must be at least 32 characters").optional(),
  /** Where signed checkpoints of the audit head are appended, outside the database. */
  MERIDIAN_AUDIT_CHECKPOINTS: z.string().min(1).default(".data/audit-checkpoints.jsonl"),
  /** Proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, comma-separated). */
  MERIDIAN_TRUSTED_PROXIES: commaList.refine((list) => findInvalidTrustedProxies(list).length === 0, {
    message: "MERIDIAN_TRUSTED_PROXIES must list IP addresses or CIDR ranges, comma-separated",
  }),
  /** The interface the console listens on. */
  HOST: z.string().min(1).default("127.0.0.1"),
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
