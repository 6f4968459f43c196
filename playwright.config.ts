// End-to-end tests: the production build, served against a fresh PostgreSQL with the demo data
// (scripts/e2e-server.mjs), driven in Chromium. Debian's Chromium by default: browsers cannot be
// downloaded on these machines; PLAYWRIGHT_CHROMIUM_PATH points elsewhere (scripts/lib/chromium.mjs).
import { defineConfig, devices } from "@playwright/test";

import { chromiumPath } from "./scripts/lib/chromium.mjs";

const port = Number(process.env.E2E_PORT ?? 3100);
const executablePath = chromiumPath();

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // Two cores serve the app and run the browser: one test at a time keeps timings honest.
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]]
    : [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } } }],
  webServer: {
    command: `node scripts/e2e-server.mjs ${port}`,
    url: `http://localhost:${port}/sign-in`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // The e2e server stops the lab's servers before its database (scripts/e2e-server.mjs).
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
  },
});
