// The region lab in the browser: real PostgreSQL servers (the seed's primary in us-east-1, hot
// standbys in eu-west-1 and ap-southeast-1) started by the e2e server. An operator cuts the link
// from the primary to the other of us-east-1 and eu-west-1 (lab-switchover.spec moves the primary
// between them; either may hold it here) from the fault panel: the lab's relay drops the standby's
// replication connection, and the lag read from the servers rises live in the graph and the chart
// past the RPO; restoring the link lets the standby reconnect and the lag drains.
import { expect, test, type Locator } from "@playwright/test";

import { signIn } from "./helpers";

/** The lag a link's label shows ("850 ms · 12 KB", "1.25 s · 3 MB", "3.2 min · …"), in ms. */
async function lagMsOf(label: Locator): Promise<number> {
  const text = (await label.textContent()) ?? "";
  const match = /([\d.]+)\s*(ms|s|min|h)\b/.exec(text);
  if (!match) return Number.NaN;
  const unit = { ms: 1, s: 1000, min: 60_000, h: 3_600_000 }[match[2] as "ms" | "s" | "min" | "h"];
  return Number(match[1]) * unit;
}

test("a link cut on the lab raises the measured lag live in the graph and the chart; restoring it drains", async ({
  page,
}) => {
  // The lab may still be making its servers when this spec starts (initdb and two hot copies).
  test.setTimeout(300_000);
  await signIn(page, "OPERATOR", { timeoutMs: 30_000 });
  await page.goto("/topology/lab");
  await expect(page.getByTestId("measured-badge").first()).toBeVisible();

  const primaryNode = page.locator('[data-testid^="replica-node-"][data-role="PRIMARY"]');
  await expect(primaryNode).toHaveCount(1, { timeout: 60_000 });
  const primary = ((await primaryNode.getAttribute("data-testid")) ?? "").replace("replica-node-", "");
  expect(["pg-us-east-1", "pg-eu-west-1"]).toContain(primary);
  const standby = primary === "pg-us-east-1" ? "pg-eu-west-1" : "pg-us-east-1";
  const link = page.getByTestId(`link-label-${primary}-${standby}`);
  const standbyRegion = page.getByTestId(`region-node-${standby.replace("pg-", "")}`);
  // Up and streaming: the standby's region is healthy and the link's lag is measured, under the RPO.
  await expect(standbyRegion).toHaveAttribute("data-status", "HEALTHY", { timeout: 180_000 });
  await expect(link).not.toContainText("no data", { timeout: 60_000 });
  await expect(link).toHaveAttribute("data-over-rpo", "false", { timeout: 60_000 });

  await page.locator("#fault-kind").selectOption("LINK_PARTITION");
  await page.locator("#fault-target").selectOption({ label: `${primary} → ${standby}` });
  await page.getByRole("button", { name: "Inject fault" }).click();
  await expect(page.getByTestId("active-faults")).toContainText("Link partition");

  // The lag rises live: over the RPO (1 s), then still growing while the link stays cut.
  await expect(link).toHaveAttribute("data-over-rpo", "true", { timeout: 30_000 });
  const first = await lagMsOf(link);
  await expect.poll(() => lagMsOf(link), { timeout: 30_000 }).toBeGreaterThan(first);

  // The chart says the same, live.
  const chartsTab = await page.context().newPage();
  await chartsTab.goto("/telemetry/lab");
  await expect(chartsTab.getByTestId("measured-badge")).toBeVisible();
  await expect(chartsTab.getByTestId("lag-over-rpo")).not.toHaveAttribute("data-count", "0", { timeout: 20_000 });
  await expect(chartsTab.getByTestId("lag-chart")).toContainText(`${primary} → ${standby}`);

  // Restored: the standby reconnects through the relay and catches up.
  await page.getByRole("button", { name: /^Clear Link partition/ }).click();
  await expect(page.getByText("None: the deployment runs as modelled.")).toBeVisible();
  await expect(link).toHaveAttribute("data-over-rpo", "false", { timeout: 60_000 });
  await expect.poll(() => lagMsOf(link), { timeout: 30_000 }).toBeLessThan(1000);
  await expect(chartsTab.getByTestId("lag-over-rpo")).toHaveAttribute("data-count", "0", { timeout: 30_000 });

  // A region outage on the lab asks how its servers stop (server/lab/driver-observe.test.ts acts both out).
  await page.locator("#fault-kind").selectOption("REGION_OUTAGE");
  await expect(page.locator("#fault-outage-mode option")).toHaveText(["Unplanned (kill -9)", "Clean shutdown"]);
});
