// Issue 10 end to end, on the region lab's real PostgreSQL servers: an operator requests a planned
// switchover of the lab deployment, an approver (someone else) approves it, the worker's engine runs
// it live in the page, the graph shows the new primary, and the report shows the write outage and
// the acknowledged writes lost, both measured from the workload's ledger (none lost). The lab is
// shared with lab.spec (file order): whichever of us-east-1 and eu-west-1 holds the primary when
// this starts, the switchover moves it to the other, and the spec ends with the lab healthy.
import { expect, test, type Page } from "@playwright/test";

import { demoUser, signIn } from "./helpers";

const US = "pg-us-east-1";
const EU = "pg-eu-west-1";
const AP = "pg-ap-southeast-1";

/** The name of the replica the graph shows as primary. */
async function primaryOf(page: Page): Promise<string> {
  const node = page.locator('[data-testid^="replica-node-"][data-role="PRIMARY"]');
  await expect(node).toHaveCount(1);
  return ((await node.getAttribute("data-testid")) ?? "").replace("replica-node-", "");
}

/** Every standby streaming within the RPO, measured on the servers: what the switchover's pre-check asks. */
async function labHealthy(page: Page, primary: string, timeout: number) {
  for (const region of ["us-east-1", "eu-west-1", "ap-southeast-1"])
    await expect(page.getByTestId(`region-node-${region}`)).toHaveAttribute("data-status", "HEALTHY", { timeout });
  for (const standby of [US, EU, AP].filter((name) => name !== primary)) {
    const link = page.getByTestId(`link-label-${primary}-${standby}`);
    await expect(link).not.toContainText("no data", { timeout });
    await expect(link).toHaveAttribute("data-over-rpo", "false", { timeout });
  }
}

test("a switchover of the lab is approved by someone else, runs live on real servers and reports the ledger's outage and lost writes", async ({
  page,
  browser,
}) => {
  // The lab may still be making its servers when this spec starts (initdb and two hot copies).
  test.setTimeout(360_000);
  await signIn(page, "OPERATOR", { timeoutMs: 30_000 });
  await page.goto("/topology/lab");
  await expect(page.getByTestId("measured-badge").first()).toBeVisible();
  await expect(page.locator('[data-testid^="replica-node-"][data-role="PRIMARY"]')).toHaveCount(1, {
    timeout: 60_000,
  });
  const from = await primaryOf(page);
  expect([US, EU]).toContain(from);
  const to = from === US ? EU : US;
  await labHealthy(page, from, 180_000);

  await page.goto("/operations/new?deployment=lab&runbook=SWITCHOVER");
  await expect(page.locator("#plan-target")).toBeEnabled({ timeout: 15_000 });
  await page.locator("#plan-target").selectOption({ label: `${to} (${to.replace("pg-", "")})` });
  await expect(page.getByTestId("topology-after")).toContainText(to);
  // PostgreSQL's runbook: a real fence (a fast shutdown), not a read-only setting.
  await expect(page.getByTestId("plan-steps")).toContainText(
    `Fence ${from} (${from.replace("pg-", "")}): a fast shutdown ends its clients and refuses new ones`,
  );
  await expect(page.getByTestId("check-no-active-operation")).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("start-blocked")).toHaveCount(0, { timeout: 30_000 });
  await page.getByLabel("Reason").fill(`e2e: move the lab's writes to ${to}`);
  await page.getByRole("button", { name: "Request planned switchover" }).click();
  const confirmation = page.getByRole("group", { name: "Confirm the request" });
  await expect(confirmation).toContainText(`${to} (${to.replace("pg-", "")})`);
  // The lab runs under the default policy: one approval, from an approver, before the run.
  await expect(confirmation.getByTestId("confirm-approvals")).toContainText("1 approval from Approver");
  await confirmation.getByRole("button", { name: "Send the request" }).click();

  await expect(page).toHaveURL(/\/operations\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  await expect(page.getByTestId("operation-status")).toHaveText("Awaiting approval");
  await expect(page.getByTestId("cannot-decide").first()).toContainText("someone else must approve it");
  // Nothing moved while it waits: the graph still shows the old primary.
  await expect(page.getByTestId(`replica-node-${from}`)).toHaveAttribute("data-role", "PRIMARY");

  const approverContext = await browser.newContext();
  const approverPage = await approverContext.newPage();
  await signIn(approverPage, "APPROVER");
  await approverPage.goto("/operations/approvals");
  const item = approverPage.locator('[data-testid^="inbox-"]').filter({ hasText: to }).first();
  await expect(item).toBeVisible();
  await item.getByLabel("Your password").fill(demoUser("APPROVER").password);
  await item.getByLabel("Comment").fill("the lab's standbys are streaming, go ahead");
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(approverPage.getByText("Nothing waits for your approval")).toBeVisible({ timeout: 15_000 });
  await approverContext.close();

  // The operator's page follows the run live: the worker's engine moves the real servers.
  await expect(page.getByTestId("operation-status")).toHaveText(/Running|Succeeded/, { timeout: 30_000 });
  await expect(page.getByTestId("operation-status")).toHaveText("Succeeded", { timeout: 120_000 });
  const timeline = page.getByTestId("step-timeline");
  await expect(timeline.locator('[data-status="SUCCEEDED"]').first()).toBeVisible();
  await expect(timeline.locator('[data-status="FAILED"], [data-status="ROLLED_BACK"]')).toHaveCount(0);
  await expect(page.getByTestId(`replica-node-${to}`)).toHaveAttribute("data-role", "PRIMARY", { timeout: 20_000 });
  await expect(page.getByTestId(`replica-node-${from}`)).toHaveAttribute("data-role", "READ_REPLICA");

  const report = page.getByTestId("operation-report");
  await expect(report.getByTestId("report-new-primary")).toContainText(to);
  // Measured from the ledger of acknowledged writes when the run ended: an outage in seconds ...
  await expect(report.getByTestId("report-ledger-outage")).toHaveText(/^\d+(\.\d+)?\s*(ms|s)$/);
  // ... and none of the acknowledged writes lost, beside the data at risk (none in a planned move).
  await expect(report.getByTestId("report-lost-writes")).toHaveAttribute("data-lost", "0");
  await expect(report.getByTestId("report-lost-writes")).toHaveText(/^0 of [1-9][\d,]*$/);
  await expect(report).toContainText("Acknowledged writes lost");
  await expect(report).toContainText("from the ledger, against 0 B at risk at the promotion");
  await expect(report.getByTestId("report-no-ledger")).toHaveCount(0);

  // The lab is left healthy: the old primary streams from the new one, every standby within the RPO.
  await page.goto("/topology/lab");
  await expect(page.getByTestId(`replica-node-${to}`)).toHaveAttribute("data-role", "PRIMARY");
  await labHealthy(page, to, 60_000);
});
