// PostgreSQL's runbooks, as data: on real servers every runbook keeps its fenced windows short
// (nothing but catch-up, demotion and promotion between a fence and its promotion, the catch-up
// polled inside the call), asks a gate of the promotion before the fence, and the runs that fail
// back restore the sizes they changed.
import { describe, expect, it } from "vitest";

import { RUNBOOKS } from "@/lib/operations/contracts";

import { FENCED_WINDOW_KINDS, runbookSteps, withIndexes } from "../runbooks";
import { runbookStepsFor } from "../runbooks-postgres";

const kinds = (runbook: (typeof RUNBOOKS)[number]) => runbookStepsFor(runbook, "lab").map((s) => s.kind);

describe("PostgreSQL's runbooks", () => {
  it.each(RUNBOOKS)("%s: only catch-up, demotion and promotion stand between a fence and its promotion", (runbook) => {
    const specs = runbookStepsFor(runbook, "lab");
    specs.forEach((spec, index) => {
      if (spec.kind !== "FENCE") return;
      const promote = specs.findIndex((s, i) => i > index && s.kind === "PROMOTE");
      expect(promote).toBeGreaterThan(index);
      for (const inside of specs.slice(index + 1, promote)) expect(FENCED_WINDOW_KINDS).toContain(inside.kind);
      for (const inside of specs.slice(index + 1, promote).filter((s) => s.kind === "WAIT_CATCH_UP"))
        expect(inside.params.waitMs).toBeGreaterThan(0);
    });
  });

  it("fails back and drills as the article does, unlike the model's runbooks for them", () => {
    expect(kinds("FAILBACK")).toEqual([
      "PRECHECK",
      "REPOINT",
      "WAIT_STABLE",
      "FENCE",
      "WAIT_CATCH_UP",
      "DEMOTE",
      "PROMOTE",
      "SHIFT_ROUTING",
      "VERIFY_WRITES",
      "REPOINT",
      "RESTORE_SIZE",
    ]);
    const drill = kinds("DRILL");
    expect(drill.slice(0, 2)).toEqual(["INJECT_FAULT", "CONFIRM_OUTAGE"]);
    expect(drill.at(-1)).toBe("RESTORE_SIZE");
    // Routing follows the promotion at once on real servers; the model repoints first.
    expect(drill.indexOf("SHIFT_ROUTING")).toBe(drill.indexOf("PROMOTE") + 1);
    expect(runbookSteps("DRILL").map((s) => s.kind)).not.toEqual(drill);
    // The killed server cannot be promoted back: a drill's abort is refused from its fence on.
    expect(runbookStepsFor("DRILL", "lab").find((s) => s.kind === "FENCE")?.rollback).toBe("irreversible");
    expect(runbookSteps("DRILL").find((s) => s.kind === "FENCE")?.rollback).toBe("compensate");
  });

  it("asks a gate on the failback's promotion before its fence", () => {
    const steps = withIndexes(runbookStepsFor("FAILBACK", "lab"), ["PROMOTE"], () => 1);
    expect(steps.filter((s) => s.gated).map((s) => s.kind)).toEqual(["FENCE"]);
  });
});
