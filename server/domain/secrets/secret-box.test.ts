import { describe, expect, it } from "vitest";

import { openSecret, sealSecret, SecretTamperedError } from "./secret-box";

describe("secrets at rest", () => {
  it("round-trips, with a fresh IV each time, and never holds the plaintext", () => {
    const a = sealSecret("s3cret pässword", "replica-1");
    const b = sealSecret("s3cret pässword", "replica-1");
    expect(a).not.toBe(b);
    expect(a).not.toContain("s3cret");
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(openSecret(a, "replica-1")).toBe("s3cret pässword");
    expect(openSecret(sealSecret("", "r"), "r")).toBe("");
  });

  it("detects a changed byte, a truncated value and a value moved to another row", () => {
    const sealed = sealSecret("password", "replica-1");
    const parts = sealed.split(".");
    const flip = (text: string) => (text[0] === "A" ? "B" : "A") + text.slice(1);
    for (const tampered of [
      [parts[0], parts[1], parts[2], flip(parts[3]!)].join("."),
      [parts[0], parts[1], flip(parts[2]!), parts[3]].join("."),
      [parts[0], flip(parts[1]!), parts[2], parts[3]].join("."),
      parts.slice(0, 3).join("."),
      `v2.${parts.slice(1).join(".")}`,
    ])
      expect(() => openSecret(tampered, "replica-1")).toThrow(SecretTamperedError);
    expect(() => openSecret(sealed, "replica-2")).toThrow(/does not verify/);
  });
});
