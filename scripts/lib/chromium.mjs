// The Chromium the end-to-end tests drive: the one home of its path (Playwright's config reads it
// too). Browsers cannot be downloaded on these machines, so it is Debian's package by default;
// `npm test` installs it itself when it can (root on Debian) and otherwise stops at once, saying
// the one command to run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

export function chromiumPath() {
  return process.env.PLAYWRIGHT_CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

const hasApt = () => spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;

/**
 * Makes sure the Chromium is there before any test runs. Returns what it did ("present" or
 * "installed"); throws with the one command to run when it cannot install it itself.
 */
export function ensureChromium({ say = () => {} } = {}) {
  const wanted = chromiumPath();
  if (existsSync(wanted)) return "present";
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH)
    throw new Error(`PLAYWRIGHT_CHROMIUM_PATH is ${wanted}, but there is no Chromium there: point it at one`);
  const debian = existsSync("/etc/debian_version") && hasApt();
  const root = process.getuid?.() === 0;
  if (debian && root) {
    say("installing Debian's chromium for the end-to-end tests (apt-get install chromium)");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    for (const args of [
      ["update", "-qq"],
      ["install", "-y", "-qq", "chromium"],
    ]) {
      const result = spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env });
      if (result.status !== 0)
        throw new Error(`apt-get ${args.join(" ")} exited with ${result.status ?? result.signal}`);
    }
    if (existsSync(wanted)) return "installed";
    throw new Error(`apt-get installed chromium, but not at ${wanted}: set PLAYWRIGHT_CHROMIUM_PATH to it`);
  }
  const command = debian ? "sudo apt-get install chromium" : "PLAYWRIGHT_CHROMIUM_PATH=/path/to/chromium npm test";
  throw new Error(`No Chromium at ${wanted} for the end-to-end tests. Run:\n\n  ${command}\n`);
}
