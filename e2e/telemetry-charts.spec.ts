// The telemetry charts and the map as an SRE reads them: every chart has a legend, a fault shows on
// the charts as an annotation that names it on hover, a week's range of a freshly started estate
// shows its data, and the map draws the world's coastlines with the routing policy, its text
// readable at the zoom that fits the estate.
import { expect, test } from "@playwright/test";

import { signIn } from "./helpers";

const CHARTS = ["lag-chart", "health-chart", "traffic-chart", "errors-chart", "conflicts-chart"];

test("the map draws coastlines and the routing policy, at a zoom that keeps its text readable", async ({ page }) => {
  await signIn(page, "VIEWER");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/topology/global-platform");
  await page.getByText("Map", { exact: true }).click();
  const coast = page.getByTestId("coastlines");
  await expect(coast).toBeAttached({ timeout: 20_000 });
  expect((await coast.getAttribute("d"))!.length).toBeGreaterThan(10_000);
  await expect(page.getByTestId("region-node-ap-southeast-1")).toBeVisible();
  await expect(page.locator(".react-flow__node-policy")).toContainText("global-lb");
  await expect(page.locator(".react-flow__edge-rule").first()).toBeAttached();
  // Fitted to the estate (three continents), a region card's 12 px code is drawn at least 9 px high.
  const code = page.getByTestId("region-node-ap-southeast-1").locator(".font-mono");
  await expect.poll(async () => (await code.boundingBox())?.height ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(9);
});

test("every chart has a legend and the fault's annotation; a week shows the estate's minutes of data", async ({
  page,
}) => {
  test.setTimeout(300_000); // two cores shared by the app, the worker, the browser and other builds
  await signIn(page, "OPERATOR");
  await page.goto("/topology/commerce-aws");
  await page.locator("#fault-kind").selectOption("WRITE_SURGE");
  await page.locator("#fault-target").selectOption({ label: "aurora-global" });
  await page.getByRole("button", { name: "Inject fault" }).click();
  await expect(page.getByTestId("active-faults")).toContainText("Write surge");

  const charts = await page.context().newPage();
  await charts.goto("/telemetry/commerce-aws");
  await charts.bringToFront();
  for (const id of CHARTS) {
    const chart = charts.getByTestId(id);
    // The first history query can take long while other builds load the machine.
    await expect(chart.getByTestId("chart-legend").getByRole("button").first()).toBeVisible({ timeout: 60_000 });
    await expect(chart.getByTestId("chart-legend")).toContainText("Fault");
    await expect(chart.locator('[data-annotation-kind="fault"]').first()).toBeVisible();
  }
  // The legend names the lag chart's link (its direction follows the primary, which an earlier
  // spec's switchover may have moved), and several round-time ticks sit on its axis.
  const lag = charts.getByTestId("lag-chart");
  await expect(lag.getByTestId("chart-legend")).toContainText(/aurora-use1 → aurora-euw1|aurora-euw1 → aurora-use1/);
  expect(await lag.locator(".recharts-xAxis .recharts-cartesian-axis-tick").count()).toBeGreaterThanOrEqual(4);
  // The mark names the fault, and so does its tooltip on focus (as on hover).
  // (An earlier spec's outage may be marked on the chart too: this one is the write surge's.)
  const mark = lag.locator('[data-annotation-kind="fault"][aria-label^="Fault: Write surge"]').first();
  await expect(mark).toHaveAttribute("aria-label", /^Fault: Write surge, from .*, ongoing$/);
  await mark.focus();
  await expect(lag.getByRole("tooltip")).toContainText("Fault: Write surge");

  // The estate started minutes ago: 7 d and 24 h still show its samples, not "No lag samples".
  for (const range of ["7 d", "24 h"]) {
    // The preset radios are visually hidden inside their labels.
    await charts.getByRole("radio", { name: range, exact: true }).check({ force: true });
    // A young estate's week may be a single hourly point, drawn as a dot (a line of zero length
    // is not "visible" to Playwright): the series is drawn, and the empty message is not shown.
    await expect(lag.locator(".recharts-line").first()).toBeAttached({ timeout: 20_000 });
    await expect(lag).not.toContainText("No lag samples in this range");
  }

  await page.bringToFront();
  await page.getByRole("button", { name: /^Clear Write surge/ }).click();
  await expect(page.getByText("None: the deployment runs as modelled.")).toBeVisible();
});
