// The environment module: defaults, each variable read, and refusals that name the variable.
import { describe, expect, it } from "vitest";

import { DEFAULT_RETENTION } from "@/server/domain/telemetry/retention";

import { parseEnv } from "./env";

const DATABASE_URL = "postgresql://meridian@localhost:5432/meridian";
const retentionOf = (variables: Record<string, string>) => parseEnv({ DATABASE_URL, ...variables }).retention;

describe("the telemetry retention settings", () => {
  it("uses the defaults when nothing is set", () => {
    expect(retentionOf({})).toEqual(DEFAULT_RETENTION);
    expect(retentionOf({ MERIDIAN_RETENTION_RAW_HOURS: " " })).toEqual(DEFAULT_RETENTION);
  });

  it("reads each variable", () => {
    expect(
      retentionOf({
        MERIDIAN_RETENTION_RAW_HOURS: "72",
        MERIDIAN_RETENTION_1M_DAYS: "14",
        MERIDIAN_RETENTION_1H_DAYS: "730",
      }),
    ).toEqual({
      rawHours: 72,
      minuteRollupDays: 14,
      hourRollupDays: 730,
    });
  });

  it("refuses wrong values with a sentence naming the variable", () => {
    expect(() => retentionOf({ MERIDIAN_RETENTION_RAW_HOURS: "two days" })).toThrow(
      /environment is wrong:\n  MERIDIAN_RETENTION_RAW_HOURS must be a whole number/,
    );
    expect(() => retentionOf({ MERIDIAN_RETENTION_RAW_HOURS: "1" })).toThrow(
      /MERIDIAN_RETENTION_RAW_HOURS must be at least 2/,
    );
    expect(() => retentionOf({ MERIDIAN_RETENTION_1M_DAYS: "1.5" })).toThrow(
      /MERIDIAN_RETENTION_1M_DAYS must be a whole number/,
    );
    expect(() => retentionOf({ MERIDIAN_RETENTION_1M_DAYS: "0" })).toThrow(
      /MERIDIAN_RETENTION_1M_DAYS must be at least 1/,
    );
    expect(() => retentionOf({ MERIDIAN_RETENTION_1M_DAYS: "90", MERIDIAN_RETENTION_1H_DAYS: "30" })).toThrow(
      /MERIDIAN_RETENTION_1H_DAYS must be at least MERIDIAN_RETENTION_1M_DAYS/,
    );
  });
});

describe("the worker's lease on an operation", () => {
  it("lasts 10 s by default, reads MERIDIAN_OPERATION_LEASE_MS, and refuses one too short", () => {
    expect(parseEnv({ DATABASE_URL }).MERIDIAN_OPERATION_LEASE_MS).toBe(10_000);
    expect(parseEnv({ DATABASE_URL, MERIDIAN_OPERATION_LEASE_MS: "2000" }).MERIDIAN_OPERATION_LEASE_MS).toBe(2_000);
    expect(() => parseEnv({ DATABASE_URL, MERIDIAN_OPERATION_LEASE_MS: "500" })).toThrow(
      /MERIDIAN_OPERATION_LEASE_MS must be at least 2000/,
    );
  });
});
