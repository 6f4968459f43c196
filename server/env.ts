// The process environment: every variable Meridian reads, in one schema, parsed once (the worker at
// start-up, the web process on first use: `next build` imports its modules without a database).
// A wrong or missing variable stops the process with a sentence that names it.
import { findInvalidTrustedProxies } from "@better-auth/core/utils/ip";
import { z } from "zod";

import { DEFAULT_PROBE_INTERVAL_MS } from "@/lib/telemetry/freshness";
import { DEFAULT_RETENTION, type RetentionPolicy } from "@/server/domain/telemetry/retention";

/** An unset or blank variable takes its default: `FOO= npm start` means "the default", not "zero". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema);

const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  );

const wholeNumber = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);

const ZLabDir = optional(z.string().min(1).default(".data/lab"));

const ZEnv = z
  .object({
    DATABASE_URL: z
      .string({ error: "DATABASE_URL is not set: `npm start` sets it (embedded PostgreSQL) or export one" })
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
    BETTER_AUTH_SECRET: optional(z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters").optional()),
    MERIDIAN_URL: optional(
      z.url("MERIDIAN_URL must be an absolute URL such as http://localhost:3000").default("http://localhost:3000"),
    ),
    MERIDIAN_DB_POOL_SIZE: optional(wholeNumber("MERIDIAN_DB_POOL_SIZE", 1, 100).default(10)),
    NODE_ENV: optional(z.enum(["development", "production", "test"]).default("development")),
    // The worker.
    MERIDIAN_PROBE_INTERVAL_MS: optional(
      z.coerce
        .number()
        .int()
        .min(100, "MERIDIAN_PROBE_INTERVAL_MS must be between 100 and 60000")
        .max(60_000, "MERIDIAN_PROBE_INTERVAL_MS must be between 100 and 60000")
        .default(DEFAULT_PROBE_INTERVAL_MS),
    ),
    MERIDIAN_LAG_ALERT_AFTER_SECONDS: optional(
      z.coerce.number().int().min(0).max(3600, "MERIDIAN_LAG_ALERT_AFTER_SECONDS must be at most 3600").default(5),
    ),
    // Telemetry retention. Raw samples feed the rollups, which recompute the last two buckets of an
    // hour: keep 2 h at least.
    MERIDIAN_RETENTION_RAW_HOURS: optional(
      wholeNumber("MERIDIAN_RETENTION_RAW_HOURS", 1, 24 * 366)
        .min(2, "MERIDIAN_RETENTION_RAW_HOURS must be at least 2 (hourly rollups read the last two hours of samples)")
        .default(DEFAULT_RETENTION.rawHours),
    ),
    MERIDIAN_RETENTION_1M_DAYS: optional(
      wholeNumber("MERIDIAN_RETENTION_1M_DAYS", 1, 3660).default(DEFAULT_RETENTION.minuteRollupDays),
    ),
    MERIDIAN_RETENTION_1H_DAYS: optional(
      wholeNumber("MERIDIAN_RETENTION_1H_DAYS", 1, 3660).default(DEFAULT_RETENTION.hourRollupDays),
    ),
    /** When set, GET /api/metrics needs `Authorization: Bearer <token>`. */
    MERIDIAN_METRICS_TOKEN: optional(z.string().optional()),
    // Security.
    /** Keys the audit chain and signs its checkpoints; without it, `.data/audit-key` (made once). */
    MERIDIAN_AUDIT_KEY: optional(z.string().min(32, "MERIDIAN_AUDIT_KEY must be at least 32 characters").optional()),
    /** Encrypts secrets at rest (servers' passwords); without it, `.data/secret-key` (made once). */
    MERIDIAN_SECRET_KEY: optional(z.string().min(32, "MERIDIAN_SECRET_KEY must be at least 32 characters").optional()),
    /** Where signed checkpoints of the audit head are appended, outside the database. */
    MERIDIAN_AUDIT_CHECKPOINTS: optional(z.string().min(1).default(".data/audit-checkpoints.jsonl")),
    /** Proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, comma-separated). */
    MERIDIAN_TRUSTED_PROXIES: commaList.refine((list) => findInvalidTrustedProxies(list).length === 0, {
      message: "MERIDIAN_TRUSTED_PROXIES must list IP addresses or CIDR ranges, comma-separated",
    }),
    // The region lab (server/lab/): real PostgreSQL servers beside the simulated demo.
    /** `off` leaves the lab out of `npm start` (scripts/start.mjs reads it too). */
    MERIDIAN_LAB: optional(z.enum(["on", "off"], { error: "MERIDIAN_LAB must be on or off" }).default("on")),
    /** Where the lab keeps its servers' folders, pid and control files. */
    MERIDIAN_LAB_DIR: ZLabDir,
    /** Only these lab deployments (slugs, comma-separated; empty: every deployment of kind `lab`). */
    MERIDIAN_LAB_DEPLOYMENTS: commaList,
    /** The lab workload's writes per second at start (reads at the same rate). */
    MERIDIAN_LAB_WRITES_PER_SECOND: optional(wholeNumber("MERIDIAN_LAB_WRITES_PER_SECOND", 0, 5000).default(50)),
    /**
     * The worker's name as the holder of its leases on operations and in its attempts; the host and
     * process id by default. Processes sharing a name share their leases (the test processes do).
     */
    MERIDIAN_WORKER_NAME: optional(
      z.string().min(1).max(200, "MERIDIAN_WORKER_NAME must be at most 200 characters").optional(),
    ),
    /**
     * How long a worker's lease on an operation lasts from its last renewal, in ms: a crashed
     * worker's operations wait this long at most; every driver call's deadline is shorter.
     */
    MERIDIAN_OPERATION_LEASE_MS: optional(wholeNumber("MERIDIAN_OPERATION_LEASE_MS", 2_000, 600_000).default(10_000)),
    /** The interface the console listens on. */
    HOST: optional(z.string().min(1).default("127.0.0.1")),
  })
  .superRefine((v, ctx) => {
    if (v.MERIDIAN_RETENTION_1H_DAYS < v.MERIDIAN_RETENTION_1M_DAYS)
      ctx.addIssue({
        code: "custom",
        path: ["MERIDIAN_RETENTION_1H_DAYS"],
        message:
          "MERIDIAN_RETENTION_1H_DAYS must be at least MERIDIAN_RETENTION_1M_DAYS: long charts read hourly rollups",
      });
    if (v.NODE_ENV === "production" && !v.BETTER_AUTH_SECRET)
      ctx.addIssue({
        code: "custom",
        path: ["BETTER_AUTH_SECRET"],
        message: "BETTER_AUTH_SECRET must be set in production (npm start makes one in .data/)",
      });
  })
  .transform((v) => ({
    ...v,
    retention: {
      rawHours: v.MERIDIAN_RETENTION_RAW_HOURS,
      minuteRollupDays: v.MERIDIAN_RETENTION_1M_DAYS,
      hourRollupDays: v.MERIDIAN_RETENTION_1H_DAYS,
    } satisfies RetentionPolicy,
  }));

export type TEnv = z.output<typeof ZEnv>;

/** Parses a set of variables; throws one error listing every wrong one, each naming its variable. */
export function parseEnv(variables: Record<string, string | undefined>): TEnv {
  const parsed = ZEnv.safeParse(variables);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.join(".");
    return `  ${issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`}`;
  });
  throw new Error(`Meridian cannot start, its environment is wrong:\n${problems.join("\n")}`);
}

/** The lab's folder alone (MERIDIAN_LAB_DIR): `npm run lab` reads it without a database. */
export function labDir(variables: Record<string, string | undefined> = process.env): string {
  return ZLabDir.parse(variables.MERIDIAN_LAB_DIR);
}

let cached: TEnv | undefined;

/** The environment of this process, parsed on first use and kept. */
export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
