// Alert peaks against the real database: the highest lag on the link while the alert was open, and
// the most probe locations failing at one instant, from the raw samples. Samples lie in 2036.
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { makeTelemetryEstate, type TelemetryEstate } from "@/tests/telemetry-estate";

import { alertPeaks } from "./alert-peaks";
import { ingestRows } from "./ingest";

const T0 = Date.UTC(2036, 0, 1, 12);
const S = 1000;
let estate: TelemetryEstate;

beforeAll(async () => {
  estate = await makeTelemetryEstate(db, { regions: 2, links: 1 });
  const atMs = Array.from({ length: 60 }, (_, i) => T0 + i * S);
  await ingestRows(db, {
    lag: {
      linkId: atMs.map(() => estate.linkIds[0]!),
      atMs,
      lagMs: atMs.map((_, i) => (i === 50 ? 90_000 : i * 100)), // a spike at 50 s, after the alert below resolved
      lagBytes: atMs.map(() => 0),
    },
  });
  await db.healthSample.createMany({
    data: ["a", "b", "c"].flatMap((probeLocation, p) =>
      [0, 1, 2].map((i) => ({
        deploymentId: estate.deploymentId,
        regionId: estate.regionIds[0]!,
        probeLocation,
        at: new Date(T0 + i * S),
        healthy: !(i === 1 && p < 2), // at 1 s two of three fail
      })),
    ),
  });
});

describe("alertPeaks", () => {
  it("takes the worst sample while each alert was open, and none for kinds without a measure", async () => {
    const alert = (kind: string, targetId: string, openedAtMs: number, resolvedAtMs: number | null) =>
      db.alert.create({
        data: {
          deploymentId: estate.deploymentId,
          kind,
          targetId,
          targetLabel: "x",
          message: "x",
          openedAt: new Date(openedAtMs),
          resolvedAt: resolvedAtMs === null ? null : new Date(resolvedAtMs),
        },
      });
    const lag = await alert("LAG_OVER_RPO", estate.linkIds[0]!, T0 + 10 * S, T0 + 40 * S);
    const down = await alert("REGION_DOWN", estate.regionIds[0]!, T0, null);
    const failed = await alert("OBSERVATION_FAILED", estate.deploymentId, T0, T0 + S);
    const peaks = await alertPeaks(db, [lag, down, failed], T0 + 3 * S);
    expect(peaks.get(lag.id)).toBe(4000); // 40 s × 100 ms; the spike at 50 s came after it resolved
    expect(peaks.get(down.id)).toBe(2);
    expect(peaks.has(failed.id)).toBe(false);
  });
});
