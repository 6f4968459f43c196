// Planning end to end: an operator prices a what-if (warm standby instead of active-active) in the
// browser, saves it, opens its shareable link, and exports the comparison; a viewer reads the plan
// but cannot save.
import { readFile } from "node:fs/promises";

import { expect, test, type Page } from "@playwright/test";

import { signIn } from "./helpers";

const slug = "global-platform";
const scenarioName = `E2E warm standby ${Date.now().toString(36)}`;

/** "$123,456.78" -> 123456.78 */
async function usdOf(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? "";
  const amount = Number(text.replace(/[^0-9.-]/g, ""));
  expect(Number.isFinite(amount) && amount > 0, `${testId} shows a dollar amount, got "${text}"`).toBe(true);
  return amount;
}

test.describe.configure({ mode: "serial" });

test("an operator prices warm standby, saves it, opens its link and exports the comparison", async ({ page }) => {
  await signIn(page, "OPERATOR");
  await page.goto(`/planning/${slug}`);

  const baselineText = (await page.getByTestId("baseline-total").textContent()) ?? "";
  const baselineUsd = await usdOf(page, "baseline-total");
  // Before any change the scenario is a copy of the deployment.
  await expect(page.getByTestId("scenario-total")).toHaveText(baselineText);
  await expect(page.getByTestId("category-chart")).toHaveAttribute("data-series", "Baseline");

  // Priced in the browser: the total follows the control without saving anything.
  await page.locator("#scenario-dr-model").selectOption("WARM_STANDBY");
  await expect(page.getByTestId("scenario-total")).not.toHaveText(baselineText);
  const scenarioText = (await page.getByTestId("scenario-total").textContent()) ?? "";
  expect(await usdOf(page, "scenario-total")).toBeLessThan(baselineUsd);
  await expect(page.getByTestId("category-chart")).toHaveAttribute("data-series", /^Baseline,.+/);

  await page.getByLabel("Scenario name").fill(scenarioName);
  await expect(page.getByTestId("category-chart")).toHaveAttribute("data-series", `Baseline,${scenarioName}`);
  await page.getByRole("button", { name: "Save scenario" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved “${scenarioName}”` })).toBeVisible();
  const savedLink = page.getByRole("link", { name: scenarioName, exact: true });
  await expect(savedLink).toBeVisible();
  const href = await savedLink.getAttribute("href");
  expect(href).toMatch(new RegExp(`^/planning/${slug}\\?scenario=.+`));

  // The shareable link, in a fresh page, opens the scenario in the editor and the comparison.
  const shared = await page.context().newPage();
  await shared.goto(href!);
  await expect(shared.locator("#scenario-dr-model")).toHaveValue("WARM_STANDBY");
  await expect(shared.getByLabel("Scenario name")).toHaveValue(scenarioName);
  await expect(shared.getByTestId("scenario-total")).toHaveText(scenarioText);
  await expect(shared.getByTestId("category-chart")).toHaveAttribute("data-series", `Baseline,${scenarioName}`);
  await shared.close();

  // The comparison as CSV, made in the browser.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`meridian-plan-${slug}.csv`);
  const csv = await readFile((await download.path())!, "utf8");
  // One row per option: what it is (DR model, changes) and what it costs, each column with its unit.
  const [header, baselineRow, scenarioRow] = csv
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(","));
  const total = header!.indexOf("Total monthly cost (USD)");
  expect(total, "the CSV has a total column with its unit").toBeGreaterThan(0);
  expect(header).toContain("Transfer monthly cost (USD)");
  expect(baselineRow!.slice(0, 3)).toEqual(["Baseline", "Active-active", "none (the deployment as it runs)"]);
  expect(scenarioRow!.slice(0, 3)).toEqual([scenarioName, "Warm standby", "DR model: Warm standby"]);
  expect(Number(baselineRow![total])).toBeCloseTo(baselineUsd, 0);
  expect(Number(scenarioRow![total])).toBeLessThan(Number(baselineRow![total]));
});

test("a viewer sees the plan but cannot save a scenario", async ({ page }) => {
  await signIn(page, "VIEWER");
  await page.goto(`/planning/${slug}`);
  await expect(page.getByTestId("baseline-total")).toContainText("$");
  await expect(page.locator("#scenario-dr-model")).toBeVisible();
  // The saved scenario is listed for everyone; only its controls are missing.
  await expect(page.getByRole("link", { name: scenarioName, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save scenario" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Delete scenario ${scenarioName}` })).toHaveCount(0);
});

test("commerce-aws: the transfer row shows the replication, and its own DR model's bar is its cost", async ({
  page,
}) => {
  await signIn(page, "VIEWER");
  await page.goto("/planning/commerce-aws");
  const baselineText = (await page.getByTestId("baseline-total").textContent()) ?? "";
  expect(baselineText).toContain("$");

  // The article's 1 TB/day between two regions, $600 a month, in the transfer row itself.
  const categories = page.getByRole("table", { name: "Baseline monthly cost by category" });
  const transferRow = categories.getByRole("row").filter({ hasText: "Transfer" });
  // Either way round: an earlier spec's switchover may have moved the primary to eu-west-1.
  await expect(transferRow.getByRole("list", { name: "Transfer lines" })).toContainText(
    /replication (us-east-1 -> eu-west-1|eu-west-1 -> us-east-1): 1000 GB\/day across continents\$600\.00/,
  );

  // The deployment runs warm standby: that bar is what the baseline costs, not a textbook reshape.
  const chart = page.locator("figure").filter({ hasText: "Cost against RTO and RPO" });
  await expect(chart.locator("p.sr-only")).toContainText(`Warm standby: ${baselineText},`);
});
