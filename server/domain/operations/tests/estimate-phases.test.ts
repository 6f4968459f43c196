// The plan's RTO by phase adds up to the RTO it shows, for every runbook: the phases are made from
// the same steps as the total, and what runs while writes still flow is listed apart.
import { describe, expect, it } from "vitest";

import { RUNBOOKS } from "@/lib/operations/contracts";
import { outageSteps, planEstimate } from "@/server/domain/operations/plan/estimate";
import { runbookSteps, withIndexes } from "@/server/domain/operations/runbooks";

const sum = (values: Partial<Record<string, number>>) => Object.values(values).reduce((a, b) => a! + b!, 0)!;

describe("the plan's RTO by phase", () => {
  for (const runbook of RUNBOOKS) {
    it(`${runbook}: the phases sum to the RTO, and with the steps outside it to every step`, () => {
      // Uneven, fractional durations: a sum that only worked for round figures would show here.
      const steps = withIndexes(runbookSteps(runbook), [], (spec) => spec.kind.length * 1.25 + 0.1);
      const estimate = planEstimate(runbook, steps, { seconds: 0.4, bytes: 1000 });
      expect(sum(estimate.byPhase)).toBeCloseTo(estimate.rtoSeconds, 9);
      expect(estimate.rtoSeconds).toBeCloseTo(
        outageSteps(runbook, steps).reduce((total, s) => total + s.estimateSeconds, 0),
        9,
      );
      expect(sum(estimate.byPhase) + sum(estimate.outsideRto)).toBeCloseTo(
        steps.reduce((total, s) => total + s.estimateSeconds, 0),
        9,
      );
      // Approvals are not estimated, so they are no phase of it.
      expect(estimate.byPhase.approval).toBeUndefined();
    });
  }

  it("a switchover's pre-checks and scale-up run before the fence, repointing after verify: outside the RTO", () => {
    const steps = withIndexes(runbookSteps("SWITCHOVER"), [], () => 10);
    const estimate = planEstimate("SWITCHOVER", steps, { seconds: null, bytes: null });
    expect(estimate.outsideRto).toEqual({ detect: 10, "scale-up": 10, repoint: 10 });
    expect(estimate.byPhase.detect).toBeUndefined();
    expect(estimate.rtoSeconds).toBe(60);
  });
});
