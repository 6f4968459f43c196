// The live mark's logic: live while observations arrive, late after a few missed intervals,
// not updating when they stopped, whatever the subscription says.
import { describe, expect, it } from "vitest";

import { liveFreshness } from "./freshness";
import { freshnessSentence } from "./words";

const at = 1_800_000_000_000;
const mark = (ageMs: number, connected = true, intervalMs: number | undefined = 1_000) => {
  const { freshness, ageMs: age } = liveFreshness({ connected, observedAtMs: at, intervalMs, nowMs: at + ageMs });
  return freshnessSentence(freshness, age);
};

describe("the live mark", () => {
  it("is live within a few probe intervals, late after them, and not updating after ten", () => {
    expect(mark(0)).toBe("Live");
    expect(mark(3_000)).toBe("Live");
    expect(liveFreshness({ connected: true, observedAtMs: at, intervalMs: 1_000, nowMs: at + 3_001 }).freshness).toBe(
      "late",
    );
    expect(mark(12_000)).toBe("Not updating: no new values for 12 s");
    expect(mark(5_500)).toBe("Late: no new values for 5.5 s");
    expect(mark(185_000)).toBe("Not updating: no new values for 3 min 05 s");
  });

  it("scales with the deployment's probe interval, 1 s when the snapshot does not say", () => {
    expect(mark(20_000, true, 10_000)).toBe("Live");
    expect(mark(45_000, true, 10_000)).toBe("Late: no new values for 45 s");
    expect(mark(5_000, true, undefined)).toBe("Late: no new values for 5 s");
  });

  it("says connecting while the subscription is down, unless the values are old anyway", () => {
    expect(mark(1_000, false)).toBe("Connecting…");
    expect(mark(5_000, false)).toBe("Late: no new values for 5 s");
    expect(
      liveFreshness({ connected: false, observedAtMs: undefined, intervalMs: undefined, nowMs: at }).freshness,
    ).toBe("connecting");
    expect(
      liveFreshness({ connected: true, observedAtMs: undefined, intervalMs: undefined, nowMs: at }).freshness,
    ).toBe("waiting");
  });

  it("never counts a clock behind the snapshot as age", () => {
    expect(mark(-5_000)).toBe("Live");
  });
});
