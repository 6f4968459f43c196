// `npm test`: type-check, lint, unit and integration tests against real PostgreSQL (Vitest), then
// the production build and the end-to-end tests in Chromium (Playwright). Ends with one line that
// counts every test: "N passed, N failed".
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

import { ensureChromium } from "./lib/chromium.mjs";
import { ensureBuild, ensureDependencies, root, run, say } from "./lib/steps.mjs";

const results = { passed: 0, failed: 0, skipped: 0 };
function count(file, read) {
  const full = path.join(root, file);
  if (!existsSync(full)) return;
  const counted = read(JSON.parse(readFileSync(full, "utf8")));
  results.passed += counted.passed;
  results.failed += counted.failed;
  results.skipped += counted.skipped;
}
const vitestCounts = (report) => ({
  passed: report.numPassedTests,
  failed: report.numFailedTests,
  skipped: report.numPendingTests + (report.numTodoTests ?? 0),
});
const playwrightCounts = (report) => ({
  passed: report.stats.expected + (report.stats.flaky ?? 0),
  failed: report.stats.unexpected,
  skipped: report.stats.skipped,
});

let failure = null;
try {
  ensureDependencies();
  // Before anything long: a machine without Chromium learns it now, not after the unit tests.
  ensureChromium({ say });
  rmSync(path.join(root, "test-results"), { recursive: true, force: true });
  say("type-checking (tsc)");
  run("npx", ["tsc", "--noEmit"]);
  say("linting (eslint) and checking the format (prettier)");
  run("npx", ["eslint", "--max-warnings=0", "."]);
  run("npx", ["prettier", "--check", "--log-level=warn", "."]);
  say("unit and integration tests against real PostgreSQL (vitest)");
  try {
    run("npx", [
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      "--outputFile.json=test-results/vitest.json",
    ]);
  } finally {
    count("test-results/vitest.json", vitestCounts);
  }
  ensureBuild();
  say("end-to-end tests in Chromium (playwright)");
  try {
    run("npx", ["playwright", "test"]);
  } finally {
    count("test-results/e2e.json", playwrightCounts);
  }
} catch (error) {
  failure = error;
}
if (failure) console.error(`\n${failure.message}`);
console.log(
  `\n${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ""}`,
);
process.exit(failure || results.failed > 0 ? 1 : 0);
