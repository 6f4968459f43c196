// The reason an SRE keeps Meridian open: an operator plans a switchover, an approver approves it
// from another browser, the engine runs it live, the graph shows the new primary and the report
// shows the measured phases. Runs after live.spec (one worker, file order), on the demo's commerce-aws.
import { expect, test } from "@playwright/test";

import { demoUser, signIn } from "./helpers";

test("a planned switchover is approved by someone else, runs live and reports its phases", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await signIn(page, "OPERATOR");
  await page.goto("/operations/new?deployment=commerce-aws&runbook=SWITCHOVER");
  await expect(page.getByTestId("plan-steps")).toContainText(
    "Fence writes on the current primary, aurora-use1 (us-east-1)",
  );
  await expect(page.getByTestId("check-no-active-operation")).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("topology-after")).toContainText("aurora-euw1");
  // No reason, no request: the field says so and nothing is sent.
  await page.getByRole("button", { name: "Request planned switchover" }).click();
  await expect(page.locator("#start-reason-error")).toHaveText("reason is required");
  await expect(page.getByTestId("request-confirmation")).toHaveCount(0);
  await page.getByLabel("Reason").fill("e2e: move writes to eu-west-1");
  await page.getByRole("button", { name: "Request planned switchover" }).click();
  // The confirmation says what will happen before anything is stored.
  const confirmation = page.getByRole("group", { name: "Confirm the request" });
  await expect(confirmation.getByTestId("confirm-steps")).toContainText("Fence writes on the current primary");
  await expect(confirmation).toContainText("aurora-euw1 (eu-west-1)");
  await expect(confirmation).toContainText("Estimated RTO");
  await expect(confirmation.getByTestId("confirm-approvals")).toContainText("1 approval from Approver");
  await confirmation.getByRole("button", { name: "Send the request" }).click();

  await expect(page).toHaveURL(/\/operations\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  await expect(page.getByTestId("operation-status")).toHaveText("Awaiting approval");
  // Four eyes: the requester is told someone else must approve.
  await expect(page.getByTestId("cannot-decide").first()).toContainText("someone else must approve it");

  const approverContext = await browser.newContext();
  const approverPage = await approverContext.newPage();
  await signIn(approverPage, "APPROVER");
  // The navigation tells the approver an approval waits for them, on any page.
  await expect(approverPage.getByTestId("nav-approvals-count")).toHaveText(/^[1-9]\d*$/);
  await approverPage
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: /Approvals/ })
    .click();
  await expect(approverPage).toHaveURL(/\/operations\/approvals$/);
  const item = approverPage.locator('[data-testid^="inbox-"]').first();
  await expect(item).toContainText("aurora-euw1");
  await item.getByLabel("Your password").fill(demoUser("APPROVER").password);
  await item.getByLabel("Comment").fill("lag is low, go ahead");
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(approverPage.getByText("Nothing waits for your approval")).toBeVisible({ timeout: 15_000 });
  await expect(approverPage.getByTestId("nav-approvals-count")).toHaveText("0");
  await approverContext.close();

  // The operator's page follows the run live.
  await expect(page.getByTestId("operation-status")).toHaveText(/Running|Succeeded/, { timeout: 20_000 });
  await expect(page.getByTestId("operation-status")).toHaveText("Succeeded", { timeout: 90_000 });
  await expect(page.getByTestId("step-timeline").locator('[data-status="SUCCEEDED"]')).toHaveCount(9);
  await expect(page.getByTestId("replica-node-aurora-euw1")).toHaveAttribute("data-role", "PRIMARY", {
    timeout: 20_000,
  });
  await expect(page.getByTestId("replica-node-aurora-use1")).toHaveAttribute("data-role", "READ_REPLICA");

  const report = page.getByTestId("operation-report");
  for (const phase of ["fence", "catch-up", "promote", "routing", "verify"])
    await expect(report.getByTestId(`phase-${phase}`)).toBeVisible();
  await expect(report.getByTestId("report-data-loss")).toHaveAttribute("data-met", "true");
  await expect(report.getByTestId("report-new-primary")).toContainText("aurora-euw1");
});
