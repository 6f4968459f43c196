// `npm test`'s Chromium check: it names a wrong PLAYWRIGHT_CHROMIUM_PATH at once, before any test,
// and finds the one it will drive.
import { afterEach, describe, expect, it, vi } from "vitest";

import { chromiumPath, DEFAULT_CHROMIUM_PATH, ensureChromium } from "./chromium.mjs";

afterEach(() => vi.unstubAllEnvs());

describe("the Chromium of the end-to-end tests", () => {
  it("is Debian's by default, or the one PLAYWRIGHT_CHROMIUM_PATH names", () => {
    vi.stubEnv("PLAYWRIGHT_CHROMIUM_PATH", "");
    expect(chromiumPath()).toBe(DEFAULT_CHROMIUM_PATH);
    vi.stubEnv("PLAYWRIGHT_CHROMIUM_PATH", "/opt/chromium/chrome");
    expect(chromiumPath()).toBe("/opt/chromium/chrome");
  });

  it("stops at once when PLAYWRIGHT_CHROMIUM_PATH points at nothing, installing nothing", () => {
    vi.stubEnv("PLAYWRIGHT_CHROMIUM_PATH", "/nowhere/chromium");
    const said: string[] = [];
    expect(() => ensureChromium({ say: (m) => said.push(m) })).toThrow(
      "PLAYWRIGHT_CHROMIUM_PATH is /nowhere/chromium, but there is no Chromium there",
    );
    expect(said).toEqual([]);
  });

  it("finds an executable that is there", () => {
    vi.stubEnv("PLAYWRIGHT_CHROMIUM_PATH", process.execPath);
    expect(ensureChromium()).toBe("present");
  });
});
