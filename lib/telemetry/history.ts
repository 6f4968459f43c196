// Contracts of history reads: which series, which range, and the points that come back.
import { z } from "zod";

import { epochMs } from "@/lib/schemas/fields";

export const SERIES = ["lag", "traffic", "errors", "health", "conflicts"] as const;
export type TSeries = (typeof SERIES)[number];

/** Preset ranges of the charts; "custom" takes fromMs/toMs. */
export const RANGES = { "5m": 5 * 60_000, "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000 } as const;

export const ZHistoryQuery = z
  .object({
    deploymentId: z.string().min(1, "deploymentId is required"),
    series: z.enum(SERIES, { error: `series must be one of ${SERIES.join(", ")}` }),
    /** Link ids for lag, region ids for traffic/errors/health, cluster ids for conflicts; all when empty. */
    keys: z
      .array(z.string().max(100, "a series key is at most 100 characters"))
      .max(500, "keys may hold at most 500 series")
      .default([]),
    fromMs: epochMs("fromMs"),
    toMs: epochMs("toMs"),
  })
  .refine((q) => q.toMs > q.fromMs, { path: ["toMs"], message: "toMs must be after fromMs" })
  .refine((q) => q.toMs - q.fromMs <= 366 * 86_400_000, {
    path: ["fromMs"],
    message: "a range may span at most a year",
  });
export type THistoryQuery = z.input<typeof ZHistoryQuery>;

export type HistoryPoint = { t: number; min: number; p50: number; p95: number; max: number; avg: number };
export type HistorySeries = { key: string; points: HistoryPoint[] };
export type HistoryResult = { resolutionSeconds: number; fromMs: number; toMs: number; series: HistorySeries[] };
