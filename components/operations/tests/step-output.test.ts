// Step outputs read as sentences: no raw field names, no "null", ids named, engine fields hidden.
import { describe, expect, it } from "vitest";

import { outputSentence } from "@/components/operations/step-view";

const REPLICA = "0b6c6f0e-5d0a-4c39-9d4e-9a4b8f3c2a11";
const LINK = "7d1e2f3a-4b5c-4d6e-8f70-1a2b3c4d5e6f";
const names = new Map([
  [REPLICA, "aurora-euw1 (eu-west-1)"],
  [LINK, "the link aurora-use1 (us-east-1) → aurora-euw1 (eu-west-1)"],
]);

describe("a step's output in words", () => {
  it("says the pre-check's epoch and lag as a sentence", () => {
    expect(outputSentence({ baseEpoch: 3, lagMs: 61.4 })).toBe("Started at epoch 3; lag was 61 ms.");
  });

  it("leaves out an absent drain and the engine's own fields, and names regions", () => {
    expect(outputSentence({ to: "eu-west-1", drained: null, policies: 1, previous: "{}" }, names)).toBe(
      "Traffic to eu-west-1; 1 routing policy changed.",
    );
  });

  it("names replicas and links by their names, and never shows an id it cannot name", () => {
    const sentence = outputSentence(
      { replica: REPLICA, epoch: 4, link: LINK, other: "1f2e3d4c-0000-4000-8000-000000000000" },
      names,
    );
    expect(sentence).toBe(
      "On aurora-euw1 (eu-west-1); now at epoch 4; link the link aurora-use1 (us-east-1) → aurora-euw1 (eu-west-1).",
    );
    expect(sentence).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
  });

  it("says a scale-up and a restore in size words, never the engine's records or enum names", () => {
    const scaled = JSON.stringify([{ id: REPLICA, tier: "FULL", instanceCount: 10 }]);
    const previous = JSON.stringify([{ id: REPLICA, tier: "SCALED_DOWN", instanceCount: 3 }]);
    const sizes = "compute 3 × large, scaled down → 10 × large";
    expect(outputSentence({ region: "eu-west-1", regionId: REPLICA, resized: 1, sizes, previous, scaled })).toBe(
      "In eu-west-1; 1 stack resized; compute 3 × large, scaled down → 10 × large.",
    );
    const restore = outputSentence({
      region: "eu-west-1",
      restored: 1,
      kept: 0,
      sizes: "compute 10 × large → 3 × large, scaled down",
      previous: scaled,
      note: "eu-west-1 is back at its size before the scale-up",
    });
    expect(restore).toBe(
      "In eu-west-1; 1 stack restored; compute 10 × large → 3 × large, scaled down; eu-west-1 is back at its size before the scale-up.",
    );
    expect(restore).not.toMatch(/FULL|SCALED_DOWN/);
  });

  it("returns nothing for an output with nothing to say", () => {
    expect(outputSentence({ faultId: REPLICA, previous: "[]" })).toBeNull();
    expect(outputSentence(null)).toBeNull();
  });
});
