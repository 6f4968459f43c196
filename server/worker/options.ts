// The worker's settings, from the environment, checked once.
import { z } from "zod";

const ZWorkerEnv = z.object({
  MERIDIAN_PROBE_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(100, "MERIDIAN_PROBE_INTERVAL_MS must be between 100 and 60000")
    .max(60_000, "MERIDIAN_PROBE_INTERVAL_MS must be between 100 and 60000")
    .default(1000),
  MERIDIAN_LAG_ALERT_AFTER_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3600, "MERIDIAN_LAG_ALERT_AFTER_SECONDS must be at most 3600")
    .default(5),
});

export type WorkerOptions = { intervalMs: number; lagAlertAfterSeconds: number };

export function workerOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerOptions {
  const parsed = ZWorkerEnv.safeParse(env);
  if (!parsed.success)
    throw new Error(`the worker's environment is wrong: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  return {
    intervalMs: parsed.data.MERIDIAN_PROBE_INTERVAL_MS,
    lagAlertAfterSeconds: parsed.data.MERIDIAN_LAG_ALERT_AFTER_SECONDS,
  };
}
